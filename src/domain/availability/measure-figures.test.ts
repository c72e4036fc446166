// How down time is counted (minutes, minimum stretches, degraded time) and the figures made
// from it: budget, burn rate, MTTR and MTBF.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { AvailabilityObjective } from './objective-rules.ts'
import { DAY, MIN, measure, outage } from './test-support/measure-case.ts'
import { runs } from './test-support/objective.ts'

describe('minute classification', () => {
  const cases: [string, Partial<AvailabilityObjective>, string, string, number][] = [
    ['exact by default', {}, '10:00:30', '10:01:10', 40_000],
    [
      'any-overlap counts each touched minute whole',
      { downtime: { classification: 'any-overlap' } },
      '10:00:30',
      '10:01:10',
      2 * MIN,
    ],
    [
      'whole-minute counts only minutes down throughout',
      { downtime: { classification: 'whole-minute' } },
      '10:00:30',
      '10:02:10',
      MIN,
    ],
    [
      'whole-minute, no whole minute',
      { downtime: { classification: 'whole-minute' } },
      '10:00:30',
      '10:01:10',
      0,
    ],
    ['minimum drops a shorter stretch', { downtime: { minimum: '1m' } }, '10:00:00', '10:00:59', 0],
    [
      'minimum keeps a stretch of exactly the minimum',
      { downtime: { minimum: '1m' } },
      '10:00:00',
      '10:01:00',
      MIN,
    ],
    [
      'minimum-consecutive',
      { downtime: { classification: 'minimum-consecutive', minimum: '5m' } },
      '10:00:00',
      '10:04:00',
      0,
    ],
    [
      'minimum, then any-overlap',
      { downtime: { minimum: '1m', classification: 'any-overlap' } },
      '10:00:30',
      '10:01:40',
      2 * MIN,
    ],
  ]
  for (const [name, fields, from, to, down] of cases) {
    test(name, () => {
      const f = measure(fields, outage(`2026-10-03T${from}Z`, `2026-10-03T${to}Z`))
      assert.equal(f.downMs, down)
    })
  }
})

describe('degraded time', () => {
  const intervals = runs(
    'api',
    '2026-09-30T00:00Z',
    ['up', '2026-10-03T10:00Z'],
    ['degraded', '2026-10-03T10:20Z'],
    ['up', '2026-11-02T00:00Z'],
  )
  test('is up unless the objective says it counts', () => {
    const f = measure({}, intervals)
    assert.deepEqual([f.downMs, f.degradedMs], [0, 20 * MIN])
  })
  test('counts as down with degradedCounts', () => {
    const f = measure({ downtime: { degradedCounts: true } }, intervals)
    assert.deepEqual([f.downMs, f.degradedMs], [20 * MIN, 20 * MIN])
  })
})

describe('budget, burn rate, MTTR and MTBF', () => {
  const intervals = runs(
    'api',
    '2026-09-30T00:00Z',
    ['up', '2026-10-03T10:00Z'],
    ['down', '2026-10-03T10:10Z'],
    ['up', '2026-10-20T08:00Z'],
    ['down', '2026-10-20T08:20Z'],
    ['up', '2026-11-02T00:00Z'],
  )

  test('two incidents of 10 and 20 minutes at 99.9%', () => {
    const f = measure({}, intervals)
    assert.equal(f.eligibleMs, 31 * DAY)
    assert.equal(f.downMs, 30 * MIN)
    // 2,678,400,000 × 0.1 / 100; (2,678,400,000 − 1,800,000) / 2,678,400,000 = 99.932795…%
    assert.equal(f.budgetMs, 2_678_400)
    assert.equal(f.budgetLeftMs, 878_400)
    assert.equal(f.uptime, '99.9327')
    assert.equal(f.met, true)
    assert.equal(f.burnRate, '0.6720')
    assert.equal(f.mttrMs, 15 * MIN)
    assert.equal(f.mtbfMs, (31 * DAY - 30 * MIN) / 2)
  })

  test('an overspent budget is negative and the target missed', () => {
    const f = measure({ target: '99.99%' }, intervals)
    assert.equal(f.budgetMs, 267_840)
    assert.equal(f.budgetLeftMs, 267_840 - 30 * MIN)
    assert.equal(f.met, false)
    assert.equal(f.burnRate, '6.7204')
  })

  test('no incidents: no MTTR nor MTBF, and 100.0000 only when nothing was down', () => {
    const f = measure({}, runs('api', '2026-09-30T00:00Z', ['up', '2026-11-02T00:00Z']))
    assert.deepEqual([f.uptime, f.mttrMs, f.mtbfMs, f.incidents.length], ['100.0000', null, null, 0])
    const oneMs = measure({}, outage('2026-10-03T10:00:00.000Z', '2026-10-03T10:00:00.001Z'))
    assert.equal(oneMs.uptime, '99.9999')
  })

  test('a target of 100% allows nothing and has no burn rate', () => {
    const f = measure({ target: '100%' }, intervals)
    assert.deepEqual([f.budgetMs, f.burnRate, f.met], [0, null, false])
  })
})
