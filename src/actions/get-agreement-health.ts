// An agreement's health list: what the daily check found, open first. A customer reads only
// its own agreements' (another's is "not found", as if it did not exist).
import { type FindingRow, listFindings } from '../storage/agreement-health.ts'
import type { Actor, Deps } from './deps.ts'
import { getAgreement } from './get-agreement.ts'

export type HealthState = 'open' | 'resolved' | 'all'
export type AgreementHealth = { agreement: string; customer: string; findings: FindingRow[] }

export async function getAgreementHealth(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  state: HealthState = 'open',
): Promise<AgreementHealth> {
  const { agreement } = await getAgreement(deps, actor, agreementId)
  return {
    agreement: agreement.id,
    customer: agreement.customer_id,
    findings: await listFindings(deps.db, agreement.customer_id, agreement.id, state),
  }
}
