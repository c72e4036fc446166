// Credits for availability: the tier schedule of an objective, and the formula credit (a
// multiple of the fee for the time the service was down). Uptime is the exact ratio
// (eligible − down) / eligible; the floored figure a report shows could sit on the wrong side
// of a bound.
import type { AgreementSpec } from '../agreement/schema.ts'
import { floorPercent } from '../availability/exact-figures.ts'
import type { Span } from '../availability/span-set.ts'
import { formatDuration } from '../duration.ts'
import { compare, mul, numberRatio, percentRatio, type Ratio, ratio, ZERO } from './rational.ts'

type Credits = NonNullable<AgreementSpec['credits']>
type Tier = NonNullable<Credits['availability']>[number]
type Formula = NonNullable<Credits['formula']>
type Bounds = { below?: string; atOrBelow?: string; above?: string; atOrAbove?: string }

/** What was measured for one availability objective over the period (as `measureAvailability` gives). */
export type ObjectiveFigures = { eligibleMs: number; downMs: number }

/** A credit line before rounding: a percentage of the period's basis. */
export type ExactLine = {
  source: 'availability' | 'target' | 'formula'
  ref: string
  percent: Ratio
  reason: string
}

type Uptime = { exact: Ratio; shown: string; downMs: number } | { reason: string }

function uptimeOf(objective: string, figures: ObjectiveFigures | undefined): Uptime {
  if (figures === undefined) return { reason: `objective "${objective}" was not measured` }
  const { eligibleMs, downMs } = figures
  // No eligible time (all maintenance, or no data excluded) leaves uptime undefined, and no
  // tier can be said to be missed.
  if (eligibleMs === 0) return { reason: 'no time in the period was eligible, so uptime is undefined' }
  const exact = ratio(BigInt(eligibleMs - downMs) * 100n, eligibleMs)
  return { exact, shown: `${floorPercent(eligibleMs - downMs, eligibleMs)}%`, downMs }
}

/** Whether uptime falls within the bounds: under the upper one, above the lower one if any. */
function within(uptime: Ratio, b: Bounds): boolean {
  const against = (bound: string) => compare(uptime, percentRatio(bound))
  if (b.below !== undefined && against(b.below) >= 0) return false
  if (b.atOrBelow !== undefined && against(b.atOrBelow) > 0) return false
  if (b.above !== undefined && against(b.above) <= 0) return false
  return !(b.atOrAbove !== undefined && against(b.atOrAbove) < 0)
}

function describe(b: Bounds): string {
  const upper = b.below !== undefined ? `below ${b.below}` : `at or below ${b.atOrBelow}`
  if (b.above !== undefined) return `${upper} and above ${b.above}`
  return b.atOrAbove !== undefined ? `${upper} and at or above ${b.atOrAbove}` : upper
}

/** One line per objective with tiers: the highest credit among the tiers its uptime falls in. */
export function availabilityLines(
  tiers: readonly Tier[],
  figures: ReadonlyMap<string, ObjectiveFigures>,
): ExactLine[] {
  const objectives = [...new Set(tiers.map((t) => t.objective))]
  return objectives.map((objective) => {
    const line = (percent: Ratio, reason: string): ExactLine => ({
      source: 'availability',
      ref: objective,
      percent,
      reason,
    })
    const uptime = uptimeOf(objective, figures.get(objective))
    if ('reason' in uptime) return line(ZERO, `${uptime.reason}: no availability credit`)
    const worst = tiers
      .filter((t) => t.objective === objective && within(uptime.exact, t))
      .reduce<Tier | null>(
        (best, t) =>
          best === null || compare(percentRatio(t.credit), percentRatio(best.credit)) > 0 ? t : best,
        null,
      )
    if (worst === null) return line(ZERO, `uptime ${uptime.shown} falls in no credit tier`)
    return line(percentRatio(worst.credit), `uptime ${uptime.shown} is ${describe(worst)}: ${worst.credit}`)
  })
}

/**
 * `multiplier` × the fee for the downtime, where the fee for the downtime is the basis × down
 * time / the period's length (the fee pays for all of the period, maintenance included). As a
 * percentage of the basis: multiplier × down / period × 100.
 */
export function formulaLine(
  formula: Formula,
  figures: ObjectiveFigures | undefined,
  period: Span,
): ExactLine {
  const line = (percent: Ratio, reason: string): ExactLine => ({
    source: 'formula',
    ref: formula.objective,
    percent,
    reason,
  })
  const uptime = uptimeOf(formula.objective, figures)
  if ('reason' in uptime) return line(ZERO, `${uptime.reason}: no formula credit`)
  const bounded = formula.below !== undefined || formula.atOrBelow !== undefined
  if (bounded && !within(uptime.exact, formula)) {
    return line(ZERO, `uptime ${uptime.shown} is not ${describe(formula)}: no formula credit`)
  }
  const periodMs = period.end - period.start
  const percent = mul(numberRatio(formula.multiplier), ratio(BigInt(uptime.downMs) * 100n, periodMs))
  const when = bounded ? `uptime ${uptime.shown} is ${describe(formula)}: ` : ''
  return line(
    percent,
    `${when}${formula.multiplier} × the fee for ${formatDuration(uptime.downMs)} of downtime in ${formatDuration(periodMs)}`,
  )
}
