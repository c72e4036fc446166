import { type AgreementRow, listAgreements as listAgreementRows } from '../storage/agreements.ts'
import { type AgreementStanding, agreementStandings } from '../storage/lifecycle.ts'
import { customerScope } from './access.ts'
import type { Actor, Deps } from './deps.ts'

export type { AgreementRow, AgreementStanding }

/** The agreements the actor may read: a customer's own, or any (of one customer) for staff. */
export async function listAgreements(deps: Deps, actor: Actor, customerId?: string): Promise<AgreementRow[]> {
  return listAgreementRows(deps.db, customerScope(actor, customerId))
}

/** The same agreements, each with where it stands: edition, state, version in force, open findings. */
export async function listAgreementsStanding(
  deps: Deps,
  actor: Actor,
  customerId?: string,
): Promise<(AgreementRow & { standing: AgreementStanding })[]> {
  const scope = customerScope(actor, customerId)
  const rows = await listAgreementRows(deps.db, scope)
  const standings = await agreementStandings(deps.db, scope, new Date(deps.now()))
  const byId = new Map(standings.map((s) => [s.agreement_id, s]))
  return rows.flatMap((row) => {
    const standing = byId.get(row.id)
    return standing === undefined ? [] : [{ ...row, standing }]
  })
}
