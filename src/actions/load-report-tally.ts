// What a report counts, from the database: the stored clocks aggregated in SQL wherever their
// rows are what the events up to the period's end give, and the few tickets whose rows are not
// (an event after the period, a severity change, a reopen, a breach still open) replayed from
// their events, so that the figures are those of replaying every ticket, as the file path does.
import type { Metric } from '../domain/agreement/sections-service-levels.ts'
import type { AgreementSelector } from '../domain/clocks/selection.ts'
import type { TicketEvent } from '../domain/clocks/ticket-events.ts'
import type { ReportPeriod } from '../domain/reports/report-period.ts'
import { standingFromEvents } from '../domain/reports/standing.ts'
import {
  addBacklog,
  addIncidents,
  addStanding,
  newReportTally,
  type ReportTally,
  targetTally,
} from '../domain/reports/tally.ts'
import type { Db } from '../storage/db.ts'
import {
  changedTickets,
  type EventBody,
  eventsBefore,
  inReportSnapshot,
  type ReportScope,
  ratingsBetween,
  type SettledBreach,
  type SettledTarget,
  settledBreaches,
  settledTargets,
  splitTickets,
} from '../storage/report-clocks.ts'

// Tickets replayed per statement: their events arrive in one round trip.
const CHUNK = 2000

export async function loadReportTally(
  db: Db,
  scope: { customerId: string; agreementId: string },
  period: ReportPeriod,
  select: AgreementSelector,
): Promise<{ tally: ReportTally; replayed: number }> {
  const s: ReportScope = { ...scope, start: new Date(period.start), until: new Date(period.until) }
  return inReportSnapshot(db, async (tx) => {
    const { replay, counts } = await splitTickets(tx, s, await changedTickets(tx, s))
    const tally = newReportTally()
    addSettled(tally, await settledTargets(tx, s, replay), await settledBreaches(tx, s, replay))
    for (const c of counts) {
      addIncidents(tally, c.severity, c.created)
      if (c.open > 0) addBacklog(tally, c.severity, c.open, c.open_breached)
    }
    for (const r of await ratingsBetween(tx, s))
      tally.ratings.push({ ticket: r.ticket_id, at: r.at, seq: r.seq, rating: r.rating, scale: r.scale })
    for (let i = 0; i < replay.length; i += CHUNK) {
      const events = await eventsBefore(tx, scope.customerId, replay.slice(i, i + CHUNK), s.until)
      for (const list of byTicket(events)) {
        const standing = standingFromEvents(list, select, period)
        if (standing) addStanding(tally, standing, period.start)
      }
    }
    return { tally, replayed: replay.length }
  })
}

function addSettled(
  tally: ReportTally,
  targets: readonly SettledTarget[],
  breaches: readonly SettledBreach[],
): void {
  for (const row of targets) {
    const t = targetTally(tally, {
      version: row.version,
      severity: row.severity,
      metric: row.metric as Metric,
    })
    if (row.breached) t.breached += row.count
    else t.met += row.count
    if (row.times !== null) for (const ms of row.times.split(',')) t.times.push(Number(ms))
  }
  for (const b of breaches)
    tally.breaches.push({
      ticket: b.ticket_id,
      version: b.version,
      severity: b.severity,
      metric: b.metric as Metric,
      cycle: b.cycle,
      due: b.due,
      lateMs: b.late_ms,
      open: false,
    })
}

// Rows come ordered by ticket, then time and arrival.
function* byTicket(rows: readonly EventBody[]): Generator<TicketEvent[]> {
  let list: TicketEvent[] = []
  for (const row of rows) {
    if (list.length > 0 && list[0]!.ticket !== row.ticket_id) {
      yield list
      list = []
    }
    list.push({ ...row.body, at: row.at, seq: row.seq } as TicketEvent)
  }
  if (list.length > 0) yield list
}
