// The figures of one availability objective over one period, from its components' status
// intervals and its qualifying maintenance. The rules are docs/availability.md.
import { burnRate, errorBudgetMs, floorPercent, meetsTarget } from './exact-figures.ts'
import type { ObjectiveRules } from './objective-rules.ts'
import { serviceTimeline } from './service-timeline.ts'
import {
  intersectSpans,
  normalizeSpans,
  type Span,
  spansAtLeast,
  spansLength,
  subtractSpans,
  touchedMinutes,
  unionSpans,
} from './span-set.ts'
import {
  STATUSES,
  type Status,
  type StatusInterval,
  type StatusSpan,
  timelinesByComponent,
} from './status-intervals.ts'

export type AvailabilityInput = {
  rules: ObjectiveRules
  period: Span
  /** The intervals of the objective's service (either from observations or from storage). */
  intervals: readonly StatusInterval[]
  /** The service's qualifying maintenance (windows that met their notice rule). */
  maintenance: readonly Span[]
}

export type Incident = Span & { durationMs: number }

export type AvailabilityFigures = {
  eligibleMs: number
  downMs: number
  degradedMs: number
  unknownMs: number
  maintenanceMs: number
  /** Percentage floored to four decimals; null when no time was eligible. */
  uptime: string | null
  met: boolean | null
  budgetMs: number
  /** Negative once the budget is overspent. */
  budgetLeftMs: number
  burnRate: string | null
  incidents: Incident[]
  /** Mean incident duration. */
  mttrMs: number | null
  /** Mean eligible up time per incident. */
  mtbfMs: number | null
}

export function measureAvailability(input: AvailabilityInput): AvailabilityFigures {
  const { rules, period } = input
  // A down stretch is judged by its whole length, so statuses are read as far past the
  // period's edges as the minimum reaches: an outage across the boundary counts on both sides.
  const reach = { start: period.start - rules.minimumMs, end: period.end + rules.minimumMs }
  const sets = statusSets(input, reach)
  const maintenance = rules.excludeMaintenance
    ? intersectSpans(normalizeSpans(input.maintenance), [period])
    : []
  const excluded = unionSpans(maintenance, rules.noData === 'exclude' ? sets.unknown : [])
  const eligible = subtractSpans([period], excluded)
  const down = countedDowntime(rules, sets, eligible)
  const [eligibleMs, downMs] = [spansLength(eligible), spansLength(down)]
  const budgetMs = errorBudgetMs(eligibleMs, rules.target)
  const incidents = normalizeSpans(down).map((s) => ({ ...s, durationMs: s.end - s.start }))
  const perIncident = (ms: number) => (incidents.length === 0 ? null : Math.floor(ms / incidents.length))
  return {
    eligibleMs,
    downMs,
    degradedMs: spansLength(intersectSpans(sets.degraded, eligible)),
    unknownMs: spansLength(subtractSpans(intersectSpans(sets.unknown, [period]), maintenance)),
    maintenanceMs: spansLength(maintenance),
    uptime: floorPercent(eligibleMs - downMs, eligibleMs),
    met: meetsTarget(eligibleMs - downMs, eligibleMs, rules.target),
    budgetMs,
    budgetLeftMs: budgetMs - downMs,
    burnRate: burnRate(downMs, eligibleMs, rules.target),
    incidents,
    mttrMs: perIncident(downMs),
    mtbfMs: perIncident(eligibleMs - downMs),
  }
}

type StatusSets = Record<Status, Span[]>

function statusSets(input: AvailabilityInput, reach: Span): StatusSets {
  const sets = Object.fromEntries(STATUSES.map((s) => [s, [] as Span[]])) as StatusSets
  for (const span of serviceSpans(input.rules, input.intervals, reach))
    sets[span.status].push({ start: span.start, end: span.end })
  return sets
}

/** The service's status over `range`, from the components the rules count. */
export function serviceSpans(
  rules: Pick<ObjectiveRules, 'components' | 'aggregate'>,
  intervals: readonly StatusInterval[],
  range: Span,
): StatusSpan[] {
  const timelines = timelinesByComponent(intervals)
  // A named component nobody reports on is one more that cannot be called up.
  const chosen = rules.components
    ? rules.components.flatMap((c) => timelines.get(c) ?? [[]])
    : [...timelines.values()].flat()
  return serviceTimeline(chosen, rules.aggregate, range)
}

/**
 * The eligible time that counts as down: down (and degraded, and no data, where the rules
 * say so) in stretches of at least the minimum, then classified by minute.
 */
function countedDowntime(rules: ObjectiveRules, sets: StatusSets, eligible: Span[]): Span[] {
  const raw = unionSpans(
    sets.down,
    rules.degradedCounts ? sets.degraded : [],
    rules.noData === 'down' ? sets.unknown : [],
  )
  const down = intersectSpans(rules.minimumMs > 0 ? spansAtLeast(raw, rules.minimumMs) : raw, eligible)
  switch (rules.classification) {
    case 'exact':
      return down
    case 'any-overlap':
      return intersectSpans(touchedMinutes(down), eligible)
    case 'whole-minute':
      // A minute counts only when every eligible instant of it is down.
      return subtractSpans(down, touchedMinutes(subtractSpans(eligible, down)))
  }
}
