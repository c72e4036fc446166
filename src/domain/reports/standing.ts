// Where a ticket stands at the end of a period, from its events up to then: the clocks whose
// outcome became known in the period, whether it is still open, and whether it has breached.
// A period's report is what was known at its end, so later events never change it.
import type { Metric } from '../agreement/sections-service-levels.ts'
import { type AgreementSelector, replaySelected } from '../clocks/selection.ts'
import { dueAt, elapsedAt, isBreached, type Stopwatch } from '../clocks/stopwatch.ts'
import type { TicketEvent } from '../clocks/ticket-events.ts'
import { RESOLVED, type TicketClocks } from '../clocks/ticket-state.ts'
import type { ReportPeriod } from './report-period.ts'

/** A clock counted in the period: met in time, or breached. */
export type ClockOutcome = {
  ticket: string
  version: string
  severity: string
  metric: Metric
  cycle: number
  outcome: 'met' | 'breached'
  /** When the outcome became known: the stop of a clock met in time, the due instant of a breach. */
  at: number
  /** Business time to the stop, when the clock was met (in time or late) by the period's end. */
  elapsedMs: number | null
  /** Breaches: business time past the target at the stop, or at the period's end while open. */
  lateMs: number | null
  open: boolean
}

export type TicketStanding = {
  ticket: string
  severity: string
  createdAt: number
  open: boolean
  breached: boolean
  outcomes: ClockOutcome[]
}

/**
 * The ticket's standing under the one agreement `select` knows, from its events before the
 * period's `until`; null when that agreement gives it no clock.
 */
export function standingFromEvents(
  events: readonly TicketEvent[],
  select: AgreementSelector,
  period: ReportPeriod,
): TicketStanding | null {
  const known = events.filter((e) => e.at < period.until)
  const ticket = replaySelected(known, select)[0]
  return ticket ? ticketStanding(ticket, period) : null
}

export function ticketStanding(ticket: TicketClocks, period: ReportPeriod): TicketStanding | null {
  if (ticket.clocks.length === 0) return null
  const outcomes: ClockOutcome[] = []
  for (const clock of ticket.clocks) {
    const outcome = clockOutcome(ticket.ticket, clock, period.until)
    if (outcome && outcome.at >= period.start && outcome.at < period.until) outcomes.push(outcome)
  }
  return {
    ticket: ticket.ticket,
    severity: ticket.severity,
    createdAt: ticket.createdAt,
    open: !RESOLVED.has(ticket.status),
    breached: ticket.clocks.some((c) => isBreached(c, period.until)),
    outcomes,
  }
}

/**
 * A clock's first outcome as known at `until`: met when it first stopped in time, breached
 * when its due instant passed before that. A clock reopened after it was met keeps the
 * outcome of its first stop; what happens after the reopen shows in the backlog.
 */
export function clockOutcome(ticket: string, sw: Stopwatch, until: number): ClockOutcome | null {
  // Only a met clock is ever reopened, so a first stop of a clock not cancelled was a met one.
  const metAt = sw.state === 'cancelled' ? null : sw.firstStoppedAt
  const breachAt = isBreached(sw, until) ? (sw.breachedAt ?? dueAt(sw)) : null
  const breached = breachAt !== null && (metAt === null || breachAt < metAt)
  if (!breached && metAt === null) return null
  const elapsedMs = metAt === null ? null : elapsedAt(sw, metAt)
  const lastMs = elapsedMs ?? elapsedAt(sw, sw.stoppedAt ?? until)
  return {
    ticket,
    version: sw.policy.version,
    severity: sw.severity,
    metric: sw.metric,
    cycle: sw.cycle,
    outcome: breached ? 'breached' : 'met',
    at: breached ? breachAt! : metAt!,
    elapsedMs,
    // A breach latched under an earlier, shorter target may sit within the current one.
    lateMs: breached ? Math.max(0, lastMs - sw.rule.ms) : null,
    open: breached && metAt === null && sw.state !== 'cancelled',
  }
}
