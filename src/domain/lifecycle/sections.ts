// Negotiation is per section: each top-level section of the spec (and the envelope, as
// `metadata`) has its own hash, and a party's agreement to a section holds for that hash only.
// A new revision that changes a section therefore resets its agreement, and only its.
import { contentHash } from '../agreement/content-hash.ts'
import { type Agreement, SpecSchema } from '../agreement/schema.ts'
import type { Party } from './events.ts'

/** The hash of a section a revision removed: agreeing to it is agreeing to the removal. */
export const ABSENT_SECTION_HASH = contentHash(null)
export const PARTIES: readonly Party[] = ['provider', 'customer']

// Sections are listed in the schema's order, whatever order the document used.
const ORDER = ['metadata', ...Object.keys(SpecSchema.shape)]

/** SHA-256 of each section's canonical JSON: `metadata` (kind and metadata) and each spec key present. */
export function sectionHashes(agreement: Agreement): Record<string, string> {
  const hashes: Record<string, string> = {
    metadata: contentHash({ kind: agreement.kind, metadata: agreement.metadata }),
  }
  for (const [key, value] of Object.entries(agreement.spec)) {
    if (value !== undefined) hashes[key] = contentHash(value)
  }
  return hashes
}

/** Sections sorted as the schema lists them. */
function orderSections(keys: Iterable<string>): string[] {
  const rank = (key: string) => {
    const i = ORDER.indexOf(key)
    return i < 0 ? ORDER.length : i
  }
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

export type Mark = {
  status: 'agreed' | 'pending'
  sectionHash: string
  user: string
  name?: string
  at: string
  reason?: string
}
/** The latest mark of each party on each section. */
export type Marks = Record<string, Partial<Record<Party, Mark>>>

export type SectionStatus = {
  section: string
  hash: string
  /** False when the current revision removed the section. */
  present: boolean
  /** Per party, the mark that still holds: agreed or pending at the current hash; else none. */
  parties: Record<Party, Mark | null>
  agreed: boolean
}

/** Where each section stands: agreed only when both parties agreed to its current hash. */
export function sectionStatus(
  keys: readonly string[],
  hashes: Record<string, string>,
  marks: Marks,
): SectionStatus[] {
  return orderSections(keys).map((section) => {
    const hash = hashes[section] ?? ABSENT_SECTION_HASH
    const holding = (party: Party): Mark | null => {
      const mark = marks[section]?.[party]
      return mark !== undefined && mark.sectionHash === hash ? mark : null
    }
    const parties = { provider: holding('provider'), customer: holding('customer') }
    return {
      section,
      hash,
      present: section in hashes,
      parties,
      agreed: PARTIES.every((p) => parties[p]?.status === 'agreed'),
    }
  })
}

/** The sections whose hash differs between two revisions (added and removed ones included). */
export function changedSections(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = orderSections([...Object.keys(before), ...Object.keys(after)])
  return keys.filter((k) => (before[k] ?? ABSENT_SECTION_HASH) !== (after[k] ?? ABSENT_SECTION_HASH))
}
