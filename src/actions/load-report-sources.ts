// What a rendering of a report draws beyond its figures, from the database: the agreement
// version in force at the period's end (the parties' names, the maintenance windows) and the
// status intervals of its availability objectives (when the outages were), read as buildReport
// read them. The report itself keeps only counts and durations.
import type { Agreement } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import { parsePeriodLabel } from '../domain/availability/reporting-period.ts'
import type { StatusInterval } from '../domain/availability/status-intervals.ts'
import { objectiveReaches } from '../domain/reports/availability-rows.ts'
import type { ReportPeriod } from '../domain/reports/report-period.ts'
import type { Report } from '../domain/reports/report-schema.ts'
import { compiledVersion } from './customer-policies.ts'
import type { Actor, Deps } from './deps.ts'
import { loadServiceIntervals } from './load-service-intervals.ts'

export type ReportSources = {
  agreement?: Agreement
  intervals: Map<string, StatusInterval[]>
}

/** `asOf`: the instant the report was made as of (its `at`), so the intervals are the same. */
export async function loadReportSources(
  deps: Deps,
  actor: Actor,
  report: Report,
  asOf: number,
): Promise<ReportSources> {
  if (actor.role === 'customer' && actor.organisationId !== report.customer)
    throw new AppError('not_found', `no agreement "${report.agreement}"`)
  const closing = report.versions.filter((v) => v.in_force !== null).at(-1)
  const compiled = closing === undefined ? undefined : await compiledVersion(deps.db, closing.version)
  const label = parsePeriodLabel(report.period.label)
  if (!compiled || !label) return { intervals: new Map() }
  const period: ReportPeriod = {
    label,
    timeZone: report.period.timezone,
    start: Date.parse(report.period.start),
    end: Date.parse(report.period.end),
    until: Date.parse(report.as_of),
    asOf,
  }
  const intervals = new Map<string, StatusInterval[]>()
  for (const { id, service, reach } of objectiveReaches(compiled.agreement, period))
    intervals.set(id, await loadServiceIntervals(deps, report.customer, service, reach, asOf))
  return { agreement: compiled.agreement, intervals }
}
