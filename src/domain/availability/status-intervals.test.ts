// How long a report holds: a monitor's until the component's next report, a probe result
// for its interval plus grace, after which there is no data.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { intervalsFromObservations, type Observation, timelinesByComponent } from './status-intervals.ts'
import { at, interval } from './test-support/objective.ts'

const iso = (t: number) => new Date(t).toISOString().slice(11, 19)
const show = (intervals: { component: string; status: string; start: number; end: number }[]) =>
  intervals.map(
    (i) => `${i.component} ${i.status} ${iso(i.start)}–${Number.isFinite(i.end) ? iso(i.end) : '∞'}`,
  )
const report = (
  component: string,
  time: string,
  status: Observation['status'],
  holdMs: number | null = null,
) => ({
  component,
  at: at(`2026-10-03T${time}Z`),
  status,
  holdMs,
})

describe('intervalsFromObservations', () => {
  test('a monitor’s status holds until its next report for the component, the last one until `until`', () => {
    const out = intervalsFromObservations(
      [report('api', '10:00:00', 'down'), report('web', '10:10:00', 'up'), report('api', '10:42:30', 'up')],
      at('2026-10-03T12:00:00Z'),
    )
    assert.deepEqual(show(out), [
      'api down 10:00:00–10:42:30',
      'api up 10:42:30–12:00:00',
      'web up 10:10:00–12:00:00',
    ])
  })

  test('without `until` the last report holds on', () => {
    assert.deepEqual(show(intervalsFromObservations([report('api', '10:00:00', 'up')])), [
      'api up 10:00:00–∞',
    ])
  })

  test('two monitors of one component: each report holds until that monitor reports again', () => {
    const out = intervalsFromObservations(
      [
        { ...report('api', '10:00:00', 'down'), stream: 'alertmanager' },
        { ...report('api', '10:10:00', 'up'), stream: 'kuma' },
        { ...report('api', '10:30:00', 'up'), stream: 'alertmanager' },
      ],
      at('2026-10-03T11:00:00Z'),
    )
    assert.deepEqual(show(out), [
      'api down 10:00:00–10:30:00',
      'api up 10:30:00–11:00:00',
      'api up 10:10:00–11:00:00',
    ])
  })

  test('a probe result holds for its interval plus grace, then expires into no data', () => {
    const hold = 90_000
    const out = intervalsFromObservations([
      report('api', '10:00:00', 'up', hold),
      report('api', '10:01:00', 'up', hold),
      report('api', '10:02:00', 'down', hold),
      report('api', '10:10:00', 'up', hold),
    ])
    assert.deepEqual(show(out), [
      'api up 10:00:00–10:01:00',
      'api up 10:01:00–10:02:00',
      'api down 10:02:00–10:03:30',
      'api up 10:10:00–10:11:30',
    ])
  })

  test('reports out of order are put in order; at the same instant the later one wins', () => {
    const out = intervalsFromObservations(
      [
        report('api', '10:05:00', 'up'),
        report('api', '10:00:00', 'down'),
        report('api', '10:05:00', 'degraded'),
      ],
      at('2026-10-03T10:10:00Z'),
    )
    assert.deepEqual(show(out), ['api down 10:00:00–10:05:00', 'api degraded 10:05:00–10:10:00'])
  })

  test('a report after `until` says nothing yet', () => {
    assert.deepEqual(
      intervalsFromObservations([report('api', '10:00:00', 'up')], at('2026-10-03T09:00:00Z')),
      [],
    )
  })
})

describe('timelinesByComponent', () => {
  test('merges touching intervals of one status and lets a later start replace an earlier interval', () => {
    const timelines = timelinesByComponent([
      interval('api', 'up', '2026-10-03T10:00Z', '2026-10-03T11:00Z'),
      interval('api', 'up', '2026-10-03T11:00Z', '2026-10-03T12:00Z'),
      interval('api', 'down', '2026-10-03T11:30Z', '2026-10-03T11:45Z'),
      interval('web', 'down', '2026-10-03T10:00Z', '2026-10-03T10:00Z'),
    ])
    assert.deepEqual(show(timelines.get('api')![0]!.map((s) => ({ component: 'api', ...s }))), [
      'api up 10:00:00–11:30:00',
      'api down 11:30:00–11:45:00',
    ])
    assert.deepEqual(timelines.get('web'), [[]])
  })
})
