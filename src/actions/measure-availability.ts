// A customer's availability objectives over a month or quarter, measured from the stored status
// intervals: every objective of every agreement in force at the end of the period (or at the
// instant asked about, while the period runs), the same computation as `upheld uptime`.
import type { AgreementSpec } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import { serviceSpans } from '../domain/availability/measure.ts'
import { measureObjective } from '../domain/availability/measure-objective.ts'
import { type AvailabilityObjective, objectiveRules } from '../domain/availability/objective-rules.ts'
import {
  calendarPeriod,
  labelAt,
  objectivePeriod,
  type PeriodChoice,
  type PeriodLabel,
} from '../domain/availability/reporting-period.ts'
import type { Span } from '../domain/availability/span-set.ts'
import { didYouMean } from '../domain/issues.ts'
import { type MeasuredObjective, spanOfMeasures } from '../render/availability-report.ts'
import type { Actor, Deps } from './deps.ts'
import { findAgreementsInForce, specOf } from './find-agreements-in-force.ts'
import { loadServiceIntervals } from './load-service-intervals.ts'

export type AvailabilityQuery = {
  customer?: string
  /** A month or quarter in each objective's zone; null: the one `at` falls in. */
  period: PeriodLabel | null
  /** The instant the figures are known as of; default now. */
  at?: number
  /** Only this objective. */
  objective?: string
  /** Also each service's status over the period, as the objective counts its components. */
  timeline?: boolean
}

export type AvailabilityReport = { customer: string; period: Span; objectives: MeasuredObjective[] }

export async function measureCustomerAvailability(
  deps: Deps,
  actor: Actor,
  query: AvailabilityQuery,
): Promise<AvailabilityReport> {
  const choice: PeriodChoice = { label: query.period, asOf: query.at ?? deps.now() }
  const utc = calendarPeriod(query.period ?? labelAt(1, choice.asOf, 'UTC'), 'UTC')
  // An agreement changed during the period is measured by the version in force at its end.
  const at = query.period === null ? choice.asOf : Math.min(choice.asOf, utc.end - 1)
  const inForce = await findAgreementsInForce(deps, actor, { customer: query.customer, at })
  const objectives: MeasuredObjective[] = []
  const ids: string[] = []
  for (const { agreement, version } of inForce.items) {
    const spec = specOf(version)
    for (const objective of spec.availability ?? []) {
      ids.push(objective.id)
      if (query.objective !== undefined && objective.id !== query.objective) continue
      const source = { id: agreement.id, version: version.version }
      const context = { customerId: inForce.customerId, choice, timeline: query.timeline ?? false }
      objectives.push(await measureOne(deps, context, spec, objective, source))
    }
  }
  if (query.objective !== undefined && objectives.length === 0) {
    const hint =
      didYouMean(query.objective, ids) ?? (ids.length > 0 ? `there are ${ids.join(', ')}` : undefined)
    throw new AppError('not_found', `no availability objective "${query.objective}" in force`, [
      { path: ['objective'], message: `"${query.objective}" is not in force`, hint },
    ])
  }
  // With nothing to measure, the period is the UTC month or quarter asked for, so far.
  const period =
    objectives.length > 0
      ? spanOfMeasures(objectives)
      : { start: utc.start, end: Math.max(utc.start, Math.min(utc.end, choice.asOf)) }
  return { customer: inForce.customerId, period, objectives }
}

async function measureOne(
  deps: Deps,
  { customerId, choice, timeline }: { customerId: string; choice: PeriodChoice; timeline: boolean },
  spec: AgreementSpec,
  objective: AvailabilityObjective,
  agreement: { id: string; version: number },
): Promise<MeasuredObjective> {
  const rules = objectiveRules(objective)
  // An outage is judged by its whole length, so the data reaches past the period by the minimum.
  let intervals: Awaited<ReturnType<typeof loadServiceIntervals>> = []
  if (rules.ok) {
    const period = objectivePeriod(rules.value, choice)
    const reach = { start: period.start - rules.value.minimumMs, end: period.end + rules.value.minimumMs }
    intervals = await loadServiceIntervals(deps, customerId, objective.service, reach, choice.asOf)
  }
  const measured = measureObjective(spec, objective.id, choice, intervals)
  if (!measured.ok)
    throw new AppError(
      'invalid_input',
      `agreement ${agreement.id} version ${agreement.version} cannot be measured`,
      measured.issues,
    )
  const { rules: counted, period } = measured.value
  if (!timeline) return { ...measured.value, agreement }
  return { ...measured.value, agreement, timeline: serviceSpans(counted, intervals, period) }
}
