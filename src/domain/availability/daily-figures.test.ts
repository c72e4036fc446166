// Daily bars for a status page: local days in the objective's zone (23 and 25 hours on the
// days the clocks change), and a day without data drawn as no data whatever the objective's
// noData policy says.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type DayState, dayState, historyRange, localDays, serviceHistory } from './daily-figures.ts'
import type { AvailabilityFigures } from './measure.ts'
import type { AvailabilityObjective } from './objective-rules.ts'
import type { Span } from './span-set.ts'
import type { StatusInterval } from './status-intervals.ts'
import { HOUR, MIN, span } from './test-support/measure-case.ts'
import { at, rulesFor, runs } from './test-support/objective.ts'

const iso = (t: number) => new Date(t).toISOString()

describe('localDays', () => {
  const cases: [string, string, string, [string, string, string, number][]][] = [
    [
      'UTC, today cut at the instant asked',
      'UTC',
      '2026-11-27T10:00Z',
      [
        ['2026-11-26', '2026-11-26T00:00:00.000Z', '2026-11-27T00:00:00.000Z', 24],
        ['2026-11-27', '2026-11-27T00:00:00.000Z', '2026-11-27T10:00:00.000Z', 10],
      ],
    ],
    [
      'London, clocks forward: 23 hours',
      'Europe/London',
      '2026-03-30T12:00Z',
      [
        ['2026-03-29', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z', 23],
        ['2026-03-30', '2026-03-29T23:00:00.000Z', '2026-03-30T12:00:00.000Z', 13],
      ],
    ],
    [
      'London, clocks back: 25 hours',
      'Europe/London',
      '2026-10-26T12:00Z',
      [
        ['2026-10-25', '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z', 25],
        ['2026-10-26', '2026-10-26T00:00:00.000Z', '2026-10-26T12:00:00.000Z', 12],
      ],
    ],
    [
      'New York, clocks forward: 23 hours',
      'America/New_York',
      '2026-03-09T12:00Z',
      [
        ['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', 23],
        ['2026-03-09', '2026-03-09T04:00:00.000Z', '2026-03-09T12:00:00.000Z', 8],
      ],
    ],
    [
      'Kolkata: days start at 18:30 UTC, and the local date is already tomorrow',
      'Asia/Kolkata',
      '2026-11-27T20:00Z',
      [
        ['2026-11-27', '2026-11-26T18:30:00.000Z', '2026-11-27T18:30:00.000Z', 24],
        ['2026-11-28', '2026-11-27T18:30:00.000Z', '2026-11-27T20:00:00.000Z', 1.5],
      ],
    ],
  ]
  for (const [name, zone, asOf, expected] of cases) {
    test(name, () => {
      const days = localDays(zone, at(asOf), 2)
      assert.deepEqual(
        days.map((d) => [d.date, iso(d.start), iso(d.end), (d.end - d.start) / HOUR]),
        expected,
      )
    })
  }

  test('ninety days are back to back, oldest first', () => {
    const days = localDays('Europe/London', at('2026-11-27T10:00Z'), 90)
    assert.equal(days.length, 90)
    assert.equal(days[0]!.date, '2026-08-30')
    for (let i = 1; i < days.length; i++) assert.equal(days[i]!.start, days[i - 1]!.end)
  })
})

describe('dayState', () => {
  const figures = (f: Partial<AvailabilityFigures>): AvailabilityFigures =>
    ({ eligibleMs: 0, downMs: 0, degradedMs: 0, unknownMs: 0, maintenanceMs: 0, ...f }) as AvailabilityFigures
  const D = 24 * HOUR
  const cases: [string, Partial<AvailabilityFigures>, DayState][] = [
    ['up all day', { eligibleMs: D }, 'up'],
    ['up with a gap', { eligibleMs: D - HOUR, unknownMs: HOUR }, 'partial'],
    ['nobody looked', { unknownMs: D }, 'no-data'],
    ['an empty day (today, at midnight)', {}, 'no-data'],
    ['one minute down', { eligibleMs: D, downMs: MIN }, 'down'],
    [
      'down outranks degraded and gaps',
      { eligibleMs: HOUR, downMs: MIN, degradedMs: MIN, unknownMs: HOUR },
      'down',
    ],
    ['degraded, never down', { eligibleMs: D, degradedMs: HOUR }, 'degraded'],
    ['maintenance all day', { maintenanceMs: D }, 'maintenance'],
    ['maintenance and no data besides', { maintenanceMs: 2 * HOUR, unknownMs: D - 2 * HOUR }, 'no-data'],
    ['maintenance, up besides', { eligibleMs: D - 2 * HOUR, maintenanceMs: 2 * HOUR }, 'up'],
  ]
  for (const [name, f, expected] of cases) test(name, () => assert.equal(dayState(figures(f), D), expected))
})

describe('serviceHistory', () => {
  const history = (
    fields: Partial<AvailabilityObjective>,
    intervals: StatusInterval[],
    asOf: string,
    options: { count?: number; maintenance?: Span[] } = {},
  ) =>
    serviceHistory({
      rules: rulesFor(fields),
      intervals,
      maintenance: options.maintenance ?? [],
      asOf: at(asOf),
      count: options.count ?? 3,
    })
  const states = (h: ReturnType<typeof history>) => h.days.map((d) => [d.date, d.state, d.figures.uptime])

  test('a day without data is no data under every noData policy, never up or down', () => {
    const intervals = runs(
      'api',
      '2026-11-26T00:00Z',
      ['up', '2026-11-26T12:00Z'],
      ['up', '2026-11-27T00:00Z'],
    )
    for (const noData of ['up', 'down', 'exclude'] as const) {
      const h = history({ noData }, intervals, '2026-11-27T10:00Z')
      assert.deepEqual(states(h), [
        ['2026-11-25', 'no-data', null],
        ['2026-11-26', 'up', '100.0000'],
        ['2026-11-27', 'no-data', null],
      ])
      assert.equal(h.current, 'unknown')
    }
  })

  test('half a day of data is partial, its uptime over the time with data', () => {
    const intervals = runs(
      'api',
      '2026-11-26T12:00Z',
      ['up', '2026-11-26T18:00Z'],
      ['down', '2026-11-27T00:00Z'],
    )
    const h = history({}, intervals, '2026-11-27T10:00Z', { count: 2 })
    assert.deepEqual(states(h), [
      ['2026-11-26', 'down', '50.0000'],
      ['2026-11-27', 'no-data', null],
    ])
    const up = runs('api', '2026-11-26T12:00Z', ['up', '2026-11-27T10:00Z'])
    assert.deepEqual(states(history({}, up, '2026-11-27T10:00Z', { count: 2 })), [
      ['2026-11-26', 'partial', '100.0000'],
      ['2026-11-27', 'up', '100.0000'],
    ])
  })

  test('an outage across local midnight is down on both days and one incident overall', () => {
    const intervals = runs(
      'api',
      '2026-11-20T00:00Z',
      ['up', '2026-11-25T18:15Z'],
      ['down', '2026-11-25T18:45Z'],
      ['up', '2026-11-27T10:00Z'],
    )
    const h = history({ timezone: 'Asia/Kolkata' }, intervals, '2026-11-27T10:00Z')
    assert.deepEqual(
      h.days.map((d) => [d.date, d.state, d.figures.downMs / MIN]),
      [
        ['2026-11-25', 'down', 15],
        ['2026-11-26', 'down', 15],
        ['2026-11-27', 'up', 0],
      ],
    )
    assert.deepEqual(
      h.overall.incidents.map((i) => [iso(i.start), iso(i.end)]),
      [['2026-11-25T18:15:00.000Z', '2026-11-25T18:45:00.000Z']],
    )
    assert.equal(h.current, 'up')
  })

  test('a minimum is judged over the whole outage, across midnight', () => {
    const intervals = runs(
      'api',
      '2026-11-20T00:00Z',
      ['up', '2026-11-26T23:58Z'],
      ['down', '2026-11-27T00:03Z'],
      ['up', '2026-11-27T10:00Z'],
    )
    const h = history({ downtime: { minimum: '5m' } }, intervals, '2026-11-27T10:00Z', { count: 2 })
    assert.deepEqual(
      h.days.map((d) => d.figures.downMs / MIN),
      [2, 3],
    )
    assert.ok(
      historyRange(rulesFor({ downtime: { minimum: '5m' } }), at('2026-11-27T10:00Z'), 2).start <
        h.days[0]!.start,
    )
  })

  test('a day of qualifying maintenance is maintenance when the objective excludes it', () => {
    const intervals = runs('api', '2026-11-20T00:00Z', ['down', '2026-11-27T10:00Z'])
    const maintenance = [span('2026-11-26T00:00Z', '2026-11-27T00:00Z')]
    const excluded = history({ exclude: ['maintenance'] }, intervals, '2026-11-27T10:00Z', { maintenance })
    assert.deepEqual(
      excluded.days.map((d) => d.state),
      ['down', 'maintenance', 'down'],
    )
    const counted = history({}, intervals, '2026-11-27T10:00Z', { maintenance })
    assert.deepEqual(
      counted.days.map((d) => d.state),
      ['down', 'down', 'down'],
    )
  })

  test('the days the clocks change are measured over 23 and 25 hours', () => {
    const intervals = runs('api', '2026-01-01T00:00Z', ['up', '2026-12-01T00:00Z'])
    // The day before the one each instant falls in.
    const spring = history({ timezone: 'Europe/London' }, intervals, '2026-03-30T00:00Z', { count: 2 })
    const autumn = history({ timezone: 'Europe/London' }, intervals, '2026-10-26T00:00Z', { count: 2 })
    assert.deepEqual(
      [spring.days[0]!.date, spring.days[0]!.figures.eligibleMs / HOUR, spring.days[0]!.state],
      ['2026-03-29', 23, 'up'],
    )
    assert.deepEqual(
      [autumn.days[0]!.date, autumn.days[0]!.figures.eligibleMs / HOUR, autumn.days[0]!.state],
      ['2026-10-25', 25, 'up'],
    )
  })

  test('the current status is the worst component just before the instant asked', () => {
    const intervals = [
      ...runs('api', '2026-11-27T00:00Z', ['up', '2026-11-27T10:00Z']),
      ...runs('web', '2026-11-27T00:00Z', ['up', '2026-11-27T09:00Z'], ['degraded', '2026-11-27T10:00Z']),
    ]
    assert.equal(history({}, intervals, '2026-11-27T10:00Z').current, 'degraded')
    assert.equal(history({ components: ['api'] }, intervals, '2026-11-27T10:00Z').current, 'up')
  })
})
