// Who is behind a web app session: the cookie's id is looked up by its hash, and the session
// ends when it has been idle for 12 hours or is 7 days old, whichever comes first.
import { AppError } from '../domain/app-error.ts'
import { deleteSession, findSession, type SessionUser, touchSession } from '../storage/sessions.ts'
import type { Actor, Deps } from './deps.ts'
import { hashToken } from './manage-people.ts'

export const SESSION_IDLE_MS = 12 * 60 * 60_000
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60_000
// As with tokens: a write per request would be too many, and a minute is precise enough.
const TOUCH_EVERY_MS = 60_000
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/

export type SignedInSession = { idHash: string; csrfToken: string; user: SessionUser }

export async function authenticateSession(
  deps: Deps,
  sessionId: string,
): Promise<{ actor: Actor; session: SignedInSession }> {
  const found = SESSION_ID.test(sessionId) ? await findSession(deps.db, hashToken(sessionId)) : undefined
  if (!found) throw signInAgain('the session is unknown or has ended')
  const now = deps.now()
  const seen = found.last_seen_at.getTime()
  if (now - seen >= SESSION_IDLE_MS || now - found.created_at.getTime() >= SESSION_MAX_AGE_MS) {
    await deleteSession(deps.db, found.id_hash)
    throw signInAgain('the session has expired')
  }
  if (now - seen >= TOUCH_EVERY_MS) await touchSession(deps.db, found.id_hash, new Date(now))
  return {
    actor: {
      userId: found.user_id,
      role: found.user.role,
      organisationId: found.user.organisation_id,
      authMethod: 'session',
    },
    session: { idHash: found.id_hash, csrfToken: found.csrf_token, user: found.user },
  }
}

function signInAgain(why: string): AppError {
  return new AppError('unauthorized', `${why}; sign in again`, [
    { path: [], message: 'sign in with POST /api/session {email, password}' },
  ])
}
