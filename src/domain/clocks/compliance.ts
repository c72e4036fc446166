// Compliance per severity and metric over a set of clocks at an instant. A clock counts once
// its outcome is known: met in time, or breached (a running clock can already be breached).
import type { ClockView } from './clock-view.ts'

export type ComplianceRow = {
  severity: string
  metric: string
  total: number
  met: number
  breached: number
  compliance: number | null
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

const METRIC_ORDER = ['first_response', 'next_response', 'periodic_update', 'resolution']

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
    .map((r) => {
      const total = r.met + r.breached
      return { ...r, total, compliance: total === 0 ? null : r.met / total }
    })
    .map(({ severity, metric, total, met, breached, compliance }) => ({
      severity,
      metric,
      total,
      met,
      breached,
      compliance,
    }))
}
