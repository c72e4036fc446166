import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type CheckOutcome, INITIAL_PROBE_STATE, nextProbeState, type ProbeState } from './probe-state.ts'
import type { StatusReport } from './status-runs.ts'

/** Runs checks a second apart from t=1 s, with a hold of 1.5 s; returns the reports as text. */
function run(outcomes: CheckOutcome[], retries: number, start: ProbeState = INITIAL_PROBE_STATE): string[] {
  let state = start
  const reports: (StatusReport | null)[] = []
  outcomes.forEach((outcome, i) => {
    const next = nextProbeState(state, { at: (i + 1) * 1000, outcome }, { retries, holdMs: 1500 })
    state = next.state
    reports.push(next.report)
  })
  return reports.map((r) => (r === null ? '-' : `${r.status}@${r.at / 1000} until ${r.holdsUntil! / 1000}`))
}

describe('what checks mean for the service', () => {
  test('without retries one failure is down, one success up again', () => {
    assert.deepEqual(run(['up', 'down', 'up'], 0), ['up@1 until 2.5', 'down@2 until 3.5', 'up@3 until 4.5'])
  })

  test('with two retries the third failure confirms the outage from the first', () => {
    assert.deepEqual(run(['up', 'down', 'down', 'down', 'down'], 2), [
      'up@1 until 2.5',
      'up@2 until 3.5',
      'up@3 until 4.5',
      'down@2 until 5.5',
      'down@5 until 6.5',
    ])
  })

  test('a success inside the retries resets them: no downtime at all', () => {
    assert.deepEqual(run(['up', 'down', 'up', 'down', 'up'], 1), [
      'up@1 until 2.5',
      'up@2 until 3.5',
      'up@3 until 4.5',
      'up@4 until 5.5',
      'up@5 until 6.5',
    ])
  })

  test('failures with nothing known before report nothing until confirmed', () => {
    assert.deepEqual(run(['down', 'down'], 1), ['-', 'down@1 until 3.5'])
  })

  test('slow answers are degraded at once', () => {
    assert.deepEqual(run(['up', 'degraded', 'up'], 3), [
      'up@1 until 2.5',
      'degraded@2 until 3.5',
      'up@3 until 4.5',
    ])
  })

  test('a status that has lapsed is not extended by a failure inside the retries', () => {
    const lapsed: ProbeState = { status: 'up', holdsUntil: 500, failures: 0, firstFailureAt: null }
    assert.deepEqual(run(['down', 'down'], 1, lapsed), ['-', 'down@1 until 3.5'])
  })
})
