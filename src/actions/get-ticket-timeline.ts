// A ticket's clocks as a timeline, and who is escalated next: each clock's running and waiting
// spans, its calendar's open hours, its thresholds (warnings, the breach, each escalation level)
// with the instants they are reached and whether they have fired, and the escalation matrix and
// referral levels of the agreement versions its clocks are pinned to. Replayed from the log as
// of now; a customer sees only the clocks of their own agreements, as with the ticket itself.
import type { Agreement } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import type { ClockPolicy, Fraction } from '../domain/clocks/clock-policy.ts'
import { type ClockStanding, clockStanding } from '../domain/clocks/clock-standing.ts'
import { thresholdInstants } from '../domain/clocks/clock-view.ts'
import { replaySelected } from '../domain/clocks/selection.ts'
import type { Stopwatch } from '../domain/clocks/stopwatch.ts'
import type { TicketEvent } from '../domain/clocks/ticket-events.ts'
import { RESOLVED } from '../domain/clocks/ticket-state.ts'
import { percentText } from '../domain/clocks/timers.ts'
import { listAgreements } from '../storage/agreements.ts'
import type { ClockRow } from '../storage/clocks.ts'
import { eventsOfTicket } from '../storage/ticket-events.ts'
import { findTicket } from '../storage/tickets.ts'
import { timersOfTicket } from '../storage/timers.ts'
import { compiledVersion, loadCustomerPolicies } from './customer-policies.ts'
import type { Actor, Deps } from './deps.ts'
import { visibleCustomer } from './get-ticket.ts'
import { clockRows, toEvent } from './recompute-ticket.ts'

export type Contact = {
  id: string
  name: string
  role: string | null
  org: string | null
  email: string | null
  phone: string | null
}
export type ThresholdKind = 'warning' | 'breach' | 'escalation'
export type TimelineThreshold = {
  kind: ThresholdKind
  /** The escalation level; for a warning or the breach, the share of the target in basis points. */
  level: number
  percent: string
  /** When the clock reaches it; null while it is paused or stopped short of it. */
  at: number | null
  firedAt: Date | null
  notify: Contact[]
}
export type TimelineGap = { from: number; to: number | null; reason: 'paused' | 'resolved' }
export type TimelineClock = {
  clock: ClockRow
  standing: ClockStanding
  calendarId: string
  zone: string
  runs: [number, number | null][]
  gaps: TimelineGap[]
  /** The calendar's open hours from the clock's start to the end of its timeline. */
  openHours: [number, number][]
  thresholds: TimelineThreshold[]
}
export type EscalationStep = {
  agreement: string
  version: string
  level: number
  severities: string[]
  metric: string
  percent: string
  notify: Contact[]
}
export type ReferralStep = { agreement: string; level: string; contact: Contact; channel: string | null }
export type NextEscalation = {
  agreement: string
  metric: string
  cycle: number
  level: number
  percent: string
  at: number
  notify: Contact[]
}
export type TicketTimeline = {
  asOf: number
  clocks: TimelineClock[]
  /** Escalations not yet sent, soonest first (those past due are waiting for the worker). */
  next: NextEscalation[]
  matrix: EscalationStep[]
  referral: ReferralStep[]
}

const MAX_OPEN_HOURS = 400
const HOUR = 3_600_000
const FULL: Fraction = { num: 1, den: 1 }

export async function getTicketTimeline(
  deps: Deps,
  actor: Actor,
  id: string,
  customer?: string,
): Promise<TicketTimeline> {
  const customerId = await visibleCustomer(deps.db, actor, id, customer)
  const ticket = customerId === undefined ? undefined : await findTicket(deps.db, customerId, id)
  if (customerId === undefined || !ticket) throw new AppError('not_found', `no ticket "${id}"`)
  const asOf = deps.now()
  const events = (await eventsOfTicket(deps.db, customerId, id)).map(toEvent)
  const policies = await loadCustomerPolicies(deps.db, customerId)
  let stopwatches = replaySelected(events, policies.select).flatMap((m) => m.clocks)
  // The provider's underpinning agreements are its own business, not its customers'.
  if (actor.role === 'customer') {
    const own = new Set((await listAgreements(deps.db, customerId)).map((a) => a.id))
    stopwatches = stopwatches.filter((sw) => own.has(sw.policy.agreementId))
  }
  const rows = clockRows(stopwatches, customerId, id, asOf)
  const fired = new Map(
    (await timersOfTicket(deps.db, customerId, id))
      .filter((t) => t.state === 'fired')
      .map((t) => [`${t.agreement_id}/${t.metric}/${t.cycle}/${t.kind}/${t.level}`, t.fired_at]),
  )
  const versions = await agreementsOf(deps, stopwatches)
  const clocks = stopwatches.map((sw, i) => {
    const contacts = contactsOf(versions.get(sw.policy.version))
    const row = rows[i]!
    const thresholds = thresholdsOf(sw, contacts).map((t) => ({
      ...t,
      firedAt: fired.get(`${sw.policy.agreementId}/${sw.metric}/${sw.cycle}/${t.kind}/${t.level}`) ?? null,
    }))
    return timelineClock(sw, row, thresholds, events, asOf)
  })
  const next = clocks
    .filter((c) => c.clock.state === 'running')
    .flatMap((c) =>
      c.thresholds
        .filter((t) => t.kind === 'escalation' && t.at !== null && t.firedAt === null)
        .map((t) => ({
          agreement: c.clock.agreement_id,
          metric: c.clock.metric,
          cycle: c.clock.cycle,
          level: t.level,
          percent: t.percent,
          at: t.at!,
          notify: t.notify,
        })),
    )
    .sort((a, b) => a.at - b.at)
  return { asOf, clocks, next, ...pathOf(versions) }
}

