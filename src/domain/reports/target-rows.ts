// Compliance per severity and metric, for each version of the agreement that measured clocks in
// the period: every target of a version in force (counted or not), and any clock's kind that
// its version has no target for (a channel's response promise).
import { percentValue } from '../agreement/primitives.ts'
import type { Agreement } from '../agreement/schema.ts'
import { METRICS, type Metric } from '../agreement/sections-service-levels.ts'
import { type AgreementHistory, type ReportPeriod, versionByLabel, versionsInForce } from './report-period.ts'
import type { Breach, TargetRow } from './report-schema.ts'
import { floorPercent, reachesPercent, timeFigures } from './statistics.ts'
import { type ReportTally, type TargetTally, targetKey } from './tally.ts'

type Definition = { target: string | null; calendar: string | null; goal: string | null }

export function targetRows(history: AgreementHistory, period: ReportPeriod, tally: ReportTally): TargetRow[] {
  const groups = new Map<string, TargetTally>()
  for (const { version } of versionsInForce(history, period))
    for (const t of incidentTargets(version.agreement)) {
      const empty = { version: version.version, severity: t.severity, metric: t.metric, met: 0, breached: 0 }
      groups.set(targetKey(empty), { ...empty, times: [] })
    }
  for (const row of tally.targets.values()) groups.set(targetKey(row), row)
  const rank = severityRank(history)
  const versionOrder = history.versions.map((v) => v.version)
  return [...groups.values()]
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) ||
        a.severity.localeCompare(b.severity) ||
        METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric) ||
        versionOrder.indexOf(a.version) - versionOrder.indexOf(b.version),
    )
    .map((g) => targetRow(g, definition(versionByLabel(history, g.version), g.severity, g.metric)))
}

export function breachRows(history: AgreementHistory, tally: ReportTally): Breach[] {
  const rank = severityRank(history)
  return [...tally.breaches]
    .sort(
      (a, b) =>
        a.due - b.due ||
        rank(a.severity) - rank(b.severity) ||
        METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric) ||
        a.ticket.localeCompare(b.ticket) ||
        a.cycle - b.cycle,
    )
    .map((b) => ({
      ticket: b.ticket,
      severity: b.severity,
      metric: b.metric,
      cycle: b.cycle,
      version: b.version,
      due: new Date(b.due).toISOString(),
      late_ms: b.lateMs,
      open: b.open,
    }))
}

/** Severities in the order of their rank in the latest version; unknown ones after, by name. */
export function severityRank(history: AgreementHistory): (severity: string) => number {
  const latest = history.versions[history.versions.length - 1]?.agreement
  const ranks = new Map((latest?.spec.severities ?? []).map((s) => [s.id, s.rank]))
  return (severity) => ranks.get(severity) ?? Number.MAX_SAFE_INTEGER
}

function targetRow(g: TargetTally, d: Definition): TargetRow {
  const total = g.met + g.breached
  const times = timeFigures(g.times)
  const goal = d.goal === null ? null : percentValue(d.goal)
  return {
    severity: g.severity,
    metric: g.metric,
    version: g.version,
    target: d.target,
    calendar: d.calendar,
    total,
    met: g.met,
    breached: g.breached,
    compliance: floorPercent(g.met, total),
    goal: d.goal === null ? null : d.goal.replace('%', ''),
    goal_met: goal === null || total === 0 ? null : reachesPercent(g.met, total, goal),
    timed: g.times.length,
    mean_ms: times?.mean ?? null,
    median_ms: times?.median ?? null,
    p90_ms: times?.p90 ?? null,
  }
}

// The clock engine measures incidents: targets for other request types are not its clocks.
function incidentTargets(agreement: Agreement) {
  return (agreement.spec.targets ?? []).filter((t) => !t.requestType || t.requestType === 'incident')
}

// The last matching target wins, as in the clock policy.
function definition(agreement: Agreement | undefined, severity: string, metric: Metric): Definition {
  const t =
    agreement && incidentTargets(agreement).findLast((x) => x.severity === severity && x.metric === metric)
  if (!t) return { target: null, calendar: null, goal: null }
  const target = metric === 'periodic_update' ? (t.every ?? t.within) : (t.within ?? t.every)
  return { target: target ?? null, calendar: t.calendar, goal: t.goal ?? null }
}
