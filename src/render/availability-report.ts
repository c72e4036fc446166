// Period figures of availability objectives, as JSON (`upheld uptime --json`, `upheld
// availability --json` and `GET /api/availability` print the same shape) and as lines for a
// terminal. Instants are ISO 8601; durations are milliseconds.
import type { ObjectiveMeasure } from '../domain/availability/measure-objective.ts'
import type { Span } from '../domain/availability/span-set.ts'
import type { StatusSpan } from '../domain/availability/status-intervals.ts'
import { formatDuration } from '../domain/duration.ts'
import { formatInZone } from '../domain/time-zone.ts'

/**
 * An objective's figures; from the database, also which agreement version it came from and,
 * when asked for, the service's status over the period (the spans the figures were made from).
 */
export type MeasuredObjective = ObjectiveMeasure & {
  agreement?: { id: string; version: number }
  timeline?: StatusSpan[]
}

const iso = (t: number) => new Date(t).toISOString()

/** The stretch the objectives' periods span together. */
export function spanOfMeasures(measures: readonly ObjectiveMeasure[]): Span {
  return {
    start: Math.min(...measures.map((m) => m.period.start)),
    end: Math.max(...measures.map((m) => m.period.end)),
  }
}

export function availabilityJson(period: Span, measures: readonly MeasuredObjective[]) {
  return {
    period: { start: iso(period.start), end: iso(period.end) },
    objectives: measures.map(objectiveJson),
  }
}

function objectiveJson({ rules, period, figures: f, maintenance, agreement, timeline }: MeasuredObjective) {
  return {
    id: rules.id,
    service: rules.service,
    ...(agreement === undefined ? {} : { agreement: agreement.id, agreement_version: agreement.version }),
    target: rules.targetText,
    uptime: f.uptime,
    met: f.met,
    eligible_ms: f.eligibleMs,
    down_ms: f.downMs,
    degraded_ms: f.degradedMs,
    unknown_ms: f.unknownMs,
    maintenance_ms: f.maintenanceMs,
    budget_ms: f.budgetMs,
    budget_left_ms: f.budgetLeftMs,
    incidents: f.incidents.map((i) => ({ start: iso(i.start), end: iso(i.end), duration_ms: i.durationMs })),
    burn_rate: f.burnRate,
    mttr_ms: f.mttrMs,
    mtbf_ms: f.mtbfMs,
    timezone: rules.timeZone,
    period: { start: iso(period.start), end: iso(period.end) },
    maintenance: maintenance.map((m) => ({
      window: m.window,
      start: iso(m.start),
      end: iso(m.end),
      qualifies: m.qualifies,
      ...(m.reason === undefined ? {} : { reason: m.reason }),
    })),
    ...(timeline === undefined
      ? {}
      : { timeline: timeline.map((s) => ({ start: iso(s.start), end: iso(s.end), status: s.status })) }),
  }
}

export function availabilityLines(measures: readonly ObjectiveMeasure[]): string[] {
  if (measures.length === 0) return ['No availability objectives in force.']
  const header = [
    'objective',
    'service',
    'period',
    'uptime',
    'target',
    'met',
    'down',
    'budget left',
    'incidents',
  ]
  const rows = measures.map(({ rules, period, figures: f }) => [
    rules.id,
    rules.service,
    `${local(rules.timeZone, period.start)} to ${local(rules.timeZone, period.end)} ${rules.timeZone}`,
    f.uptime === null ? 'no data' : `${f.uptime}%`,
    `${rules.targetText}%`,
    f.met === null ? '-' : f.met ? 'yes' : 'NO',
    formatDuration(f.downMs),
    formatDuration(f.budgetLeftMs),
    String(f.incidents.length),
  ])
  return [...table([header, ...rows]), ...measures.flatMap(details)]
}

function details({ rules, figures: f, maintenance }: ObjectiveMeasure): string[] {
  const zone = rules.timeZone
  const mean = (ms: number | null) => (ms === null ? '-' : formatDuration(ms))
  const windows = maintenance.filter((m) => m.qualifies).length
  const excluded = rules.excludeMaintenance
    ? `maintenance ${formatDuration(f.maintenanceMs)} in ${windows} window${windows === 1 ? '' : 's'}`
    : 'maintenance not excluded'
  return [
    '',
    `${rules.id}: eligible ${formatDuration(f.eligibleMs)}, ${excluded}, no data ${formatDuration(f.unknownMs)}, degraded ${formatDuration(f.degradedMs)}`,
    `  budget ${formatDuration(f.budgetMs)}, burn rate ${f.burnRate ?? '-'}, MTTR ${mean(f.mttrMs)}, MTBF ${mean(f.mtbfMs)}`,
    ...f.incidents.map(
      (i) => `  incident  ${local(zone, i.start)} to ${local(zone, i.end)} (${formatDuration(i.durationMs)})`,
    ),
    // Qualifying windows are in the figures; one that missed its notice is the surprise.
    ...maintenance
      .filter((m) => rules.excludeMaintenance && !m.qualifies)
      .map(
        (m) =>
          `  maintenance ${m.window} ${local(zone, m.start)} to ${local(zone, m.end)} not qualifying: ${m.reason}`,
      ),
  ]
}

// `2026-10-03 10:00` on the objective's wall clock.
function local(zone: string, t: number): string {
  return formatInZone(zone, t).slice(0, 16).replace('T', ' ')
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd(),
  )
}
