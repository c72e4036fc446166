// Percentages, targets and budgets in exact integer arithmetic: a target such as 99.95% is the
// fraction 9995 / 100 of 100, compared and multiplied as BigInts, and shown floored, so that
// 100.0000 means exactly 100% and a figure never rounds up past its target.

/** A percentage as num / den: 99.95% → { num: 9995, den: 100 }. */
export type ExactPercent = { num: number; den: number }

const DECIMALS = 4

/** `part / whole` as a percentage floored to four decimals; null when `whole` is 0. */
export function floorPercent(part: number, whole: number): string | null {
  if (whole === 0) return null
  return formatScaled((BigInt(part) * 100n * 10n ** BigInt(DECIMALS)) / BigInt(whole))
}

/** Whether `upMs` of `eligibleMs` reaches the target (at least it); null when nothing was eligible. */
export function meetsTarget(upMs: number, eligibleMs: number, target: ExactPercent): boolean | null {
  if (eligibleMs === 0) return null
  return BigInt(upMs) * 100n * BigInt(target.den) >= BigInt(target.num) * BigInt(eligibleMs)
}

/** The downtime the target allows in `eligibleMs`, floored to the millisecond. */
export function errorBudgetMs(eligibleMs: number, target: ExactPercent): number {
  const whole = 100n * BigInt(target.den)
  return Number((BigInt(eligibleMs) * (whole - BigInt(target.num))) / whole)
}

/**
 * Observed error rate over allowed error rate, (down / eligible) / (1 − target), floored to
 * four decimals: 1.0000 spends exactly the budget. Null when the target allows no downtime
 * or nothing was eligible.
 */
export function burnRate(downMs: number, eligibleMs: number, target: ExactPercent): string | null {
  const whole = 100n * BigInt(target.den)
  const allowed = BigInt(eligibleMs) * (whole - BigInt(target.num))
  if (allowed <= 0n) return null
  return formatScaled((BigInt(downMs) * whole * 10n ** BigInt(DECIMALS)) / allowed)
}

function formatScaled(scaled: bigint): string {
  const digits = scaled.toString().padStart(DECIMALS + 1, '0')
  return `${digits.slice(0, -DECIMALS)}.${digits.slice(-DECIMALS)}`
}
