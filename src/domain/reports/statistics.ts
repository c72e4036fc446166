// The report's figures in exact integer arithmetic: counts and milliseconds in, decimals out as
// strings, floored, so that 100.00 means every clock and a goal is never reached by rounding.

export type TimeFigures = { mean: number; median: number; p90: number }

/**
 * Mean (floored to the millisecond), median (the middle value, or the mean of the two middle
 * values floored) and p90 by nearest rank: the smallest value with at least 90% of the values
 * at or below it, the ⌈0.9·n⌉-th in ascending order. Null for no values.
 */
export function timeFigures(values: readonly number[]): TimeFigures | null {
  const n = values.length
  if (n === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  let sum = 0n
  for (const v of sorted) sum += BigInt(v)
  const half = Math.floor(n / 2)
  const median = n % 2 === 1 ? sorted[half]! : Math.floor((sorted[half - 1]! + sorted[half]!) / 2)
  return {
    mean: Number(sum / BigInt(n)),
    median,
    p90: sorted[nearestRank(n, 90, 100) - 1]!,
  }
}

/** ⌈n · num / den⌉ in integers: the rank of the num/den quantile among n values. */
export function nearestRank(n: number, num: number, den: number): number {
  return Math.max(1, Math.floor((n * num + den - 1) / den))
}

/** `part / whole` as a percentage floored to `decimals` places; null when `whole` is 0. */
export function floorPercent(part: number, whole: number, decimals = 2): string | null {
  if (whole === 0) return null
  return floorDecimal(BigInt(part) * 100n, BigInt(whole), decimals)
}

/** `num / den` floored to `decimals` places, for non-negative values. */
export function floorDecimal(num: bigint, den: bigint, decimals: number): string {
  const scaled = (num * 10n ** BigInt(decimals)) / den
  if (decimals === 0) return scaled.toString()
  const digits = scaled.toString().padStart(decimals + 1, '0')
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`
}

/** Whether `part / whole` reaches the percentage `goal` (num / den of 100), compared exactly. */
export function reachesPercent(part: number, whole: number, goal: { num: number; den: number }): boolean {
  return BigInt(part) * 100n * BigInt(goal.den) >= BigInt(goal.num) * BigInt(whole)
}
