// Availability in a report: each objective of the version in force at the period's end,
// measured over the same month or quarter in the objective's own zone (as `upheld uptime
// --period` does), from the status intervals the caller loaded for it.
import type { Agreement } from '../agreement/schema.ts'
import { measureObjective } from '../availability/measure-objective.ts'
import { objectiveRules } from '../availability/objective-rules.ts'
import { objectivePeriod } from '../availability/reporting-period.ts'
import type { Span } from '../availability/span-set.ts'
import type { StatusInterval } from '../availability/status-intervals.ts'
import type { Issue, Result } from '../issues.ts'
import type { ReportPeriod } from './report-period.ts'
import type { AvailabilityRow } from './report-schema.ts'

/** Per objective, the stretch of status data its measure reads: its period, widened by its minimum. */
export function objectiveReaches(
  agreement: Agreement,
  period: ReportPeriod,
): { id: string; service: string; reach: Span }[] {
  return (agreement.spec.availability ?? []).flatMap((objective) => {
    const rules = objectiveRules(objective)
    if (!rules.ok) return []
    const span = objectivePeriod(rules.value, { label: period.label, asOf: period.asOf })
    const reach = { start: span.start - rules.value.minimumMs, end: span.end + rules.value.minimumMs }
    return [{ id: objective.id, service: objective.service, reach }]
  })
}

export function availabilityRows(
  agreement: Agreement,
  version: string,
  period: ReportPeriod,
  intervals: ReadonlyMap<string, readonly StatusInterval[]>,
): Result<AvailabilityRow[]> {
  const rows: AvailabilityRow[] = []
  const issues: Issue[] = []
  for (const objective of agreement.spec.availability ?? []) {
    const choice = { label: period.label, asOf: period.asOf }
    const measured = measureObjective(agreement.spec, objective.id, choice, intervals.get(objective.id) ?? [])
    if (!measured.ok) {
      issues.push(...measured.issues)
      continue
    }
    const { rules, period: span, figures: f } = measured.value
    rows.push({
      id: rules.id,
      service: rules.service,
      version,
      timezone: rules.timeZone,
      period: { start: iso(span.start), end: iso(span.end) },
      uptime: f.uptime,
      target: rules.targetText,
      met: f.met,
      eligible_ms: f.eligibleMs,
      down_ms: f.downMs,
      budget_ms: f.budgetMs,
      budget_left_ms: f.budgetLeftMs,
      incidents: f.incidents.length,
    })
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: rows }
}

function iso(t: number): string {
  return new Date(t).toISOString()
}
