// Disabling a user: they cannot sign in, their sessions end, and their API tokens stop working
// (tokens of disabled users are refused where they are checked). Nothing of theirs is deleted.
import { AppError } from '../domain/app-error.ts'
import { deleteUserSessions } from '../storage/sessions.ts'
import { disableUser as markDisabled, type UserRow } from '../storage/users.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'

export async function disableUser(deps: Deps, actor: Actor, userId: string): Promise<UserRow> {
  requireRole(actor, 'admin')
  if (userId === actor.userId) {
    throw new AppError('invalid_input', 'you cannot disable yourself', [
      { path: ['id'], message: 'is your own user', hint: 'another admin can' },
    ])
  }
  return deps.db.transaction(async (tx) => {
    const user = await markDisabled(tx, userId, new Date(deps.now()))
    if (!user) throw new AppError('not_found', `no user "${userId}"`)
    await deleteUserSessions(tx, userId)
    return user
  })
}
