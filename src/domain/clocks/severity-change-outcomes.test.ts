// What a severity change keeps and what it starts: a breach that happened stays on the
// record, stopped clocks keep their outcome, a clock the new severity does not measure is
// cancelled, and a metric the old severity did not measure starts at the change.
// P1: 30m first response, 4h resolution, 24×7; P2 and P3 on business time
// (Mon–Thu 08–18, Fri 08–17 London, GMT in November).
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  clockOf,
  clockRows,
  clocksAt,
  ev,
  events,
  expectedRows,
  HOUR,
  helpdeskPolicy,
  iso,
  MINUTE,
  SEVERITY_MODES,
  severityPolicies,
} from './test-support/clock-fixture.ts'

describe('breaches under a severity change', () => {
  test('raising can reveal a breach that happened before the change (recompute)', () => {
    // Created Mon 09:00 as P3, raised to P1 at 10:00: against 30m from 09:00 it was due 09:30.
    const list = [
      ev.created('2026-11-23 09:00', { severity: 'P3' }),
      ev.severity('2026-11-23 10:00', 'P1'),
      ev.agent('2026-11-23 10:05'),
    ]
    const fr = clockOf(
      clocksAt(events(...list), severityPolicies.recompute, '2026-11-23 11:00'),
      'first_response',
    )
    assert.deepEqual(
      [fr.state, fr.breached, fr.elapsed_ms, fr.due],
      ['met', true, 65 * MINUTE, iso('2026-11-23 09:30')],
    )
  })

  for (const mode of ['recompute', 'keep-elapsed'] as const) {
    test(`lowering after a breach keeps the breach (${mode})`, () => {
      // Created Mon 09:00 as P1 (due 09:30); lowered to P3 at 09:45, when it was already late.
      // The P3 target puts the due at 13:00 (recompute from 09:00; keep-elapsed: 45m kept and
      // 3h15m from 09:45), yet the breach at 09:30 stays.
      const list = [
        ev.created('2026-11-23 09:00', { severity: 'P1' }),
        ev.severity('2026-11-23 09:45', 'P3'),
        ev.agent('2026-11-23 10:00'),
      ]
      const fr = clockOf(
        clocksAt(events(...list), severityPolicies[mode], '2026-11-23 11:00'),
        'first_response',
      )
      assert.deepEqual(
        [fr.state, fr.breached, fr.elapsed_ms, fr.due],
        ['met', true, HOUR, iso('2026-11-23 13:00')],
      )
    })
  }

  test('lowering after a breach keeps the breach on the cancelled clock (new-clock)', () => {
    // Cycle 1 (P1) is cancelled at 09:45, late since 09:30; cycle 2 (P3) starts at 09:45 and is
    // met at 10:00 with 15m used.
    const list = [
      ev.created('2026-11-23 09:00', { severity: 'P1' }),
      ev.severity('2026-11-23 09:45', 'P3'),
      ev.agent('2026-11-23 10:00'),
    ]
    const views = clocksAt(events(...list), severityPolicies['new-clock'], '2026-11-23 11:00')
    const first = clockOf(views, 'first_response', 1)
    const second = clockOf(views, 'first_response', 2)
    assert.deepEqual([first.state, first.breached, first.elapsed_ms], ['cancelled', true, 45 * MINUTE])
    assert.deepEqual(
      [second.state, second.breached, second.elapsed_ms, second.due],
      ['met', false, 15 * MINUTE, iso('2026-11-23 13:45')],
    )
  })
})

