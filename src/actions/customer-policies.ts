// The clock policies of a customer's agreements, by version. Compiling an agreement builds
// its calendars, so compiled policies are kept per content hash for the life of the process.
import { validateAgreement } from '../domain/agreement/parse-agreement.ts'
import type { Agreement } from '../domain/agreement/schema.ts'
import { type ClockPolicy, compileClockPolicy } from '../domain/clocks/clock-policy.ts'
import { type AgreementVersionRow, versionsForCustomer } from '../storage/agreements.ts'
import type { Db } from '../storage/db.ts'

const compiled = new Map<string, { agreement: Agreement; policy: ClockPolicy }>()
const CACHE_LIMIT = 500

type Version = { effectiveFrom: number; agreement: Agreement; policy: ClockPolicy }
export type CustomerPolicies = {
  /** The customer-facing agreement for a ticket, as a function of time; undefined when none applies. */
  forTicket(service: string | undefined): ((t: number) => ClockPolicy) | undefined
}

export async function loadCustomerPolicies(db: Db, customerId: string): Promise<CustomerPolicies> {
  const rows = await versionsForCustomer(db, customerId)
  const byAgreement = new Map<string, Version[]>()
  for (const row of rows) {
    const entry = compile(row)
    const list = byAgreement.get(row.agreement_id) ?? []
    list.push({ effectiveFrom: row.effective_from.getTime(), ...entry })
    byAgreement.set(row.agreement_id, list)
  }
  const candidates = [...byAgreement.entries()]
    .map(([id, versions]) => ({ id, versions: versions.sort((a, b) => a.effectiveFrom - b.effectiveFrom) }))
    .filter(({ versions }) =>
      ['ServiceLevelAgreement', 'SupportPlan'].includes(versions.at(-1)!.agreement.kind),
    )
    .sort((a, b) => a.id.localeCompare(b.id))
  return {
    forTicket(service) {
      const match = candidates.find(({ versions }) => {
        const services = versions.at(-1)!.agreement.spec.services ?? []
        return service === undefined || services.length === 0 || services.some((s) => s.id === service)
      })
      if (!match) return undefined
      // Each clock is pinned to the version in force when it started: the newest that had taken effect.
      return (t) => {
        let chosen = match.versions[0]!
        for (const v of match.versions) if (v.effectiveFrom <= t) chosen = v
        return chosen.policy
      }
    },
  }
}

function compile(row: AgreementVersionRow): { agreement: Agreement; policy: ClockPolicy } {
  const hit = compiled.get(row.content_hash)
  if (hit) return hit
  const result = validateAgreement(JSON.parse(row.document))
  if (!result.ok) throw new Error(`stored agreement ${row.agreement_id} v${row.version} no longer validates`)
  const entry = {
    agreement: result.agreement,
    policy: compileClockPolicy(result.agreement, `${row.agreement_id}@${row.version}`),
  }
  if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value!)
  compiled.set(row.content_hash, entry)
  return entry
}
