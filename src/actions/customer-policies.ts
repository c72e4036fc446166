// The agreements that measure a customer's tickets, by version: the customer's own, and the
// operational-level agreements and underpinning contracts that add their clocks. Compiling an
// agreement builds its calendars, so compiled versions are kept per content hash for the life
// of the process.
import { validateAgreement } from '../domain/agreement/parse-agreement.ts'
import type { Agreement } from '../domain/agreement/schema.ts'
import { type ClockPolicy, compileClockPolicy } from '../domain/clocks/clock-policy.ts'
import { type AgreementSelector, agreementSelector } from '../domain/clocks/selection.ts'
import {
  type AgreementVersionRow,
  findAgreementVersion,
  versionsMeasuringCustomer,
} from '../storage/agreements.ts'
import type { Db } from '../storage/db.ts'

const compiled = new Map<string, { agreement: Agreement; policy: ClockPolicy }>()
const CACHE_LIMIT = 500

export type CustomerPolicies = { select: AgreementSelector }

export async function loadCustomerPolicies(db: Db, customerId: string): Promise<CustomerPolicies> {
  const rows = await versionsMeasuringCustomer(db, customerId)
  // Precedence among the customer's agreements is by agreement id.
  const versions = []
  for (const row of rows) {
    const { agreement, policy } = await compile(db, row)
    versions.push({ agreement, policy, version: policy.version, effectiveFrom: row.effective_from.getTime() })
  }
  const selector = agreementSelector(versions)
  if (!selector.ok)
    throw new Error(`the agreements of ${customerId} cannot be selected: ${selector.issues[0]?.message}`)
  return { select: selector.value }
}

async function compile(
  db: Db,
  row: Omit<AgreementVersionRow, 'document'>,
): Promise<{ agreement: Agreement; policy: ClockPolicy }> {
  const hit = compiled.get(row.content_hash)
  if (hit) return hit
  const stored = await findAgreementVersion(db, row.agreement_id, row.version)
  if (!stored) throw new Error(`agreement ${row.agreement_id} v${row.version} disappeared`)
  const result = validateAgreement(JSON.parse(stored.document))
  if (!result.ok) throw new Error(`stored agreement ${row.agreement_id} v${row.version} no longer validates`)
  const entry = {
    agreement: result.agreement,
    policy: compileClockPolicy(result.agreement, `${row.agreement_id}@${row.version}`),
  }
  if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value!)
  compiled.set(row.content_hash, entry)
  return entry
}