function timelineClock(
  sw: Stopwatch,
  clock: ClockRow,
  thresholds: TimelineThreshold[],
  events: readonly TicketEvent[],
  asOf: number,
): TimelineClock {
  const calendar = sw.rule.calendar
  const due = clock.due?.getTime() ?? null
  const standing = clockStanding(calendar, { ...clock, due }, asOf)
  // The open hours reach past everything a timeline shows (its thresholds too), with room to spare.
  const last = Math.max(
    asOf,
    sw.startedAt + HOUR,
    due ?? 0,
    clock.stopped_at?.getTime() ?? 0,
    ...thresholds.map((t) => t.at ?? 0),
  )
  const end = last + Math.ceil((last - sw.startedAt) / 10)
  return {
    clock,
    standing,
    calendarId: sw.rule.calendarId,
    zone: calendar.timezone,
    runs: sw.runs.map(([a, b]) => [a, b]),
    gaps: gapsOf(sw, events),
    openHours: calendar
      .periods(sw.startedAt, end)
      .slice(0, MAX_OPEN_HOURS)
      .map(([a, b]) => [a.getTime(), b.getTime()]),
    thresholds,
  }
}

// Between two runs the clock waited: paused by a status, or resolved and later reopened.
function gapsOf(sw: Stopwatch, events: readonly TicketEvent[]): TimelineGap[] {
  const resolvedAt = new Set(
    events.filter((e) => e.type === 'status' && RESOLVED.has(e.status)).map((e) => e.at),
  )
  const gaps: TimelineGap[] = []
  sw.runs.forEach(([, end], i) => {
    if (end === null) return
    const next = sw.runs[i + 1]
    if (!next && sw.state !== 'paused') return
    gaps.push({ from: end, to: next ? next[0] : null, reason: resolvedAt.has(end) ? 'resolved' : 'paused' })
  })
  return gaps
}

function thresholdsOf(sw: Stopwatch, contacts: Map<string, Contact>): Omit<TimelineThreshold, 'firedAt'>[] {
  const escalations = sw.policy.escalation.filter(
    (e) => e.metric === sw.metric && e.severities.includes(sw.severity),
  )
  const wanted = [
    ...sw.policy.warnAt.map((at) => ({ kind: 'warning' as const, level: null, at, notify: [] })),
    { kind: 'breach' as const, level: null, at: FULL, notify: [] as readonly string[] },
    ...escalations.map((e) => ({ kind: 'escalation' as const, level: e.level, at: e.at, notify: e.notify })),
  ]
  const instants = thresholdInstants(
    sw,
    wanted.map((w) => w.at),
  )
  return wanted.map((w, i) => ({
    kind: w.kind,
    level: w.level ?? Math.round((w.at.num * 10_000) / w.at.den),
    percent: percentText(w.at),
    at: instants[i]?.at ?? null,
    notify: w.notify.map((id) => contacts.get(id) ?? unknownContact(id)),
  }))
}

async function agreementsOf(
  deps: Deps,
  stopwatches: readonly Stopwatch[],
): Promise<Map<string, { agreement: Agreement; policy: ClockPolicy }>> {
  const versions = new Map<string, { agreement: Agreement; policy: ClockPolicy }>()
  for (const label of new Set(stopwatches.map((sw) => sw.policy.version))) {
    const compiled = await compiledVersion(deps.db, label)
    if (compiled) versions.set(label, compiled)
  }
  return versions
}

function pathOf(
  versions: Map<string, { agreement: Agreement; policy: ClockPolicy }>,
): Pick<TicketTimeline, 'matrix' | 'referral'> {
  const matrix: EscalationStep[] = []
  const referral: ReferralStep[] = []
  for (const [label, { agreement, policy }] of versions) {
    const contacts = contactsOf({ agreement })
    for (const e of policy.escalation) {
      matrix.push({
        agreement: policy.agreementId,
        version: label,
        level: e.level,
        severities: [...e.severities],
        metric: e.metric,
        percent: percentText(e.at),
        notify: e.notify.map((id) => contacts.get(id) ?? unknownContact(id)),
      })
    }
    for (const r of agreement.spec.referral ?? []) {
      referral.push({
        agreement: policy.agreementId,
        level: r.level,
        contact: contacts.get(r.contact) ?? unknownContact(r.contact),
        channel: r.channel ?? null,
      })
    }
  }
  return { matrix, referral }
}

function contactsOf(version: { agreement: Agreement } | undefined): Map<string, Contact> {
  return new Map(
    (version?.agreement.spec.contacts ?? []).map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        role: c.role,
        org: c.org ?? null,
        email: c.email ?? null,
        phone: c.phone ?? null,
      },
    ]),
  )
}

const unknownContact = (id: string): Contact => ({
  id,
  name: id,
  role: null,
  org: null,
  email: null,
  phone: null,
})
