import { listUsers as listUserRows, type UserRow } from '../storage/users.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'

export type { UserRow }

export async function listUsers(deps: Deps, actor: Actor, organisationId?: string): Promise<UserRow[]> {
  requireRole(actor, 'admin')
  return listUserRows(deps.db, organisationId)
}
