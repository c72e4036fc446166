// Who is behind an API token: the token is looked up by its hash, so the secret is never stored.
import { AppError } from '../domain/app-error.ts'
import { findUserByTokenHash, touchToken } from '../storage/tokens.ts'
import type { Actor, Deps } from './deps.ts'
import { hashToken } from './manage-people.ts'

// Recording every use would be a write per request; a minute is precise enough to see which
// tokens are alive.
const TOUCH_EVERY_MS = 60_000

export async function authenticateToken(deps: Deps, token: string): Promise<Actor> {
  if (!token.startsWith('uph_')) {
    throw new AppError('unauthorized', 'this is not an Upheld API token', [
      { path: [], message: 'tokens start with uph_', hint: 'send Authorization: Bearer uph_…' },
    ])
  }
  const user = await findUserByTokenHash(deps.db, hashToken(token))
  if (!user) throw new AppError('unauthorized', 'the token is unknown, revoked, or its user is disabled')
  const now = deps.now()
  if (user.token_last_used_at === null || now - user.token_last_used_at.getTime() >= TOUCH_EVERY_MS) {
    await touchToken(deps.db, user.token_id, new Date(now))
  }
  return { userId: user.id, role: user.role, organisationId: user.organisation_id, authMethod: 'token' }
}
