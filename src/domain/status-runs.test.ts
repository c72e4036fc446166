import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { ServiceStatus } from './status-events.ts'
import { foldReports, runsAsOf, type StatusRun, worstStatus } from './status-runs.ts'

// Minutes from an origin keep the tables readable.
const M = 60_000
const report = (at: number, status: ServiceStatus, holds: number | null = null) => ({
  at: at * M,
  status,
  holdsUntil: holds === null ? null : holds * M,
})
const show = (runs: StatusRun[]) =>
  runs.map(
    (r) =>
      `${r.status} ${r.start / M}-${r.end === null ? '' : r.end / M}${r.holdsUntil === null ? '' : ` (${r.holdsUntil / M})`}`,
  )

describe('folding reports into runs', () => {
  const cases: [string, StatusRun | null, ReturnType<typeof report>[], string[]][] = [
    ['nothing', null, [], []],
    ['a change ends a run', null, [report(0, 'up'), report(10, 'down')], ['up 0-10', 'down 10-']],
    [
      'an equal report extends it',
      null,
      [report(0, 'up'), report(5, 'up'), report(9, 'down')],
      ['up 0-9', 'down 9-'],
    ],
    [
      'two reports at one instant: the later wins',
      null,
      [report(0, 'up'), report(5, 'down'), report(5, 'up')],
      ['up 0-'],
    ],
    [
      'a seed continues',
      { status: 'down', start: 0, end: 30 * M, holdsUntil: null },
      [report(20, 'down'), report(40, 'up')],
      ['down 0-40', 'up 40-'],
    ],
    [
      'a probe result holds until its interval and grace, then unknown',
      null,
      [report(0, 'up', 2), report(1, 'up', 3), report(10, 'up', 12)],
      ['up 0-3 (3)', 'unknown 3-10', 'up 10- (12)'],
    ],
    [
      'a report earlier than its seed counts from the seed',
      { status: 'up', start: 10 * M, end: null, holdsUntil: 20 * M },
      [report(5, 'down', 22)],
      ['down 10- (22)'],
    ],
  ]
  for (const [name, seed, reports, expected] of cases)
    test(name, () => assert.deepEqual(show(foldReports(seed, reports)), expected))
})

describe('runs as of an instant', () => {
  test('an open run past its hold ends there, and unknown follows', () => {
    const runs = foldReports(null, [report(0, 'up', 2)])
    assert.deepEqual(show(runsAsOf(runs, 1 * M)), ['up 0- (2)'])
    assert.deepEqual(show(runsAsOf(runs, 3 * M)), ['up 0-2 (2)', 'unknown 2-'])
  })
})

describe('the worst status', () => {
  test('down over unknown over degraded over up; unknown when nobody reports', () => {
    assert.equal(worstStatus(['up', 'degraded', 'unknown']), 'unknown')
    assert.equal(worstStatus(['up', 'degraded']), 'degraded')
    assert.equal(worstStatus(['up', 'unknown']), 'unknown')
    assert.equal(worstStatus(['down', 'degraded']), 'down')
    assert.equal(worstStatus([]), 'unknown')
  })
})
