// The service credits owed for one period under an agreement's credits section. Every line is
// a percentage of the basis (the monthly fee prorated over the period), computed exactly and
// rounded once to the currency's minor unit, half up; the total is the sum of the rounded
// lines, then capped, then paid only if it reaches the minimum. The rules are docs/credits.md.
import type { AgreementSpec } from '../agreement/schema.ts'
import {
  availabilityLines,
  type ExactLine,
  formulaLine,
  type ObjectiveFigures,
} from './availability-credit.ts'
import { type CreditPeriod, claimBy, proratedFee } from './credit-period.ts'
import { formatMoney, minorUnits } from './money.ts'
import { compare, formatDecimal, mul, percentRatio, type Ratio, ratio, roundHalfUp } from './rational.ts'
import { type TargetTally, targetLines } from './target-credit.ts'

export type CreditsSection = NonNullable<AgreementSpec['credits']>

export type CreditInput = {
  credits: CreditsSection
  period: CreditPeriod
  /** Figures per availability objective id, for the objectives the credits refer to. */
  availability: ReadonlyMap<string, ObjectiveFigures>
  /** One tally per severity and metric (missing: no tickets). */
  targets: readonly TargetTally[]
}

export type CreditLine = {
  source: 'availability' | 'target' | 'formula'
  /** The objective id, or `severity/metric` for a ticket target. */
  ref: string
  /** Of the basis: exact when it terminates, else floored to four decimals. */
  percent: string
  /** In the currency's minor-unit decimals (`12.50`; JPY `1250`). */
  amount: string
  reason: string
}

export type CreditStatement = {
  currency: string
  /** The monthly fee prorated over the period. */
  basis: string
  lines: CreditLine[]
  /** The sum of the lines' amounts, capped, and zero when under the minimum. */
  total: string
  cap_applied: boolean
  /** The total was under the minimum, so nothing is paid. */
  minimum_applied: boolean
  /** The last date (in the period's zone) on which a claim may be made; null without a claim window. */
  claim_by: string | null
  exclusions: string[]
  sole_remedy: boolean
}

const HUNDREDTH = ratio(1, 100)

export function computeCredits(input: CreditInput): CreditStatement {
  const { credits, period } = input
  const currency = credits.basis.monthlyFee.currency
  const basis = proratedFee(minorUnits(credits.basis.monthlyFee), period)
  const exact: ExactLine[] = [
    ...availabilityLines(credits.availability ?? [], input.availability),
    ...targetLines(credits.targets ?? [], input.targets),
    ...(credits.formula === undefined
      ? []
      : [formulaLine(credits.formula, input.availability.get(credits.formula.objective), period)]),
  ]
  const lines = exact.map((line) => ({ line, minor: roundHalfUp(mul(basis, line.percent, HUNDREDTH)) }))
  const settled = settle(
    lines.reduce((sum, l) => sum + l.minor, 0n),
    basis,
    credits,
  )
  return {
    currency,
    basis: formatMoney(roundHalfUp(basis), currency),
    lines: lines.map(({ line, minor }) => present(line, minor, currency)),
    total: formatMoney(settled.total, currency),
    cap_applied: settled.capApplied,
    minimum_applied: settled.minimumApplied,
    claim_by: claimBy(period, credits.claimWindow),
    exclusions: [...(credits.exclusions ?? [])],
    sole_remedy: credits.soleRemedy ?? false,
  }
}

/**
 * The cap is an amount like any other (the basis × cap, rounded the same way), so the total never
 * exceeds the amount the cap shows. The minimum is a threshold, not a floor: a provider that
 * pays "only credits of at least $1" pays nothing for $0.40, never $1.
 */
function settle(sum: bigint, basis: Ratio, credits: CreditsSection) {
  const cap = credits.cap === undefined ? null : roundHalfUp(mul(basis, percentRatio(credits.cap), HUNDREDTH))
  const capApplied = cap !== null && sum > cap
  const capped = capApplied ? cap : sum
  const minimum = credits.minimum === undefined ? null : minorUnits(credits.minimum)
  const minimumApplied = minimum !== null && capped > 0n && compare(ratio(capped), minimum) < 0
  return { total: minimumApplied ? 0n : capped, capApplied, minimumApplied }
}

function present(line: ExactLine, minor: bigint, currency: string): CreditLine {
  return {
    source: line.source,
    ref: line.ref,
    percent: formatDecimal(line.percent),
    amount: formatMoney(minor, currency),
    reason: line.reason,
  }
}
