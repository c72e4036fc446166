import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import type { AvailabilityObjective } from './objective-rules.ts'
import {
  calendarPeriod,
  formatPeriodLabel,
  objectivePeriod,
  type PeriodLabel,
  parsePeriodLabel,
  rollingPeriod,
} from './reporting-period.ts'
import { rulesFor } from './test-support/objective.ts'

const iso = (t: number) => new Date(t).toISOString()

describe('parsePeriodLabel', () => {
  const cases: [string, PeriodLabel | null][] = [
    ['2026-10', { year: 2026, month: 10, months: 1 }],
    ['2026-01', { year: 2026, month: 1, months: 1 }],
    ['2026-Q1', { year: 2026, month: 1, months: 3 }],
    ['2026-q4', { year: 2026, month: 10, months: 3 }],
    ['2026-13', null],
    ['2026-00', null],
    ['2026-Q5', null],
    ['2026-10-01', null],
    ['October', null],
  ]
  for (const [text, expected] of cases) {
    test(`"${text}"`, () => {
      assert.deepEqual(parsePeriodLabel(text), expected)
      if (expected) assert.equal(formatPeriodLabel(expected), text.toUpperCase())
    })
  }
})

describe('calendarPeriod', () => {
  const cases: [string, string, string, string][] = [
    ['2026-10', 'UTC', '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    ['2026-12', 'UTC', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2026-Q4', 'America/New_York', '2026-10-01T04:00:00.000Z', '2027-01-01T05:00:00.000Z'],
    ['2026-Q1', 'Asia/Kolkata', '2025-12-31T18:30:00.000Z', '2026-03-31T18:30:00.000Z'],
    ['2026-10', 'Europe/London', '2026-09-30T23:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    ['2026-03', 'Africa/Nairobi', '2026-02-28T21:00:00.000Z', '2026-03-31T21:00:00.000Z'],
  ]
  for (const [label, zone, start, end] of cases) {
    test(`${label} in ${zone}`, () => {
      const period = calendarPeriod(parsePeriodLabel(label)!, zone)
      assert.deepEqual([iso(period.start), iso(period.end)], [start, end])
    })
  }

  test('consecutive months meet, and each is its days of 24 hours give or take a clock change', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata']
    fc.assert(
      fc.property(fc.integer({ min: 2000 * 12, max: 2040 * 12 }), fc.constantFrom(...zones), (n, zone) => {
        const label = (k: number): PeriodLabel => ({
          year: Math.floor(k / 12),
          month: (k % 12) + 1,
          months: 1,
        })
        const [a, b] = [calendarPeriod(label(n), zone), calendarPeriod(label(n + 1), zone)]
        assert.equal(a.end, b.start)
        const days = new Date(Date.UTC(label(n).year, label(n).month, 0)).getUTCDate()
        assert.ok(Math.abs(a.end - a.start - days * 86_400_000) <= 3_600_000)
      }),
    )
  })
})

test('rollingPeriod is the window of real time up to the instant', () => {
  const at = Date.parse('2026-11-01T12:00:00Z')
  assert.deepEqual(rollingPeriod(30 * 86_400_000, at), { start: Date.parse('2026-10-02T12:00:00Z'), end: at })
})

describe('objectivePeriod', () => {
  const asOf = Date.parse('2026-11-21T15:00:00Z')
  const cases: [string, Partial<AvailabilityObjective>, string | null, string, string][] = [
    ['a month named', {}, '2026-10', '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    ['the month so far', {}, null, '2026-11-01T00:00:00.000Z', '2026-11-21T15:00:00.000Z'],
    [
      'the quarter so far, in its zone',
      { period: 'quarter', timezone: 'Asia/Kolkata' },
      null,
      '2026-09-30T18:30:00.000Z',
      '2026-11-21T15:00:00.000Z',
    ],
    [
      'a month objective over a quarter named',
      {},
      '2026-Q3',
      '2026-07-01T00:00:00.000Z',
      '2026-10-01T00:00:00.000Z',
    ],
    [
      'a period not yet begun is empty',
      {},
      '2027-01',
      '2027-01-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ],
    [
      'rolling, up to now',
      { period: 'rolling', window: '30d' },
      null,
      '2026-10-22T15:00:00.000Z',
      '2026-11-21T15:00:00.000Z',
    ],
    [
      'rolling, to the end of a month named',
      { period: 'rolling', window: '7d' },
      '2026-10',
      '2026-10-25T00:00:00.000Z',
      '2026-11-01T00:00:00.000Z',
    ],
  ]
  for (const [name, fields, label, start, end] of cases) {
    test(name, () => {
      const period = objectivePeriod(rulesFor(fields), {
        label: label === null ? null : parsePeriodLabel(label),
        asOf,
      })
      assert.deepEqual([iso(period.start), iso(period.end)], [start, end])
    })
  }
})
