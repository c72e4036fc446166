// Compliance per severity and metric over a set of clocks at an instant. A clock counts once
// its outcome is known: met in time, or breached (a running clock can already be breached).
import { METRICS } from '../agreement/sections-service-levels.ts'
import type { ClockView } from './clock-view.ts'

export type ComplianceRow = {
  severity: string
  metric: string
  total: number
  met: number
  breached: number
  /** met / total; a row exists only once a clock of its kind has an outcome. */
  compliance: number
}

export type ComplianceTally = Map<string, { severity: string; metric: string; met: number; breached: number }>

export function newTally(): ComplianceTally {
  return new Map()
}

export function tallyClock(tally: ComplianceTally, clock: ClockView): void {
  const decided = clock.breached || clock.state === 'met'
  if (!decided) return
  const key = `${clock.severity}\u0000${clock.metric}`
  let row = tally.get(key)
  if (!row) {
    row = { severity: clock.severity, metric: clock.metric, met: 0, breached: 0 }
    tally.set(key, row)
  }
  if (clock.breached) row.breached++
  else row.met++
}

const METRIC_ORDER: readonly string[] = METRICS

export function complianceRows(
  tally: ComplianceTally,
  severityOrder: readonly string[] = [],
): ComplianceRow[] {
  const rank = (s: string) => {
    const i = severityOrder.indexOf(s)
    return i < 0 ? severityOrder.length : i
  }
  return [...tally.values()]
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) ||
        a.severity.localeCompare(b.severity) ||
        METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric),
    )
    .map(({ severity, metric, met, breached }) => {
      const total = met + breached
      return { severity, metric, total, met, breached, compliance: met / total }
    })
}
