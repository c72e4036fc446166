// Exact ratios: parsing decimals, rounding half up, and showing a decimal without overstating it.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { minorDigits, minorUnits } from './money.ts'
import {
  compare,
  decimalRatio,
  formatDecimal,
  numberRatio,
  percentRatio,
  type Ratio,
  ratio,
  roundHalfUp,
} from './rational.ts'

const r = (num: number, den = 1) => ratio(num, den)

describe('parsing', () => {
  const cases: [text: string, expected: Ratio][] = [
    ['12', r(12)],
    ['12.50', r(25, 2)],
    ['0.001', r(1, 1000)],
    ['1e-7', r(1, 10_000_000)],
    ['1.5e+21', ratio(15n * 10n ** 20n)],
  ]
  for (const [text, expected] of cases) test(text, () => assert.deepEqual(decimalRatio(text), expected))

  test('a number is the decimal it prints as: 0.1 is one tenth', () => {
    assert.deepEqual(numberRatio(0.1), r(1, 10))
    assert.deepEqual(numberRatio(2.5), r(5, 2))
  })

  test('a percentage is kept in percent: 99.95% → 9995/100', () => {
    assert.deepEqual(percentRatio('99.95%'), r(1999, 20))
    assert.throws(() => percentRatio('99.95'), /not a percentage/)
  })

  test('money in minor units', () => {
    assert.deepEqual(minorUnits({ amount: 1200.5, currency: 'GBP' }), r(120_050))
    assert.deepEqual(minorUnits({ amount: '1000.0050', currency: 'USD' }), r(200_001, 2))
    assert.deepEqual(minorUnits({ amount: 5000, currency: 'JPY' }), r(5000))
    assert.deepEqual(
      ['GBP', 'USD', 'EUR', 'JPY', 'KRW', 'KWD', 'BHD', 'CLF', 'HUF'].map(minorDigits),
      [2, 2, 2, 0, 0, 3, 3, 4, 2],
    )
  })
})

describe('roundHalfUp', () => {
  const cases: [Ratio, bigint][] = [
    [r(1, 2), 1n],
    [r(3, 2), 2n],
    [r(1005, 10), 101n],
    [r(10049, 100), 100n],
    [r(0), 0n],
    [r(7), 7n],
  ]
  for (const [value, expected] of cases) {
    test(`${value.num}/${value.den} → ${expected}`, () => assert.equal(roundHalfUp(value), expected))
  }

  test('is within half of the value, and a half goes up', () => {
    const value = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }))
      .map(([n, d]) => ratio(n, d))
    fc.assert(
      fc.property(value, (v) => {
        // 2 × (rounded − value) lies in (−1, 1]: 1 is a half rounded up, −1 would be one rounded down.
        const twiceOff = ratio(2n * (roundHalfUp(v) * v.den - v.num), v.den)
        assert.ok(compare(twiceOff, r(-1)) > 0 && compare(twiceOff, r(1)) <= 0)
      }),
    )
  })
})

describe('formatDecimal', () => {
  const cases: [Ratio, string][] = [
    [r(0), '0'],
    [r(10), '10'],
    [r(25, 2), '12.5'],
    [r(1, 32), '0.03125'],
    [r(1, 3), '0.3333'],
    [r(2, 3), '0.6666'],
    [r(1, 9999), '0.0001'],
    [r(1000, 9999), '0.1000'],
  ]
  for (const [value, expected] of cases) {
    test(`${value.num}/${value.den} → ${expected}`, () => assert.equal(formatDecimal(value), expected))
  }

  test('exact when it terminates, else floored to four decimals', () => {
    const value = fc
      .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 5 }))
      .map(([n, d]) => r(n, d))
    fc.assert(
      fc.property(value, (v) => {
        const text = formatDecimal(v)
        const shown = decimalRatio(text)
        if (compare(shown, v) === 0) return
        assert.equal(text.split('.')[1]?.length, 4)
        assert.ok(compare(shown, v) < 0)
        assert.ok(compare(v, ratio(shown.num * 10_000n + shown.den, shown.den * 10_000n)) < 0)
      }),
    )
  })
})
