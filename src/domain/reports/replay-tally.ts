// Counting a ticket from its events: replayed under the agreement up to the period's `until`,
// then added to the tally with the satisfaction ratings it was given in the period. The file
// path counts every ticket this way; the database path only those it cannot settle in SQL.
import { type AgreementSelector, agreementSelector } from '../clocks/selection.ts'
import type { TicketEvent } from '../clocks/ticket-events.ts'
import type { Result } from '../issues.ts'
import type { AgreementHistory, ReportPeriod } from './report-period.ts'
import { standingFromEvents } from './standing.ts'
import { addStanding, type ReportTally } from './tally.ts'

/** Selects the tickets this one agreement measures (its customer, its services). */
export function historySelector(history: AgreementHistory): Result<AgreementSelector> {
  return agreementSelector(history.versions)
}

/** Adds one ticket; a ticket the agreement gives no clock (by the period's end) is not its ticket. */
export function addTicketEvents(
  tally: ReportTally,
  events: readonly TicketEvent[],
  select: AgreementSelector,
  period: ReportPeriod,
): void {
  const standing = standingFromEvents(events, select, period)
  if (!standing) return
  addStanding(tally, standing, period.start)
  for (const e of events)
    if (e.type === 'satisfaction' && e.at >= period.start && e.at < period.until)
      tally.ratings.push({ ticket: e.ticket, at: e.at, seq: e.seq, rating: e.rating, scale: e.scale })
}
