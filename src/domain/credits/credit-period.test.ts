// The months a period touches, the fee prorated over them, and the last day to claim.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { claimBy, creditPeriod, proratedFee } from './credit-period.ts'
import { add, formatDecimal, type Ratio, ratio } from './rational.ts'
import { periodOf } from './test-support/credit-case.ts'

const FEE = ratio(100_000) // 1,000.00 in cents
const cents = (r: Ratio) => formatDecimal(r)

describe('proratedFee', () => {
  const cases: [name: string, which: string | [string, string], zone: string, expected: string][] = [
    ['a whole month', '2026-09', 'UTC', '100000'],
    ['a whole February', '2026-02', 'UTC', '100000'],
    ['10 days of a 30-day month: 10/30', ['2026-09-21T00:00Z', '2026-10-01T00:00Z'], 'UTC', '33333.3333'],
    ['10 days of a 31-day month: 10/31', ['2026-10-01T00:00Z', '2026-10-11T00:00Z'], 'UTC', '32258.0645'],
    ['a quarter of 92 days: three fees', '2026-Q4', 'UTC', '300000'],
    ['a quarter of 90 days: three fees', '2026-Q1', 'UTC', '300000'],
    ['a quarter with a clock change, in New York', '2026-Q4', 'America/New_York', '300000'],
    ['March in New York has 743 hours and is one fee', '2026-03', 'America/New_York', '100000'],
    [
      '20 days across two months: 10/30 + 10/31',
      ['2026-09-21T00:00Z', '2026-10-11T00:00Z'],
      'UTC',
      '65591.3978',
    ],
    ['one hour of a 31-day month', ['2026-10-05T00:00Z', '2026-10-05T01:00Z'], 'UTC', '134.4086'],
  ]
  for (const [name, which, zone, expected] of cases) {
    test(name, () => assert.equal(cents(proratedFee(FEE, periodOf(which, zone))), expected))
  }

  test('a period in a local zone is prorated by its own months (Kolkata, +05:30)', () => {
    // 1 October 00:00 to 11 October 00:00 in Kolkata: 10 days of October there.
    const period = periodOf(['2026-09-30T18:30Z', '2026-10-10T18:30Z'], 'Asia/Kolkata')
    assert.equal(period.months.length, 1)
    assert.equal(cents(proratedFee(FEE, period)), '32258.0645')
  })

  test('the months of a quarter add up to the quarter, in any zone', () => {
    const zone = fc.constantFrom(
      'UTC',
      'America/New_York',
      'Asia/Kolkata',
      'Europe/London',
      'Australia/Sydney',
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 4 }),
        zone,
        (year, q, tz) => {
          const quarter = periodOf(`${year}-Q${q}`, tz)
          assert.equal(quarter.months.length, 3)
          const months = quarter.months.map((m) => proratedFee(FEE, creditPeriod(m, tz)))
          assert.deepEqual(months.reduce(add), proratedFee(FEE, quarter))
          assert.deepEqual(proratedFee(FEE, quarter), ratio(300_000))
        },
      ),
    )
  })

  test('splitting a period anywhere splits its worth exactly', () => {
    const start = Date.parse('2026-01-01T00:00Z')
    const instant = fc.integer({ min: 0, max: 400 * 24 * 60 }).map((m) => start + m * 60_000)
    fc.assert(
      fc.property(fc.uniqueArray(instant, { minLength: 3, maxLength: 3 }), (three) => {
        const [a, b, c] = three.sort((x, y) => x - y) as [number, number, number]
        const worth = (s: number, e: number) =>
          proratedFee(FEE, creditPeriod({ start: s, end: e }, 'Europe/London'))
        assert.deepEqual(add(worth(a, b), worth(b, c)), worth(a, c))
      }),
    )
  })

  test('an empty period is refused', () => {
    assert.throws(() => creditPeriod({ start: 5, end: 5 }, 'UTC'), /must end after it starts/)
  })
})

describe('claimBy', () => {
  const cases: [
    window: string | undefined,
    which: string | [string, string],
    zone: string,
    expected: string | null,
  ][] = [
    [undefined, '2026-10', 'UTC', null],
    ['P15D', '2026-10', 'UTC', '2026-11-15'],
    ['P30D', '2026-10', 'UTC', '2026-11-30'],
    ['P1M', '2026-10', 'UTC', '2026-11-30'],
    ['P2M', '2026-10', 'UTC', '2026-12-31'],
    ['P2M', '2026-12', 'UTC', '2027-02-28'],
    ['P30D', '2026-Q1', 'UTC', '2026-04-30'],
    ['P30D', '2026-10', 'America/New_York', '2026-11-30'],
    ['P30D', '2026-10', 'Asia/Kolkata', '2026-11-30'],
    ['36h', '2026-10', 'UTC', '2026-11-02'],
    ['P10D', ['2026-10-05T12:00Z', '2026-10-20T12:00Z'], 'UTC', '2026-10-30'],
  ]
  for (const [window, which, zone, expected] of cases) {
    test(`${window ?? 'no window'} after ${JSON.stringify(which)} in ${zone}: ${expected}`, () => {
      assert.equal(claimBy(periodOf(which, zone), window), expected)
    })
  }
})
