// Signing in to the web app: an email and password for a new session. The session id is 32
// random bytes shown only to the browser (in a cookie) and stored as a SHA-256 hash.
import { randomBytes } from 'node:crypto'
import { AppError } from '../domain/app-error.ts'
import { deleteExpiredSessions, insertSession } from '../storage/sessions.ts'
import { findCredentials, type UserRow } from '../storage/users.ts'
import { SESSION_IDLE_MS, SESSION_MAX_AGE_MS } from './authenticate-session.ts'
import type { Deps } from './deps.ts'
import { hashToken } from './manage-people.ts'
import { passwordMatches } from './passwords.ts'

export type SignedIn = { user: UserRow; sessionId: string; csrfToken: string }

export async function signIn(deps: Deps, input: { email: string; password: string }): Promise<SignedIn> {
  const user = await findCredentials(deps.db, input.email)
  // A disabled user's or a password-less user's hash is checked all the same (or a dummy's, for
  // an unknown email): every refusal takes as long and says the same.
  const matches = await passwordMatches(user?.password_hash, input.password)
  if (!user || !matches || user.disabled_at !== null) {
    throw new AppError('unauthorized', 'the email or password is wrong', [
      { path: [], message: 'check both and try again', hint: 'an admin can set a new password' },
    ])
  }
  const now = deps.now()
  // Sessions are few; forgetting the expired ones at each sign-in keeps the table small.
  await deleteExpiredSessions(deps.db, {
    idleBefore: new Date(now - SESSION_IDLE_MS),
    startedBefore: new Date(now - SESSION_MAX_AGE_MS),
  })
  const sessionId = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(32).toString('base64url')
  await insertSession(deps.db, {
    idHash: hashToken(sessionId),
    userId: user.id,
    csrfToken,
    at: new Date(now),
  })
  const { password_hash: _hash, ...withoutHash } = user
  return { user: withoutHash, sessionId, csrfToken }
}
