// The rules of the Availability paragraph, one table per rule, on hand-worked figures.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { AvailabilityObjective } from './objective-rules.ts'
import { calendarPeriod } from './reporting-period.ts'
import { intervalsFromObservations } from './status-intervals.ts'
import { DAY, HOUR, incidents, MIN, measure, outage, span } from './test-support/measure-case.ts'
import { at, runs } from './test-support/objective.ts'

const NOVEMBER = calendarPeriod({ year: 2026, month: 11, months: 1 }, 'UTC')

describe('an outage across a month boundary', () => {
  const intervals = outage('2026-10-31T23:30Z', '2026-11-01T00:30Z')

  test('counts in each month, clipped to it', () => {
    const october = measure({}, intervals)
    assert.equal(october.downMs, 30 * MIN)
    assert.deepEqual(incidents(october), [['2026-10-31T23:30:00.000Z', '2026-11-01T00:00:00.000Z']])
    const november = measure({}, intervals, { period: NOVEMBER })
    assert.equal(november.downMs, 30 * MIN)
    assert.deepEqual(incidents(november), [['2026-11-01T00:00:00.000Z', '2026-11-01T00:30:00.000Z']])
  })

  test('is judged by its whole length against the minimum', () => {
    assert.equal(measure({ downtime: { minimum: '45m' } }, intervals).downMs, 30 * MIN)
    assert.equal(measure({ downtime: { minimum: '45m' } }, intervals, { period: NOVEMBER }).downMs, 30 * MIN)
    assert.equal(measure({ downtime: { minimum: '61m' } }, intervals).downMs, 0)
  })
})

describe('overlapping outages of two components', () => {
  const intervals = [
    ...outage('2026-10-03T10:00Z', '2026-10-03T10:30Z'),
    ...outage('2026-10-03T10:20Z', '2026-10-03T11:00Z', 'web'),
  ]
  const cases: [string, Partial<AvailabilityObjective>, number, string[][]][] = [
    ['any-down: either', { aggregate: 'any-down' }, 60, [['10:00', '11:00']]],
    ['all-down: both at once', { aggregate: 'all-down' }, 10, [['10:20', '10:30']]],
    ['named api', { aggregate: 'named', components: ['api'] }, 30, [['10:00', '10:30']]],
    ['named web', { aggregate: 'named', components: ['web'] }, 40, [['10:20', '11:00']]],
    ['default (any-down)', {}, 60, [['10:00', '11:00']]],
  ]
  for (const [name, fields, minutes, expected] of cases) {
    test(name, () => {
      const figures = measure(fields, intervals)
      assert.equal(figures.downMs, minutes * MIN)
      const hhmm = (iso: string) => iso.slice(11, 16)
      assert.deepEqual(
        incidents(figures).map(([s, e]) => [hhmm(s!), hhmm(e!)]),
        expected,
      )
    })
  }

  test('a listed component without data is no data, which any-down cannot call up', () => {
    const fields = { components: ['api', 'web', 'database'] }
    // Down beats no data: the outage is measured, the rest of the month is not.
    const excluded = measure({ ...fields, noData: 'exclude' }, intervals)
    assert.deepEqual([excluded.eligibleMs, excluded.downMs, excluded.uptime], [60 * MIN, 60 * MIN, '0.0000'])
    assert.equal(measure({ ...fields, noData: 'up' }, intervals).downMs, 60 * MIN)
    // all-down: one component up is enough, whatever the others are.
    assert.equal(measure({ ...fields, aggregate: 'all-down', noData: 'down' }, intervals).downMs, 10 * MIN)
  })
})

describe('a maintenance window that an outage overruns', () => {
  const window = [span('2026-10-04T02:00Z', '2026-10-04T04:00Z')]
  const intervals = outage('2026-10-04T03:00Z', '2026-10-04T04:30Z')

  test('excluded: only the time past the window is down', () => {
    const f = measure({ exclude: ['maintenance'] }, intervals, { maintenance: window })
    assert.equal(f.downMs, 30 * MIN)
    assert.equal(f.maintenanceMs, 2 * HOUR)
    assert.equal(f.eligibleMs, 31 * DAY - 2 * HOUR)
    assert.deepEqual(incidents(f), [['2026-10-04T04:00:00.000Z', '2026-10-04T04:30:00.000Z']])
  })

  test('the overrun is part of a longer outage, so a minimum does not drop it', () => {
    const f = measure({ exclude: ['maintenance'], downtime: { minimum: '45m' } }, intervals, {
      maintenance: window,
    })
    assert.equal(f.downMs, 30 * MIN)
  })

  test('not excluded: maintenance is ordinary time', () => {
    const f = measure({}, intervals, { maintenance: window })
    assert.equal(f.downMs, 90 * MIN)
    assert.equal(f.maintenanceMs, 0)
    assert.equal(f.eligibleMs, 31 * DAY)
  })

  test('any-overlap minutes do not reach back into the window', () => {
    const blip = outage('2026-10-04T03:59:30Z', '2026-10-04T04:00:30Z')
    const f = measure({ exclude: ['maintenance'], downtime: { classification: 'any-overlap' } }, blip, {
      maintenance: window,
    })
    assert.deepEqual(incidents(f), [['2026-10-04T04:00:00.000Z', '2026-10-04T04:01:00.000Z']])
  })
})

