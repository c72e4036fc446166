// Money in the agreement's currency, counted in the currency's minor units (cents, pence; yen
// have none). The minor units come from ISO 4217 and not from Intl: Intl gives display digits
// (0 for HUF and IDR, which ISO gives 2) that vary with the runtime's ICU data, and a credit
// must come out the same in the browser and on the server.
import { decimalRatio, formatUnits, mul, numberRatio, type Ratio, ratio } from './rational.ts'

const MINOR_DIGITS: Record<string, number> = Object.fromEntries([
  ...'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' ').map((c) => [c, 0]),
  ...'BHD IQD JOD KWD LYD OMR TND'.split(' ').map((c) => [c, 3]),
  ...'CLF UYW'.split(' ').map((c) => [c, 4]),
])

/** Decimals of the currency's minor unit: 2 unless ISO 4217 says otherwise (JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2
}

export type Money = { amount: number | string; currency: string }

/** An amount written in major units as an exact number of minor units (possibly a fraction of one). */
export function minorUnits(money: Money): Ratio {
  const major = typeof money.amount === 'number' ? numberRatio(money.amount) : decimalRatio(money.amount)
  return mul(major, ratio(10n ** BigInt(minorDigits(money.currency))))
}

/** Whole minor units as the amount string of a report: 123456n GBP → `1234.56`, JPY → `123456`. */
export function formatMoney(minor: bigint, currency: string): string {
  return formatUnits(minor, minorDigits(currency))
}
