import { listOrganisations as listOrganisationRows, type OrganisationRow } from '../storage/organisations.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'

export type { OrganisationRow }

export async function listOrganisations(deps: Deps, actor: Actor): Promise<OrganisationRow[]> {
  requireRole(actor, 'admin')
  return listOrganisationRows(deps.db)
}