describe('time without data, under each noData policy', () => {
  // No data for a day, 10 October: a monitor that says "unknown" until noon, then silence.
  // Its last hour falls in maintenance.
  const intervals = [
    ...runs('api', '2026-09-30T00:00Z', ['up', '2026-10-10T00:00Z'], ['unknown', '2026-10-10T12:00Z']),
    ...runs('api', '2026-10-11T00:00Z', ['up', '2026-11-02T00:00Z']),
  ]
  const maintenance = [span('2026-10-10T23:00Z', '2026-10-11T01:00Z')]
  const cases: [AvailabilityObjective['noData'], number, number, string | null][] = [
    ['up', 31 * DAY - 2 * HOUR, 0, '100.0000'],
    ['down', 31 * DAY - 2 * HOUR, 23 * HOUR, '96.9002'],
    ['exclude', 30 * DAY - HOUR, 0, '100.0000'],
  ]
  for (const [noData, eligible, down, uptime] of cases) {
    test(noData, () => {
      const f = measure({ noData, exclude: ['maintenance'] }, intervals, { maintenance })
      assert.deepEqual(
        [f.eligibleMs, f.downMs, f.unknownMs, f.maintenanceMs, f.uptime],
        [eligible, down, 23 * HOUR, 2 * HOUR, uptime],
      )
    })
  }
})

test('a period without any data has no uptime under exclude, and is all down under down', () => {
  const none = measure({}, [])
  assert.deepEqual([none.eligibleMs, none.uptime, none.met, none.burnRate], [0, null, null, null])
  const down = measure({ noData: 'down' }, [])
  assert.deepEqual([down.downMs, down.uptime, down.incidents.length], [31 * DAY, '0.0000', 1])
})

test('a probe that stops reporting lapses into no data after its hold', () => {
  // Results every minute, each holding 90 s, until the last at 10:00: no data from 10:01:30.
  const results = Array.from({ length: 11 }, (_, k) => ({
    component: 'api',
    at: at('2026-10-03T09:50Z') + k * MIN,
    status: 'up' as const,
    holdMs: 90_000,
  }))
  const period = { start: at('2026-10-03T09:50Z'), end: at('2026-10-03T11:00Z') }
  const intervals = intervalsFromObservations(results)
  assert.equal(measure({ noData: 'up' }, intervals, { period }).unknownMs, 58.5 * MIN)
  const down = measure({ noData: 'down' }, intervals, { period })
  assert.deepEqual(incidents(down), [['2026-10-03T10:01:30.000Z', '2026-10-03T11:00:00.000Z']])
})

describe('DST in the objective’s zone', () => {
  const allUp = runs('api', '2026-01-01T00:00Z', ['up', '2027-01-01T00:00Z'])
  const cases: [string, string, number, number, number][] = [
    ['America/New_York March (spring forward)', 'America/New_York', 2026, 3, 743],
    ['America/New_York November (fall back)', 'America/New_York', 2026, 11, 721],
    ['Europe/London March', 'Europe/London', 2026, 3, 743],
    ['Europe/London October', 'Europe/London', 2026, 10, 745],
    ['UTC October', 'UTC', 2026, 10, 744],
  ]
  for (const [name, timezone, year, month, hours] of cases) {
    test(`${name} has ${hours} hours`, () => {
      const period = calendarPeriod({ year, month, months: 1 }, timezone)
      const f = measure({ timezone }, allUp, { period })
      assert.equal(f.eligibleMs, hours * HOUR)
      assert.equal(f.budgetMs, Math.floor((hours * HOUR) / 1000))
    })
  }

  test('a local month starts at local midnight', () => {
    const period = calendarPeriod({ year: 2026, month: 3, months: 1 }, 'America/New_York')
    assert.equal(new Date(period.start).toISOString(), '2026-03-01T05:00:00.000Z')
    assert.equal(new Date(period.end).toISOString(), '2026-04-01T04:00:00.000Z')
  })
})
