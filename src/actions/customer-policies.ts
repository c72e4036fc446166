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
// Version labels (agreement@version) to content hashes, for lookups by what a clock pins.
const hashes = new Map<string, string>()
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

/** The customer's own agreements as in force at `at`: the latest version of each that took effect by then. */
export async function agreementsInForce(db: Db, customerId: string, at: number): Promise<Agreement[]> {
  const latest = new Map<string, Omit<AgreementVersionRow, 'document'>>()
  for (const row of await versionsMeasuringCustomer(db, customerId)) {
    if (row.customer_id !== customerId || row.effective_from.getTime() > at) continue
    const had = latest.get(row.agreement_id)
    if (!had || had.version < row.version) latest.set(row.agreement_id, row)
  }
  const agreements = []
  for (const row of latest.values()) agreements.push((await compile(db, row)).agreement)
  return agreements
}

/**
 * A stored version by its label (`agreement@version`, as clocks pin it), compiled; from the
 * cache without reading the document when it has been compiled before. Undefined if none.
 */
export async function compiledVersion(
  db: Db,
  label: string,
): Promise<{ agreement: Agreement; policy: ClockPolicy } | undefined> {
  const hit = compiled.get(hashes.get(label) ?? '')
  if (hit) return hit
  const at = label.lastIndexOf('@')
  const row = await findAgreementVersion(db, label.slice(0, at), Number(label.slice(at + 1)))
  return row ? compile(db, row) : undefined
}

async function compile(
  db: Db,
  row: Omit<AgreementVersionRow, 'document'> & { document?: string },
): Promise<{ agreement: Agreement; policy: ClockPolicy }> {
  const label = `${row.agreement_id}@${row.version}`
  if (!hashes.has(label) && hashes.size >= CACHE_LIMIT) hashes.delete(hashes.keys().next().value!)
  hashes.set(label, row.content_hash)
  const hit = compiled.get(row.content_hash)
  if (hit) return hit
  const document = row.document ?? (await findAgreementVersion(db, row.agreement_id, row.version))?.document
  if (document === undefined) throw new Error(`agreement ${row.agreement_id} v${row.version} disappeared`)
  const result = validateAgreement(JSON.parse(document))
  if (!result.ok) throw new Error(`stored agreement ${row.agreement_id} v${row.version} no longer validates`)
  const entry = {
    agreement: result.agreement,
    policy: compileClockPolicy(result.agreement, label),
  }
  if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value!)
  compiled.set(row.content_hash, entry)
  return entry
}
