// What a report counts, gathered before any figure is worked out: additive, so that tickets
// replayed from their events and clocks aggregated by the database add into the same tally.
import type { Metric } from '../agreement/sections-service-levels.ts'
import type { ClockOutcome, TicketStanding } from './standing.ts'

export type TargetTally = {
  version: string
  severity: string
  metric: Metric
  met: number
  breached: number
  /** Business time to the stop of each clock met (in time or late), unsorted. */
  times: number[]
}

export type BreachEntry = Pick<
  ClockOutcome,
  'ticket' | 'version' | 'severity' | 'metric' | 'cycle' | 'open'
> & {
  due: number
  lateMs: number
}

/** A satisfaction rating as given: `rating` out of `scale`, in arrival order `seq`. */
export type Rating = { ticket: string; at: number; seq: number; rating: number; scale: number }

export type ReportTally = {
  targets: Map<string, TargetTally>
  breaches: BreachEntry[]
  /** Tickets created in the period, by severity. */
  incidents: Map<string, number>
  /** Tickets open at the period's end, by severity. */
  backlog: Map<string, { open: number; breached: number }>
  ratings: Rating[]
}

export function newReportTally(): ReportTally {
  return { targets: new Map(), breaches: [], incidents: new Map(), backlog: new Map(), ratings: [] }
}

export function targetKey(key: Pick<TargetTally, 'version' | 'severity' | 'metric'>): string {
  return `${key.version}\u0000${key.severity}\u0000${key.metric}`
}

export function targetTally(
  tally: ReportTally,
  key: Pick<TargetTally, 'version' | 'severity' | 'metric'>,
): TargetTally {
  const id = targetKey(key)
  let row = tally.targets.get(id)
  if (!row) {
    row = { version: key.version, severity: key.severity, metric: key.metric, met: 0, breached: 0, times: [] }
    tally.targets.set(id, row)
  }
  return row
}

export function addIncidents(tally: ReportTally, severity: string, count: number): void {
  tally.incidents.set(severity, (tally.incidents.get(severity) ?? 0) + count)
}

export function addBacklog(tally: ReportTally, severity: string, open: number, breached: number): void {
  const row = tally.backlog.get(severity) ?? { open: 0, breached: 0 }
  tally.backlog.set(severity, { open: row.open + open, breached: row.breached + breached })
}

/** Adds a ticket's standing at the period's end: its counted clocks, and the ticket itself. */
export function addStanding(tally: ReportTally, standing: TicketStanding, start: number): void {
  for (const o of standing.outcomes) {
    const row = targetTally(tally, o)
    if (o.outcome === 'met') row.met++
    else row.breached++
    if (o.elapsedMs !== null) row.times.push(o.elapsedMs)
    if (o.outcome === 'breached')
      tally.breaches.push({
        ticket: o.ticket,
        version: o.version,
        severity: o.severity,
        metric: o.metric,
        cycle: o.cycle,
        due: o.at,
        lateMs: o.lateMs ?? 0,
        open: o.open,
      })
  }
  if (standing.createdAt >= start) addIncidents(tally, standing.severity, 1)
  if (standing.open) addBacklog(tally, standing.severity, 1, standing.breached ? 1 : 0)
}
