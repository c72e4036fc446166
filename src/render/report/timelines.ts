// What an availability timeline draws for each objective: its maintenance windows, from the
// agreement, and its outages, from the status intervals the report was measured on. The
// report holds neither (only counts and durations), so both are worked out again here by the
// same measure, and the outages are trusted only when they add up to the report's down time.
import type { Agreement } from '../../domain/agreement/schema.ts'
import { measureObjective } from '../../domain/availability/measure-objective.ts'
import { parsePeriodLabel } from '../../domain/availability/reporting-period.ts'
import type { Span } from '../../domain/availability/span-set.ts'
import type { StatusInterval } from '../../domain/availability/status-intervals.ts'
import type { AvailabilityRow, Report } from '../../domain/reports/report-schema.ts'

export type ObjectiveTimeline = {
  /**
   * Windows left out of the measure (the objective excludes maintenance and the window met
   * its notice rule), and the others, which count as ordinary time.
   */
  maintenance: (Span & { excluded: boolean })[]
  /** null: not known (no intervals given, or they no longer give the report's down time). */
  outages: Span[] | null
}

export type TimelineSources = {
  /** The agreement version in force at the period's end, which the objectives come from. */
  agreement?: Agreement
  /** Status intervals by objective id, as the report was composed from. */
  intervals?: ReadonlyMap<string, readonly StatusInterval[]>
}

const UNKNOWN: ObjectiveTimeline = { maintenance: [], outages: null }

export function objectiveTimelines(report: Report, sources: TimelineSources): Map<string, ObjectiveTimeline> {
  return new Map(report.availability.map((row) => [row.id, timelineOf(report, row, sources)]))
}

function timelineOf(report: Report, row: AvailabilityRow, sources: TimelineSources): ObjectiveTimeline {
  const label = parsePeriodLabel(report.period.label)
  if (!sources.agreement || !label) return UNKNOWN
  const intervals = sources.intervals?.get(row.id)
  const choice = { label, asOf: Date.parse(report.as_of) }
  const measured = measureObjective(sources.agreement.spec, row.id, choice, intervals ?? [])
  if (!measured.ok) return UNKNOWN
  const { rules, period, figures, maintenance } = measured.value
  const span = { start: Date.parse(row.period.start), end: Date.parse(row.period.end) }
  const samePeriod = period.start === span.start && period.end === span.end
  const outagesKnown = intervals !== undefined && samePeriod && figures.downMs === row.down_ms
  return {
    maintenance: maintenance.map(({ start, end, qualifies }) => ({
      start,
      end,
      excluded: qualifies && rules.excludeMaintenance,
    })),
    outages: outagesKnown ? figures.incidents.map(({ start, end }) => ({ start, end })) : null,
  }
}
