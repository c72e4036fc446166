// An availability objective as the rules the computation follows, with every default made
// explicit and every field that needs another checked once, here.
import { percentValue } from '../agreement/primitives.ts'
import type { AgreementSpec } from '../agreement/schema.ts'
import { parseDuration } from '../duration.ts'
import type { Issue, Result } from '../issues.ts'
import type { Aggregate } from './service-timeline.ts'

export type AvailabilityObjective = NonNullable<AgreementSpec['availability']>[number]

/** How down time is counted: as measured, or by whole minutes (see docs/availability.md). */
export type Classification = 'exact' | 'any-overlap' | 'whole-minute'

export type ObjectiveRules = {
  id: string
  service: string
  /** As written, without the `%`: `99.9`. */
  targetText: string
  /** The target as the fraction num / den of 100 (99.9% → 999 / 10). */
  target: { num: number; den: number }
  period: 'month' | 'quarter' | 'rolling'
  /** Rolling objectives only. */
  windowMs: number | null
  timeZone: string
  /** The components that count; null: every component the data names. */
  components: string[] | null
  aggregate: Aggregate
  /** Down stretches shorter than this do not count (0: all count). */
  minimumMs: number
  classification: Classification
  degradedCounts: boolean
  noData: 'up' | 'down' | 'exclude'
  excludeMaintenance: boolean
}

export function objectiveRules(objective: AvailabilityObjective): Result<ObjectiveRules> {
  const issues: Issue[] = []
  const fail = (path: string, message: string, hint: string) => issues.push({ path: [path], message, hint })
  const windowMs = objective.window === undefined ? null : durationMs(objective.window)
  if (objective.period === 'rolling' && windowMs === null)
    fail('window', `objective "${objective.id}" is rolling but has no window`, 'add window, e.g. window: 30d')
  const aggregate = objective.aggregate ?? 'any-down'
  if (aggregate === 'named' && !objective.components?.length)
    fail('components', `objective "${objective.id}" counts named components but names none`, 'add components')
  const { minimum, classification, degradedCounts } = objective.downtime ?? {}
  const minimumMs = minimum === undefined ? 0 : (durationMs(minimum) ?? 0)
  if (classification === 'minimum-consecutive' && minimumMs === 0)
    fail(
      'downtime',
      `objective "${objective.id}" counts minimum-consecutive downtime but sets no minimum`,
      'add downtime.minimum, e.g. 1m',
    )
  if (issues.length > 0) return { ok: false, issues }
  return {
    ok: true,
    value: {
      id: objective.id,
      service: objective.service,
      targetText: objective.target.replace('%', ''),
      target: percentValue(objective.target),
      period: objective.period,
      windowMs,
      timeZone: objective.timezone ?? 'UTC',
      components: objective.components?.length ? objective.components : null,
      aggregate: aggregate === 'all-down' ? 'all-down' : 'any-down',
      minimumMs,
      classification:
        classification === 'any-overlap' || classification === 'whole-minute' ? classification : 'exact',
      degradedCounts: degradedCounts ?? false,
      noData: objective.noData,
      excludeMaintenance: objective.exclude?.includes('maintenance') ?? false,
    },
  }
}

// The schema has already checked the text, so a failure here cannot happen in a parsed agreement.
function durationMs(text: string): number | null {
  const parsed = parseDuration(text)
  return parsed.ok ? parsed.ms : null
}
