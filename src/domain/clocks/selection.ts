// Which agreements measure a ticket, and which version of each is in force at an instant.
// Customer-facing agreements (ServiceLevelAgreement, SupportPlan) are rules in the order
// given: the first whose version in force at the ticket's creation matches wins, else the
// explicit fallback. Every OperationalLevelAgreement and UnderpinningContract that matches adds
// its own clocks. A clock view names its agreement only when more than one applies to the
// ticket, so a ticket under one agreement keeps the plain shape of `upheld simulate`.
import type { Agreement, AgreementKind } from '../agreement/schema.ts'
import type { Issue, Result } from '../issues.ts'
import { type ClockPolicy, compileClockPolicy } from './clock-policy.ts'
import { type ClockView, viewClock } from './clock-view.ts'
import { type PolicyAt, replayTicket, type TicketClocks } from './replay.ts'
import { byTimeThenArrival, type TicketEvent } from './ticket-events.ts'

/** `policy`, when given, is the version already compiled (compiling builds its calendars). */
export type AgreementVersion = {
  agreement: Agreement
  version: string
  effectiveFrom: number
  policy?: ClockPolicy
}
export type TicketFacts = { customer: string; service?: string; createdAt: number }
export type AppliedAgreement = { id: string; kind: AgreementKind; policyAt: PolicyAt }
export type AgreementSelector = (ticket: TicketFacts) => AppliedAgreement[]

type History = { id: string; versions: AgreementVersion[]; policyAt: PolicyAt }
type InForce = { history: History; agreement: Agreement }

const CUSTOMER_FACING: ReadonlySet<AgreementKind> = new Set(['ServiceLevelAgreement', 'SupportPlan'])
const isCustomerFacing = (a: Agreement) => CUSTOMER_FACING.has(a.kind)

/** Precedence is the order in which each agreement id first appears in `versions`. */
export function agreementSelector(
  versions: readonly AgreementVersion[],
  options: { fallback?: string } = {},
): Result<AgreementSelector> {
  const histories = historiesOf(versions)
  const issues = checkVersions(versions, histories, options.fallback)
  if (issues.length > 0) return { ok: false, issues }
  const select: AgreementSelector = (ticket) => {
    const inForce = histories.flatMap((history): InForce[] => {
      const v = versionAt(history.versions, ticket.createdAt)
      return v ? [{ history, agreement: v.agreement }] : []
    })
    const chosen =
      inForce.find((x) => isCustomerFacing(x.agreement) && matchesCustomer(x.agreement, ticket)) ??
      inForce.find((x) => x.history.id === options.fallback && isCustomerFacing(x.agreement))
    const provider = chosen?.agreement.spec.parties.provider.id
    const underpinning = inForce.filter(
      (x) => !isCustomerFacing(x.agreement) && underpins(x.agreement, ticket, provider),
    )
    return [...(chosen ? [chosen] : []), ...underpinning].map(({ history, agreement }) => ({
      id: history.id,
      kind: agreement.kind,
      policyAt: history.policyAt,
    }))
  }
  return { ok: true, value: select }
}

/** The ticket replayed under each agreement that applies, customer-facing first. */
export function replaySelected(events: readonly TicketEvent[], select: AgreementSelector): TicketClocks[] {
  const created = [...events].sort(byTimeThenArrival).find((e) => e.type === 'created')
  if (created?.type !== 'created') return []
  const facts = { customer: created.customer, service: created.service, createdAt: created.at }
  return select(facts).flatMap((applied) => replayTicket(events, applied.policyAt) ?? [])
}

/** Every clock of the ticket at `at`; each names its agreement when there are several. */
export function viewSelectedClocks(tickets: readonly TicketClocks[], at: number): ClockView[] {
  const named = tickets.length > 1
  return tickets.flatMap((t) =>
    t.clocks.map((c) =>
      named ? { agreement: c.policy.agreementId, ...viewClock(c, at) } : viewClock(c, at),
    ),
  )
}

function historiesOf(versions: readonly AgreementVersion[]): History[] {
  const byId = new Map<string, AgreementVersion[]>()
  for (const v of versions) {
    const list = byId.get(v.agreement.metadata.id)
    if (list) list.push(v)
    else byId.set(v.agreement.metadata.id, [v])
  }
  return [...byId].map(([id, list]) => {
    const sorted = [...list].sort((a, b) => a.effectiveFrom - b.effectiveFrom)
    const compiled = new Map<AgreementVersion, ClockPolicy>()
    // Before its first version an agreement reads as that version; no clock starts there,
    // since a ticket is matched on the versions in force at its creation.
    const policyAt = (t: number) => {
      const v = versionAt(sorted, t) ?? sorted[0]!
      let policy = v.policy ?? compiled.get(v)
      if (!policy) {
        policy = compileClockPolicy(v.agreement, v.version)
        compiled.set(v, policy)
      }
      return policy
    }
    return { id, versions: sorted, policyAt }
  })
}

/** The version with the latest effectiveFrom at or before `t`. */
function versionAt(sorted: readonly AgreementVersion[], t: number): AgreementVersion | undefined {
  let found: AgreementVersion | undefined
  for (const v of sorted) {
    if (v.effectiveFrom > t) break
    found = v
  }
  return found
}

function servesTicket(agreement: Agreement, ticket: TicketFacts): boolean {
  const services = agreement.spec.services ?? []
  return (
    services.length === 0 || (ticket.service !== undefined && services.some((s) => s.id === ticket.service))
  )
}

function matchesCustomer(agreement: Agreement, ticket: TicketFacts): boolean {
  return agreement.spec.parties.customer.id === ticket.customer && servesTicket(agreement, ticket)
}

// An OLA or underpinning contract serves the ticket's customer directly, or the provider of the
// chosen agreement, whose promise it underpins.
function underpins(agreement: Agreement, ticket: TicketFacts, provider: string | undefined): boolean {
  const customer = agreement.spec.parties.customer.id
  return servesTicket(agreement, ticket) && (customer === ticket.customer || customer === provider)
}

function checkVersions(
  versions: readonly AgreementVersion[],
  histories: readonly History[],
  fallback: string | undefined,
): Issue[] {
  const issues: Issue[] = []
  for (const h of histories) {
    const starts = new Set(h.versions.map((v) => v.effectiveFrom))
    if (starts.size < h.versions.length)
      issues.push({ path: [h.id], message: 'has two versions in force from the same instant' })
  }
  const fallbackFound = versions.some(
    (v) => v.agreement.metadata.id === fallback && isCustomerFacing(v.agreement),
  )
  if (fallback !== undefined && !fallbackFound)
    issues.push({
      path: ['fallback'],
      message: `"${fallback}" names no customer-facing agreement`,
      hint: 'a ServiceLevelAgreement or SupportPlan among the versions given',
    })
  return issues
}
