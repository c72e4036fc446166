// One objective of an agreement over one period: its rules, the agreement's maintenance for
// its service, and the figures. The same call serves the CLI (intervals from a file of
// events) and the server (run-length intervals from storage).
import type { AgreementSpec } from '../agreement/schema.ts'
import type { Result } from '../issues.ts'
import { type MaintenanceOccurrence, maintenanceOccurrences } from './maintenance.ts'
import { type AvailabilityFigures, measureAvailability } from './measure.ts'
import { type ObjectiveRules, objectiveRules } from './objective-rules.ts'
import { objectivePeriod, type PeriodChoice } from './reporting-period.ts'
import type { Span } from './span-set.ts'
import type { StatusInterval } from './status-intervals.ts'

export type ObjectiveMeasure = {
  rules: ObjectiveRules
  period: Span
  figures: AvailabilityFigures
  /** The service's maintenance windows that overlap the period, qualifying or not. */
  maintenance: MaintenanceOccurrence[]
}

/**
 * `intervals` are those of the objective's service, known as of `choice.asOf`; issues name
 * the agreement field at fault.
 */
export function measureObjective(
  spec: AgreementSpec,
  objectiveId: string,
  choice: PeriodChoice,
  intervals: readonly StatusInterval[],
): Result<ObjectiveMeasure> {
  const index = (spec.availability ?? []).findIndex((o) => o.id === objectiveId)
  if (index < 0)
    return {
      ok: false,
      issues: [{ path: ['spec', 'availability'], message: `no objective "${objectiveId}"` }],
    }
  const rules = objectiveRules(spec.availability![index]!)
  if (!rules.ok) {
    const issues = rules.issues.map((i) => ({ ...i, path: ['spec', 'availability', index, ...i.path] }))
    return { ok: false, issues }
  }
  const period = objectivePeriod(rules.value, choice)
  const occurrences = maintenanceOccurrences(spec.maintenance ?? [], {
    service: rules.value.service,
    range: period,
    effectiveFrom: spec.term?.effectiveFrom,
  })
  if (!occurrences.ok) {
    const issues = occurrences.issues.map((i) => ({ ...i, path: ['spec', 'maintenance', ...i.path] }))
    return { ok: false, issues }
  }
  const figures = measureAvailability({
    rules: rules.value,
    period,
    intervals,
    maintenance: occurrences.value.filter((o) => o.qualifies),
  })
  return { ok: true, value: { rules: rules.value, period, figures, maintenance: occurrences.value } }
}