describe('what a severity change leaves alone and what it starts', () => {
  for (const mode of SEVERITY_MODES) {
    test(`a stopped clock keeps its outcome, and a metric the old severity did not measure starts (${mode})`, () => {
      // Answered at 09:30 as P2 (30m of 2h, due 11:00); raised to P1 at 10:00. P2 has no
      // periodic update, P1 does (every hour): it starts at the change, due 11:00.
      const list = [
        ev.created('2026-11-23 09:00'),
        ev.agent('2026-11-23 09:30'),
        ev.severity('2026-11-23 10:00', 'P1'),
      ]
      const views = clocksAt(events(...list), severityPolicies[mode], '2026-11-23 10:30')
      const fr = clockOf(views, 'first_response')
      assert.deepEqual(
        [fr.severity, fr.state, fr.breached, fr.elapsed_ms, fr.due],
        ['P2', 'met', false, 30 * MINUTE, iso('2026-11-23 11:00')],
      )
      const update = clockOf(views, 'periodic_update')
      assert.deepEqual(
        [update.severity, update.state, update.elapsed_ms, update.due],
        ['P1', 'running', 30 * MINUTE, iso('2026-11-23 11:00')],
      )
    })
  }

  test('a resolution target appears when the severity gains one', () => {
    // P4 has no resolution target; raised to P3 at Mon 10:00, the resolution clock starts
    // then: 40h = Mon 10–18 (8h), Tue–Thu (30h), Fri 08:00–10:00. First response is
    // recomputed from 09:00: P3's 4h → 13:00.
    const list = [ev.created('2026-11-23 09:00', { severity: 'P4' }), ev.severity('2026-11-23 10:00', 'P3')]
    const views = clocksAt(events(...list), severityPolicies.recompute, '2026-11-23 12:00')
    assert.deepEqual(
      clockRows(views),
      expectedRows([
        ['first_response', 1, 'P3', 'running', false, 3 * HOUR, '2026-11-23 13:00'],
        ['resolution', 1, 'P3', 'running', false, 2 * HOUR, '2026-11-27 10:00'],
      ]),
    )
  })

  test('a clock the new severity does not measure is cancelled', () => {
    // P1 ticket answered at 09:10 (update due 10:10); lowered to P2 at 09:40, which has no
    // periodic update: cancelled with 30m used. The resolution becomes P2's 16h from 09:00.
    const list = [
      ev.created('2026-11-23 09:00', { severity: 'P1' }),
      ev.agent('2026-11-23 09:10'),
      ev.severity('2026-11-23 09:40', 'P2'),
    ]
    const views = clocksAt(events(...list), severityPolicies.recompute, '2026-11-23 10:00')
    assert.deepEqual(
      clockRows(views),
      expectedRows([
        ['first_response', 1, 'P1', 'met', false, 10 * MINUTE, '2026-11-23 09:30', '2026-11-23 09:10'],
        ['resolution', 1, 'P2', 'running', false, HOUR, '2026-11-24 15:00'],
        ['periodic_update', 1, 'P1', 'cancelled', false, 30 * MINUTE, '2026-11-23 10:10', '2026-11-23 09:40'],
      ]),
    )
  })

  test('a severity lowered then raised back starts the first response again', () => {
    // P2 → P4 → P2 where P4 here has no first-response target: cancelled at 10:00 (1h used),
    // then P2 measures it again from 11:00 as cycle 2 (due 13:00).
    const noP4 = helpdeskPolicy({
      targets: [
        { severity: 'P2', metric: 'first_response', within: '2h', calendar: 'business' },
        { severity: 'P2', metric: 'resolution', within: '16h', calendar: 'business' },
        { severity: 'P4', metric: 'resolution', within: '80h', calendar: 'business' },
      ],
    })
    const list = [
      ev.created('2026-11-23 09:00'),
      ev.severity('2026-11-23 10:00', 'P4'),
      ev.severity('2026-11-23 11:00', 'P2'),
    ]
    const views = clocksAt(events(...list), noP4, '2026-11-23 12:00')
    const first = clockOf(views, 'first_response', 1)
    const second = clockOf(views, 'first_response', 2)
    assert.deepEqual([first.state, first.elapsed_ms], ['cancelled', HOUR])
    assert.deepEqual(
      [second.state, second.elapsed_ms, second.due],
      ['running', HOUR, iso('2026-11-23 13:00')],
    )
  })

  test('the same severity again changes nothing', () => {
    const list = [ev.created('2026-11-23 09:00'), ev.severity('2026-11-23 10:00', 'P2')]
    for (const mode of SEVERITY_MODES) {
      assert.deepEqual(
        clockRows(clocksAt(events(...list), severityPolicies[mode], '2026-11-23 12:00')),
        expectedRows([
          ['first_response', 1, 'P2', 'running', true, 3 * HOUR, '2026-11-23 11:00'],
          ['resolution', 1, 'P2', 'running', false, 3 * HOUR, '2026-11-24 15:00'],
        ]),
        mode,
      )
    }
  })
})
