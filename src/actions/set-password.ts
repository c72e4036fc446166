// Setting a password: an admin sets anyone's; anyone else their own, and only by giving the
// current one. The user's other sessions end, so whoever knew the old password is signed out.
import { AppError } from '../domain/app-error.ts'
import { deleteUserSessions } from '../storage/sessions.ts'
import { findPasswordHash, findUserByEmail, setPasswordHash, type UserRow } from '../storage/users.ts'
import type { Actor, Deps } from './deps.ts'
import { hashPassword, passwordMatches, requireGoodPassword } from './passwords.ts'

export type PasswordChange = {
  userId: string
  password: string
  currentPassword?: string
  /** The id hash of the session asking, which stays signed in. */
  keepSession?: string
}

/** Returns how many of the user's sessions were ended. */
export async function setPassword(deps: Deps, actor: Actor, change: PasswordChange): Promise<number> {
  if (actor.role !== 'admin' && actor.userId !== change.userId) {
    throw new AppError('forbidden', "only an admin may set another user's password")
  }
  const stored = await findPasswordHash(deps.db, change.userId)
  if (stored === undefined) throw new AppError('not_found', `no user "${change.userId}"`)
  requireGoodPassword(change.password)
  if (actor.role !== 'admin') await requireCurrentPassword(stored, change.currentPassword)
  const hash = await hashPassword(change.password)
  return deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, change.userId, hash)
    return deleteUserSessions(tx, change.userId, change.keepSession)
  })
}

async function requireCurrentPassword(stored: string | null, given: string | undefined): Promise<void> {
  if (given === undefined) {
    throw new AppError('invalid_input', 'changing your own password needs your current one', [
      { path: ['current_password'], message: 'is required', hint: 'send {password, current_password}' },
    ])
  }
  if (!(await passwordMatches(stored, given))) {
    throw new AppError('forbidden', 'the current password is wrong', [
      { path: ['current_password'], message: 'is not your current password' },
    ])
  }
}

/** `upheld user password EMAIL`: the user with this email gets a new password. */
export async function setPasswordForEmail(
  deps: Deps,
  actor: Actor,
  input: { email: string; password: string },
): Promise<{ user: UserRow; sessionsEnded: number }> {
  const user = await findUserByEmail(deps.db, input.email)
  if (!user) throw new AppError('not_found', `no user with the email ${input.email}`)
  return {
    user,
    sessionsEnded: await setPassword(deps, actor, { userId: user.id, password: input.password }),
  }
}
