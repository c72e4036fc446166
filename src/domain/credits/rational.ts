// Exact rationals over BigInt. Credits are money: a percentage of a prorated fee is rarely a
// whole number of cents, and a float would decide a tier boundary or a rounding by accident.

/** num / den with den > 0, in lowest terms. */
export type Ratio = { num: bigint; den: bigint }

export const ZERO: Ratio = { num: 0n, den: 1n }

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b]
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  let [n, d] = [BigInt(num), BigInt(den)]
  if (d === 0n) throw new RangeError('a ratio cannot have a zero denominator')
  if (d < 0n) [n, d] = [-n, -d]
  const g = gcd(n, d)
  return { num: n / g, den: d / g }
}

export function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den + b.num * a.den, a.den * b.den)
}

export function mul(...factors: Ratio[]): Ratio {
  return factors.reduce((a, b) => ratio(a.num * b.num, a.den * b.den), ratio(1n))
}

export function div(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den, a.den * b.num)
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Ratio, b: Ratio): number {
  const d = a.num * b.den - b.num * a.den
  return d < 0n ? -1 : d > 0n ? 1 : 0
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i

/** `12.5`, `1200.50` or `1e-7` (how a JavaScript number prints) as an exact ratio. */
export function decimalRatio(text: string): Ratio {
  const m = DECIMAL.exec(text.trim())
  if (!m) throw new RangeError(`not a decimal number: ${text}`)
  const fraction = m[2] ?? ''
  const exponent = Number(m[3] ?? 0) - fraction.length
  const digits = BigInt(m[1]! + fraction)
  return exponent >= 0 ? ratio(digits * 10n ** BigInt(exponent)) : ratio(digits, 10n ** BigInt(-exponent))
}

/** A number as the decimal it prints as: 0.1 is one tenth, not the binary float nearest it. */
export function numberRatio(value: number): Ratio {
  return decimalRatio(String(value))
}

/** `99.95%` → 9995/100, in percent (not a fraction of one). */
export function percentRatio(text: string): Ratio {
  const t = text.trim()
  if (!t.endsWith('%')) throw new RangeError(`not a percentage: ${text}`)
  return decimalRatio(t.slice(0, -1))
}

/** Nearest integer, halves away from zero (amounts are never negative, so: halves up). */
export function roundHalfUp(r: Ratio): bigint {
  const twice = (2n * (r.num < 0n ? -r.num : r.num) + r.den) / (2n * r.den)
  return r.num < 0n ? -twice : twice
}

/** A whole number of `digits`-decimal units as a decimal: (12345n, 2) → `123.45`. */
export function formatUnits(units: bigint, digits: number): string {
  const sign = units < 0n ? '-' : ''
  const text = (units < 0n ? -units : units).toString().padStart(digits + 1, '0')
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`
}

/**
 * A non-negative ratio as a decimal: exact, in as few decimals as it needs, when it terminates
 * (10, 12.5, 0.03125); else floored to `fallback` decimals (1/3 → 0.3333, 1/9999 → 0.0001), so
 * a shown percentage is never more than the real one and four decimals mark it as floored.
 */
export function formatDecimal(r: Ratio, fallback = 4): string {
  const digits = terminatingDigits(r.den) ?? fallback
  return formatUnits((r.num * 10n ** BigInt(digits)) / r.den, digits)
}

/** The decimals a fraction with this denominator needs, or null when it never terminates. */
function terminatingDigits(den: bigint): number | null {
  let [rest, twos, fives] = [den, 0, 0]
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1]
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1]
  return rest === 1n ? Math.max(twos, fives) : null
}
