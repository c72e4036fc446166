import { type AgreementRow, listAgreements as listAgreementRows } from '../storage/agreements.ts'
import { customerScope } from './access.ts'
import type { Actor, Deps } from './deps.ts'

export type { AgreementRow }

/** The agreements the actor may read: a customer's own, or any (of one customer) for staff. */
export async function listAgreements(deps: Deps, actor: Actor, customerId?: string): Promise<AgreementRow[]> {
  return listAgreementRows(deps.db, customerScope(actor, customerId))
}
