// The health of an agreement in force on a day: the findings of the lint rules that run
// every day (`continuous` and `both`), each with a path that survives a reordering of its
// list and the people who own it, so that each new finding is told to its owner.
import type { Agreement } from '../agreement/schema.ts'
import { keyedPath } from '../diff/keyed-path.ts'
import type { PathSegment } from '../issues.ts'
import { lintAgreement, rulesFor } from '../lint/index.ts'
import type { LintLevel } from '../lint/rule.ts'
import { formatLocalDate } from '../local-date.ts'
import type { NotificationContact } from '../notifications/message.ts'
import { canonicalTimeZone, DAY, toLocal } from '../time-zone.ts'

export type HealthFinding = {
  rule: string
  level: LintLevel
  /** Keyed, e.g. `spec.licenses[id=l-app].expiry`. */
  path: string
  message: string
  hint: string | null
  owners: NotificationContact[]
}

/** The date the agreement's rules are checked as of: today in its reporting zone, else UTC. */
export function agreementToday(agreement: Agreement, now: number): string {
  const zone = canonicalTimeZone(agreement.spec.reporting?.timezone ?? 'UTC') ?? 'UTC'
  return formatLocalDate(Math.floor(toLocal(zone, now) / DAY))
}

export function agreementHealth(agreement: Agreement, now: number): HealthFinding[] {
  const today = agreementToday(agreement, now)
  return lintAgreement(agreement, { today, rules: rulesFor('continuous') }).map((f) => ({
    rule: f.rule,
    level: f.level,
    path: keyedPath(agreement, f.path),
    message: f.message,
    hint: f.hint ?? null,
    owners: findingOwners(agreement, f.path),
  }))
}

/** The fields that name who looks after the thing they sit in, nearest first. */
const OWNER_FIELDS = ['owner', 'renewalOwner', 'contacts', 'contact'] as const

/**
 * Who owns a finding: the owner named nearest to where it is (a backup's `owner`, a
 * licence's `renewalOwner`, the review's `owner`, the disaster recovery `contacts`), else
 * the agreement's service owners, else the provider's signatory.
 */
export function findingOwners(agreement: Agreement, path: readonly PathSegment[]): NotificationContact[] {
  const nodes: unknown[] = [agreement]
  for (const segment of path) nodes.push(childOf(nodes.at(-1), segment))
  for (const node of nodes.reverse()) {
    const ids = ownerIds(node)
    const named = contactsNamed(agreement, ids)
    if (named.length > 0) return named
  }
  const serviceOwners = (agreement.spec.contacts ?? []).filter((c) => c.role === 'service-owner')
  if (serviceOwners.length > 0) return serviceOwners.map(asContact)
  return contactsNamed(agreement, [agreement.spec.parties.provider.signatory ?? ''])
}

function childOf(node: unknown, segment: PathSegment): unknown {
  if (typeof node !== 'object' || node === null) return undefined
  return (node as Record<string | number, unknown>)[segment]
}

function ownerIds(node: unknown): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return []
  const record = node as Record<string, unknown>
  for (const field of OWNER_FIELDS) {
    const value = record[field]
    if (typeof value === 'string') return [value]
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value
  }
  return []
}

function contactsNamed(agreement: Agreement, ids: readonly string[]): NotificationContact[] {
  const contacts = agreement.spec.contacts ?? []
  return ids.flatMap((id) => contacts.filter((c) => c.id === id).map(asContact))
}

function asContact(c: NonNullable<Agreement['spec']['contacts']>[number]): NotificationContact {
  return { name: c.name, email: c.email ?? null, role: c.role }
}
