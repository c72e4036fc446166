import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { addPeriod, addPeriodToInstant, daysBetween, parsePeriod, shortestSpanDays } from './period.ts'

describe('parsePeriod', () => {
  const cases: [string, ReturnType<typeof parsePeriod>][] = [
    ['P6M', { months: 6, days: 0, ms: 0 }],
    ['P1Y', { months: 12, days: 0, ms: 0 }],
    ['P1Y2M', { months: 14, days: 0, ms: 0 }],
    ['P90D', { months: 0, days: 90, ms: 0 }],
    ['P2W', { months: 0, days: 14, ms: 0 }],
    ['P1DT12H', { months: 0, days: 1, ms: 43_200_000 }],
    ['PT72H', { months: 0, days: 0, ms: 259_200_000 }],
    ['p3m', { months: 3, days: 0, ms: 0 }],
    ['36h', { months: 0, days: 0, ms: 129_600_000 }],
    ['30d', { months: 0, days: 0, ms: 2_592_000_000 }],
    ['P', null],
    ['PT', null],
    ['6 months', null],
    ['', null],
  ]
  for (const [text, expected] of cases) {
    test(`"${text}"`, () => assert.deepEqual(parsePeriod(text), expected))
  }
})

describe('addPeriod', () => {
  const cases: [string, string, 1 | -1, string][] = [
    ['2026-01-31', 'P1M', 1, '2026-02-28'],
    ['2028-01-31', 'P1M', 1, '2028-02-29'],
    ['2026-03-31', 'P1M', -1, '2026-02-28'],
    ['2026-01-01', 'P6M', 1, '2026-07-01'],
    ['2026-02-10', 'P3M', 1, '2026-05-10'],
    ['2026-11-15', 'P3M', 1, '2027-02-15'],
    ['2026-02-15', 'P3M', -1, '2025-11-15'],
    ['2028-02-29', 'P1Y', 1, '2029-02-28'],
    ['2026-12-31', 'P60D', -1, '2026-11-01'],
    ['2028-02-29', 'P90D', -1, '2027-12-01'],
    ['2026-01-01', 'P2W', 1, '2026-01-15'],
    ['2026-01-31', 'P1M1D', 1, '2026-03-01'],
    ['2026-06-01', 'PT72H', 1, '2026-06-04'],
    ['2026-06-01', '36h', 1, '2026-06-03'],
    ['2026-06-03', '36h', -1, '2026-06-01'],
    ['2026-06-01', 'PT1S', 1, '2026-06-02'],
  ]
  for (const [date, period, sign, expected] of cases) {
    test(`${date} ${sign > 0 ? '+' : '−'} ${period} = ${expected}`, () => {
      assert.equal(addPeriod(date, period, sign), expected)
    })
  }

  test('refuses what is not a date or a period', () => {
    assert.throws(() => addPeriod('2026-02-30', 'P1D'), RangeError)
    assert.throws(() => addPeriod('2026-02-01', 'P1X'), RangeError)
  })

  test('days move a date by exactly that many days, forward and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 2_000 }), (start, days) => {
        const date = addPeriod('1900-01-01', { months: 0, days: start, ms: 0 })
        const moved = addPeriod(date, { months: 0, days, ms: 0 })
        assert.equal(daysBetween(date, moved), days)
        assert.equal(addPeriod(moved, { months: 0, days, ms: 0 }, -1), date)
      }),
    )
  })

  test('months keep the day of the month, or clamp it to the month end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 600 }), (start, months) => {
        const date = addPeriod('1900-01-01', { months: 0, days: start, ms: 0 })
        const moved = addPeriod(date, { months, days: 0, ms: 0 })
        const [y, m, d] = date.split('-').map(Number) as [number, number, number]
        const [y2, m2, d2] = moved.split('-').map(Number) as [number, number, number]
        assert.equal(y2 * 12 + m2 - (y * 12 + m), months)
        const monthEnd = new Date(Date.UTC(y2, m2, 0)).getUTCDate()
        assert.equal(d2, Math.min(d, monthEnd))
      }),
    )
  })
})

describe('daysBetween and shortestSpanDays', () => {
  test('daysBetween counts calendar days', () => {
    assert.equal(daysBetween('2026-02-10', '2026-05-10'), 89)
    assert.equal(daysBetween('2026-05-10', '2026-02-10'), -89)
    assert.equal(daysBetween('2027-12-31', '2028-03-01'), 61)
  })

  const spans: [string, number][] = [
    ['P1M', 28],
    ['P2M', 59],
    ['P3M', 89],
    ['P1Y', 365],
    ['P35D', 35],
    ['PT36H', 2],
    ['P1M1D', 29],
  ]
  for (const [text, days] of spans) {
    test(`${text} spans at least ${days} days`, () =>
      assert.equal(shortestSpanDays(parsePeriod(text)!), days))
  }
})

describe('addPeriodToInstant', () => {
  const at = (text: string) => Date.parse(text)
  const cases: [string, string, string, 1 | -1, string][] = [
    // Days keep the wall-clock time across a change of offset (London goes to BST on 2026-03-29).
    ['2026-03-28T09:00:00Z', 'P2D', 'Europe/London', 1, '2026-03-30T08:00:00Z'],
    // Hours are elapsed time: 48 hours across the change read 10:00 on the wall clock.
    ['2026-03-28T09:00:00Z', 'PT48H', 'Europe/London', 1, '2026-03-30T09:00:00Z'],
    ['2026-10-03T19:00:00Z', 'P2D', 'Africa/Nairobi', -1, '2026-10-01T19:00:00Z'],
    ['2026-01-31T12:00:00Z', 'P1M', 'UTC', 1, '2026-02-28T12:00:00Z'],
    // 01:30 on 2026-03-29 does not exist in London; it moves forward by the gap to 02:30 BST.
    ['2026-03-28T01:30:00Z', 'P1D', 'Europe/London', 1, '2026-03-29T01:30:00Z'],
  ]
  for (const [start, period, zone, sign, expected] of cases) {
    test(`${start} ${sign > 0 ? '+' : '−'} ${period} in ${zone} = ${expected}`, () => {
      assert.equal(
        new Date(addPeriodToInstant(at(start), parsePeriod(period)!, zone, sign)).toISOString(),
        new Date(at(expected)).toISOString(),
      )
    })
  }
})
