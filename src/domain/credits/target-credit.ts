// Credits for ticket targets: once when a severity's metric misses its compliance goal over
// the period, or once per breached clock.
import type { AgreementSpec } from '../agreement/schema.ts'
import type { ExactLine } from './availability-credit.ts'
import { formatDecimal, mul, percentRatio, type Ratio, ratio, ZERO } from './rational.ts'

type TargetCredit = NonNullable<NonNullable<AgreementSpec['credits']>['targets']>[number]

/** How one severity's metric fared over the period (a compliance row, with the target's goal). */
export type TargetTally = {
  severity: string
  metric: string
  /** Clocks with an outcome: met + breached. */
  total: number
  met: number
  breached: number
  /** The target's compliance goal as the agreement writes it (`90%`); null or absent when it sets none. */
  goal?: string | null
}

/**
 * Whether met / total reaches the goal, compared exactly (11 of 12 is 91.66…%, which meets 90%
 * and misses 95%); null when there is nothing to judge: no goal, or no clock with an outcome.
 */
export function goalMet(tally: Pick<TargetTally, 'total' | 'met' | 'goal'>): boolean | null {
  if (tally.goal === undefined || tally.goal === null || tally.total === 0) return null
  const goal = percentRatio(tally.goal)
  return BigInt(tally.met) * 100n * goal.den >= goal.num * BigInt(tally.total)
}

/** Lines for each ticket-target credit: one when it pays on a missed goal, one when it pays per breach. */
export function targetLines(credits: readonly TargetCredit[], tallies: readonly TargetTally[]): ExactLine[] {
  return credits.flatMap((credit) => {
    const ref = `${credit.severity}/${credit.metric}`
    const tally = tallies.find((t) => t.severity === credit.severity && t.metric === credit.metric)
    const line = (percent: Ratio, reason: string): ExactLine => ({ source: 'target', ref, percent, reason })
    const lines: ExactLine[] = []
    if (credit.missedGoal) lines.push(line(...missedGoal(credit, tally)))
    if (credit.perBreach) lines.push(line(...perBreach(credit, tally)))
    return lines
  })
}

// A credit pays exactly when the report shows goal_met false: a target without a goal, or a
// period without tickets, has nothing to miss.
function missedGoal(credit: TargetCredit, tally: TargetTally | undefined): [Ratio, string] {
  if (tally === undefined || tally.total === 0)
    return [ZERO, 'no tickets with an outcome: the goal is not missed']
  const share = `${tally.met} of ${tally.total} met (${formatDecimal(ratio(tally.met * 100, tally.total))}%)`
  const met = goalMet(tally)
  if (met === null) return [ZERO, `${share}, but the target sets no goal to miss: no credit`]
  if (met) return [ZERO, `${share}, goal ${tally.goal} met: no credit`]
  return [percentRatio(credit.credit), `${share}, goal ${tally.goal} missed: ${credit.credit}`]
}

function perBreach(credit: TargetCredit, tally: TargetTally | undefined): [Ratio, string] {
  const breaches = tally?.breached ?? 0
  if (breaches === 0) return [ZERO, 'no breaches: no credit']
  return [
    mul(ratio(breaches), percentRatio(credit.credit)),
    `${breaches} ${breaches === 1 ? 'breach' : 'breaches'} × ${credit.credit}`,
  ]
}
