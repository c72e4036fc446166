// The verification checklist: every KPI of the agreement with what was measured and whether it
// was met, then every compliance goal and availability objective that no KPI covers. A KPI's
// `target` is prose; the typed targets and objectives it points at are what is compared, and
// the prose is read only in the plain forms satisfaction and incident counts are written in.
import type { Agreement } from '../agreement/schema.ts'
import type { Metric } from '../agreement/sections-service-levels.ts'
import type { AvailabilityRow, ChecklistItem, Satisfaction, TargetRow } from './report-schema.ts'
import type { SatisfactionShare } from './satisfaction.ts'

type Kpi = NonNullable<Agreement['spec']['kpis']>[number]
type Check = Pick<ChecklistItem, 'measured' | 'status' | 'reason'>
export type ChecklistInput = {
  agreement: Agreement
  targets: readonly TargetRow[]
  availability: readonly AvailabilityRow[]
  satisfaction: { figures: Satisfaction; share: SatisfactionShare | null }
  incidents: number
}

const METRICS_OF: Partial<Record<Kpi['measure'], readonly Metric[]>> = {
  'response-time': ['first_response', 'next_response'],
  'resolution-time': ['resolution'],
}

export function checklist(input: ChecklistInput): ChecklistItem[] {
  const kpis = input.agreement.spec.kpis ?? []
  const covered = new Set(kpis.flatMap((k) => METRICS_OF[k.measure] ?? []))
  const uptimeCovered = kpis.some((k) => k.measure === 'uptime')
  const withGoal = input.targets.filter((r) => r.goal !== null && !covered.has(r.metric))
  const versions = new Set(withGoal.map((r) => r.version))
  return [
    ...kpis.map((kpi) => ({
      id: kpi.id,
      name: kpi.name,
      source: 'kpi' as const,
      measure: kpi.measure,
      target: kpi.target ?? null,
      ...checkKpi(kpi, input),
    })),
    ...withGoal.map((row) => ({
      id:
        versions.size > 1 ? `${row.severity}.${row.metric}.${row.version}` : `${row.severity}.${row.metric}`,
      name: `${row.severity} ${row.metric.replace('_', ' ')} within ${row.target}`,
      source: 'target' as const,
      measure: row.metric,
      target: `${row.goal}%`,
      ...checkTargets([row]),
    })),
    ...(uptimeCovered ? [] : input.availability).map((row) => ({
      id: row.id,
      name: `${row.service} availability`,
      source: 'objective' as const,
      measure: 'uptime',
      target: `${row.target}%`,
      ...checkObjectives([row]),
    })),
  ]
}

function checkKpi(kpi: Kpi, input: ChecklistInput): Check {
  const metrics = METRICS_OF[kpi.measure]
  if (metrics) return checkTargets(input.targets.filter((r) => metrics.includes(r.metric)))
  switch (kpi.measure) {
    case 'uptime':
      return checkObjectives(input.availability)
    case 'satisfaction':
      return checkSatisfaction(kpi.target, input.satisfaction)
    case 'incident-count':
      return checkIncidents(kpi.target, input.incidents)
    default:
      return { measured: null, status: 'not_measured', reason: 'measured outside Upheld: record it by hand' }
  }
}

function checkTargets(rows: readonly TargetRow[]): Check {
  const counted = rows.filter((r) => r.total > 0)
  if (counted.length === 0)
    return {
      measured: null,
      status: 'no_data',
      reason: 'no clock of these targets had an outcome in the period',
    }
  const judged = counted.filter((r) => r.goal_met !== null)
  const missed = judged.filter((r) => r.goal_met === false)
  const clocks = counted.reduce((n, r) => n + r.total, 0)
  const measured =
    counted.length === 1
      ? `${counted[0]!.compliance}% of ${count(clocks, 'clock')}`
      : `${judged.length - missed.length} of ${count(judged.length, 'goal')} met over ${count(clocks, 'clock')}`
  if (judged.length === 0) return { measured, status: 'measured', reason: 'no compliance goal is set' }
  const reason =
    missed.length === 0
      ? null
      : `missed: ${missed.map((r) => `${r.severity} ${r.metric} ${r.compliance}% < ${r.goal}%`).join(', ')}`
  return { measured, status: missed.length === 0 ? 'met' : 'missed', reason }
}

function checkObjectives(rows: readonly AvailabilityRow[]): Check {
  if (rows.length === 0)
    return { measured: null, status: 'not_measured', reason: 'the agreement has no availability objective' }
  const judged = rows.filter((r) => r.met !== null)
  if (judged.length === 0)
    return { measured: null, status: 'no_data', reason: 'no time was eligible: no status data' }
  const measured = judged.map((r) => `${r.id} ${r.uptime}%`).join(', ')
  const missed = judged.filter((r) => r.met === false)
  const reason =
    missed.length === 0 ? null : `below target: ${missed.map((r) => `${r.id} < ${r.target}%`).join(', ')}`
  return { measured, status: missed.length === 0 ? 'met' : 'missed', reason }
}

function checkSatisfaction(
  target: string | undefined,
  { figures, share }: ChecklistInput['satisfaction'],
): Check {
  if (share === null)
    return { measured: null, status: 'no_data', reason: 'no rating was given in the period' }
  const measured = `${figures.average} of ${figures.scale} over ${count(figures.count, 'rating')}`
  const goal = target === undefined ? null : shareTarget(target)
  if (goal === null) return { measured, status: 'measured', reason: unreadTarget(target) }
  const met = share.sum * goal.den >= goal.num * share.den
  return { measured, status: met ? 'met' : 'missed', reason: null }
}

function checkIncidents(target: string | undefined, incidents: number): Check {
  const measured = count(incidents, 'incident')
  const limit = target === undefined ? null : countLimit(target)
  if (limit === null) return { measured, status: 'measured', reason: unreadTarget(target) }
  const met = limit.inclusive ? incidents <= limit.n : incidents < limit.n
  return { measured, status: met ? 'met' : 'missed', reason: null }
}

/** "4 out of 5", "4/5" or "80%": a share of the scale, as num / den. */
export function shareTarget(text: string): { num: bigint; den: bigint } | null {
  const ratio = /(\d+(?:\.\d+)?)\s*(?:out of|of|\/)\s*(\d+)/i.exec(text)
  if (ratio) return over(decimal(ratio[1]!), BigInt(ratio[2]!))
  const percent = /(\d+(?:\.\d+)?)\s*%/.exec(text)
  return percent ? over(decimal(percent[1]!), 100n) : null
}

/** "at most 10", "no more than 10", "≤ 10" (inclusive); "fewer than 10", "< 10" (exclusive). */
export function countLimit(text: string): { n: number; inclusive: boolean } | null {
  const inclusive = /(?:at most|no more than|≤|<=)\s*(\d+)/i.exec(text)
  if (inclusive) return { n: Number(inclusive[1]), inclusive: true }
  const exclusive = /(?:fewer than|less than|<)\s*(\d+)/i.exec(text)
  return exclusive ? { n: Number(exclusive[1]), inclusive: false } : null
}

function decimal(text: string): { num: bigint; den: bigint } {
  const [whole, fraction = ''] = text.split('.')
  return { num: BigInt(whole! + fraction), den: 10n ** BigInt(fraction.length) }
}

function over(value: { num: bigint; den: bigint }, scale: bigint): { num: bigint; den: bigint } | null {
  return scale === 0n ? null : { num: value.num, den: value.den * scale }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function unreadTarget(target: string | undefined): string {
  return target === undefined
    ? 'no target is set'
    : `the target "${target}" is not a figure Upheld can compare`
}
