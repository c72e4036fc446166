// A ticket's row and clocks are derived from its whole event log: replayed in order, so a
// late or out-of-order event lands where it belongs.
import { viewClock } from '../domain/clocks/clock-view.ts'
import { replaySelected } from '../domain/clocks/selection.ts'
import type { Stopwatch } from '../domain/clocks/stopwatch.ts'
import type { TicketEvent } from '../domain/clocks/ticket-events.ts'
import { desiredTimers } from '../domain/clocks/timers.ts'
import { type ClockRow, replaceClocksOfTickets } from '../storage/clocks.ts'
import type { Db } from '../storage/db.ts'
import { eventsOfTickets, type StoredEvent, ticketsWithEventsSince } from '../storage/ticket-events.ts'
import { type TicketRow, upsertTickets } from '../storage/tickets.ts'
import { type ArmedTimer, syncTimersOfTickets } from '../storage/timers.ts'
import { type CustomerPolicies, loadCustomerPolicies } from './customer-policies.ts'

/**
 * Re-derives the rows, clocks and timers of a customer's tickets: a few statements, however
 * many tickets. Run in the transaction of the change, so a pause, a severity change, a
 * reopen or a resolution re-arms or cancels the timers together with it.
 */
export async function recomputeTickets(
  db: Db,
  policies: CustomerPolicies,
  customerId: string,
  ticketIds: readonly string[],
  now: number,
): Promise<void> {
  const events = await eventsOfTickets(db, customerId, ticketIds)
  const derived = [...events.values()].flatMap((stored) => deriveTicket(stored, policies, now) ?? [])
  await upsertTickets(
    db,
    derived.map((d) => d.ticket),
  )
  await replaceClocksOfTickets(
    db,
    customerId,
    ticketIds,
    derived.flatMap((d) => d.clocks),
  )
  await syncTimersOfTickets(
    db,
    customerId,
    ticketIds,
    derived.flatMap((d) => d.timers),
    new Date(now),
  )
}

const CHUNK = 1000

/**
 * After a new agreement version: re-derives the tickets it can change, those with an event
 * since it took effect (a clock pins the version in force when it starts, so older ones keep
 * theirs), of its customer or, for an underpinning agreement (customerId null), of every one.
 */
export async function recomputeTicketsSince(
  db: Db,
  customerId: string | null,
  since: Date,
  now: number,
): Promise<number> {
  const affected = await ticketsWithEventsSince(db, customerId, since)
  let count = 0
  for (const [customer, tickets] of affected) {
    const policies = await loadCustomerPolicies(db, customer)
    for (let i = 0; i < tickets.length; i += CHUNK)
      await recomputeTickets(db, policies, customer, tickets.slice(i, i + CHUNK), now)
    count += tickets.length
  }
  return count
}

export type DerivedTicket = { ticket: TicketRow; clocks: ClockRow[]; timers: ArmedTimer[] }

/** The ticket's row and its clocks as of `now`, from its stored events; null before its created event. */
export function deriveTicket(
  stored: readonly StoredEvent[],
  policies: CustomerPolicies,
  now: number,
): DerivedTicket | null {
  const events = stored.map(toEvent)
  const created = events.find((e) => e.type === 'created')
  if (created?.type !== 'created') return null
  const { customer_id: customerId, ticket_id: ticketId } = stored[0]!
  // The customer-facing agreement comes first; underpinning ones add their own clocks.
  const measured = replaySelected(events, policies.select)
  const replayed = measured[0] ?? null
  const last = events[events.length - 1]!
  let agent: string | null = created.agent ?? null
  for (const e of events) if (e.type === 'assigned') agent = e.agent
  let status = 'open'
  let severity = created.severity
  for (const e of events) {
    if (e.type === 'status') status = e.status
    if (e.type === 'severity') severity = e.severity
  }
  const ticket: TicketRow = {
    customer_id: customerId,
    id: ticketId,
    service: created.service ?? null,
    severity: replayed?.severity ?? severity,
    status: replayed?.status ?? status,
    subject: created.subject ?? null,
    requester: created.requester ?? null,
    agent,
    channel: created.channel ?? null,
    created_at: new Date(created.at),
    updated_at: new Date(last.at),
  }
  const stopwatches = measured.flatMap((m) => m.clocks)
  return {
    ticket,
    clocks: clockRows(stopwatches, customerId, ticketId, now),
    timers: desiredTimers(stopwatches).map((x) => ({
      customer_id: customerId,
      ticket_id: ticketId,
      agreement_id: x.agreement,
      metric: x.metric,
      cycle: x.cycle,
      kind: x.kind,
      level: x.level,
      percent: x.percent,
      severity: x.severity,
      notify: [...x.notify],
      due_at: new Date(x.dueAt),
    })),
  }
}

/** The stored shape of a ticket's stopwatches, as of `now`. */
export function clockRows(
  clocks: readonly Stopwatch[],
  customerId: string,
  ticketId: string,
  now: number,
): ClockRow[] {
  return clocks.map((sw) => {
    const view = viewClock(sw, now)
    return {
      customer_id: customerId,
      ticket_id: ticketId,
      agreement_id: sw.policy.agreementId,
      metric: sw.metric,
      cycle: sw.cycle,
      severity: sw.severity,
      state: sw.state,
      breached: view.breached,
      target_ms: view.target_ms,
      elapsed_ms: view.elapsed_ms,
      due: view.due === null ? null : new Date(view.due),
      started_at: new Date(sw.startedAt),
      stopped_at: sw.stoppedAt === null ? null : new Date(sw.stoppedAt),
      version: sw.policy.version,
    }
  })
}

export function toEvent(row: StoredEvent): TicketEvent {
  return { ...(row.body as object), at: row.at.getTime(), seq: row.seq } as TicketEvent
}
