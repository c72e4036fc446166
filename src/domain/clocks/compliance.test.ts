// Compliance per severity and metric: a clock counts once its outcome is known, met in time or
// breached (a running clock past its due is already a breach); running, paused and cancelled
// clocks in time are not counted yet.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { ClockView } from './clock-view.ts'
import { complianceRows, newTally, tallyClock } from './compliance.ts'
import { clocksAt, ev, events, helpdeskPolicy } from './test-support/clock-fixture.ts'

function view(metric: string, severity: string, state: ClockView['state'], breached: boolean): ClockView {
  return {
    metric,
    severity,
    cycle: 1,
    state,
    breached,
    target_ms: 1,
    elapsed_ms: 0,
    due: null,
    stopped_at: null,
  }
}

describe('compliance', () => {
  test('counts met and breached clocks, ordered by severity rank then metric', () => {
    const tally = newTally()
    const clocks = [
      view('resolution', 'P2', 'met', false),
      view('resolution', 'P2', 'met', true),
      view('resolution', 'P2', 'running', true),
      view('resolution', 'P2', 'running', false),
      view('resolution', 'P2', 'paused', false),
      view('resolution', 'P2', 'cancelled', false),
      view('resolution', 'P2', 'cancelled', true),
      view('first_response', 'P2', 'met', false),
      view('first_response', 'P1', 'met', false),
      view('periodic_update', 'P1', 'met', true),
      view('first_response', 'X9', 'met', false),
    ]
    for (const c of clocks) tallyClock(tally, c)
    assert.deepEqual(complianceRows(tally, ['P1', 'P2', 'P3']), [
      { severity: 'P1', metric: 'first_response', total: 1, met: 1, breached: 0, compliance: 1 },
      { severity: 'P1', metric: 'periodic_update', total: 1, met: 0, breached: 1, compliance: 0 },
      { severity: 'P2', metric: 'first_response', total: 1, met: 1, breached: 0, compliance: 1 },
      // met in time 1; breached: met late, running late, cancelled after its breach.
      { severity: 'P2', metric: 'resolution', total: 4, met: 1, breached: 3, compliance: 0.25 },
      // A severity the agreement does not rank comes last.
      { severity: 'X9', metric: 'first_response', total: 1, met: 1, breached: 0, compliance: 1 },
    ])
  })

  test('no decided clock, no row', () => {
    const tally = newTally()
    tallyClock(tally, view('resolution', 'P2', 'running', false))
    assert.deepEqual(complianceRows(tally), [])
  })

  test('over replayed tickets', () => {
    // Ticket 1 is answered in 30m of its 2h; ticket 2 (created Fri 16:30) is answered Mon
    // 09:31, a minute past its Mon 09:30 due. Both resolutions are still running in time.
    const policy = helpdeskPolicy()
    const tally = newTally()
    const one = events(ev.created('2026-11-23 09:00'), ev.agent('2026-11-23 09:30'))
    const two = events(ev.created('2026-11-20 16:30'), ev.agent('2026-11-23 09:31'))
    for (const list of [one, two])
      for (const c of clocksAt(list, policy, '2026-11-23 10:00')) tallyClock(tally, c)
    assert.deepEqual(complianceRows(tally, ['P1', 'P2']), [
      { severity: 'P2', metric: 'first_response', total: 2, met: 1, breached: 1, compliance: 0.5 },
    ])
  })
})
