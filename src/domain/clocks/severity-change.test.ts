// A severity change under each onSeverityChange mode. recompute (default) measures running
// clocks against the new target from their original start, pauses kept; keep-elapsed keeps
// the business time used so far and spends the rest of the new target from the change;
// new-clock cancels the running clock and starts cycle 2 at the change. Stopped clocks keep
// their outcome and a breach that happened stays on the record.
// P1: 30m first response, 4h resolution, 24×7. P3: 4h and 40h of business time
// (Mon–Thu 08–18, Fri 08–17 London, GMT in November).
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  type ClockRow,
  clockOf,
  clockRows,
  clocksAt,
  ev,
  events,
  expectedRows,
  HOUR,
  iso,
  MINUTE,
  type SeverityMode,
  severityPolicies,
} from './test-support/clock-fixture.ts'

function check(
  mode: SeverityMode,
  list: Parameters<typeof events>,
  at: string,
  want: ClockRow[],
  why: string,
) {
  assert.deepEqual(clockRows(clocksAt(events(...list), severityPolicies[mode], at)), expectedRows(want), why)
}

describe('severity lowered from P1 to P3 on a Saturday (created Sat 10:00, changed 10:20, read Mon 09:00)', () => {
  const list = [ev.created('2026-11-21 10:00', { severity: 'P1' }), ev.severity('2026-11-21 10:20', 'P3')]
  const at = '2026-11-23 09:00'
  test('recompute', () => {
    check(
      'recompute',
      list,
      at,
      [
        ['first_response', 1, 'P3', 'running', false, HOUR, '2026-11-23 12:00'],
        ['resolution', 1, 'P3', 'running', false, HOUR, '2026-11-26 18:00'],
      ],
      'P3 targets from Sat 10:00 on business time: nothing counts until Mon 08:00, so 1h by 09:00; 4h → Mon 12:00, 40h → Thu 18:00',
    )
  })
  test('keep-elapsed', () => {
    check(
      'keep-elapsed',
      list,
      at,
      [
        ['first_response', 1, 'P3', 'running', false, 80 * MINUTE, '2026-11-23 11:40'],
        ['resolution', 1, 'P3', 'running', false, 80 * MINUTE, '2026-11-26 17:40'],
      ],
      'the 20m used on 24×7 are kept, 1h on Monday is added; the 3h40m and 39h40m left run from Mon 08:00',
    )
  })
  test('new-clock', () => {
    check(
      'new-clock',
      list,
      at,
      [
        ['first_response', 1, 'P1', 'cancelled', false, 20 * MINUTE, '2026-11-21 10:30', '2026-11-21 10:20'],
        ['resolution', 1, 'P1', 'cancelled', false, 20 * MINUTE, '2026-11-21 14:00', '2026-11-21 10:20'],
        ['first_response', 2, 'P3', 'running', false, HOUR, '2026-11-23 12:00'],
        ['resolution', 2, 'P3', 'running', false, HOUR, '2026-11-26 18:00'],
      ],
      'the P1 clocks stop at 10:20 with 20m used; fresh P3 clocks from 10:20 count from Mon 08:00',
    )
  })
})

describe('severity raised from P3 to P1 on a Saturday (created Sat 10:00, changed 10:20, read 10:25)', () => {
  const list = [ev.created('2026-11-21 10:00', { severity: 'P3' }), ev.severity('2026-11-21 10:20', 'P1')]
  const at = '2026-11-21 10:25'
  test('recompute', () => {
    check(
      'recompute',
      list,
      at,
      [
        ['first_response', 1, 'P1', 'running', false, 25 * MINUTE, '2026-11-21 10:30'],
        ['resolution', 1, 'P1', 'running', false, 25 * MINUTE, '2026-11-21 14:00'],
      ],
      'P1 targets on 24×7 from 10:00: 25m used, due 10:30 and 14:00',
    )
  })
  test('keep-elapsed', () => {
    check(
      'keep-elapsed',
      list,
      at,
      [
        ['first_response', 1, 'P1', 'running', false, 5 * MINUTE, '2026-11-21 10:50'],
        ['resolution', 1, 'P1', 'running', false, 5 * MINUTE, '2026-11-21 14:20'],
      ],
      'no business time was used on Saturday morning; the full P1 targets run from 10:20',
    )
  })
  test('new-clock', () => {
    check(
      'new-clock',
      list,
      at,
      [
        ['first_response', 1, 'P3', 'cancelled', false, 0, '2026-11-23 12:00', '2026-11-21 10:20'],
        ['resolution', 1, 'P3', 'cancelled', false, 0, '2026-11-26 18:00', '2026-11-21 10:20'],
        ['first_response', 2, 'P1', 'running', false, 5 * MINUTE, '2026-11-21 10:50'],
        ['resolution', 2, 'P1', 'running', false, 5 * MINUTE, '2026-11-21 14:20'],
      ],
      'the P3 clocks are cancelled unused; P1 clocks start at 10:20',
    )
  })
})

describe('a severity change while the ticket waits', () => {
  test('recompute keeps the pause', () => {
    // Ran 09:00–10:00 (1h), waiting from 10:00, raised to P1 at 11:00: still paused with 1h
    // used of 4h; resumed at 12:00, due 15:00.
    const list = [
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 10:00', 'waiting_on_customer'),
      ev.severity('2026-11-23 11:00', 'P1'),
    ]
    const paused = clockOf(
      clocksAt(events(...list), severityPolicies.recompute, '2026-11-23 11:30'),
      'resolution',
    )
    assert.deepEqual(
      [paused.severity, paused.state, paused.elapsed_ms, paused.due],
      ['P1', 'paused', HOUR, null],
    )
    const resumed = events(...list, ev.status('2026-11-23 12:00', 'open'))
    const running = clockOf(clocksAt(resumed, severityPolicies.recompute, '2026-11-23 12:30'), 'resolution')
    assert.deepEqual(
      [running.state, running.elapsed_ms, running.due],
      ['running', 1.5 * HOUR, iso('2026-11-23 15:00')],
    )
  })

  test('new-clock starts the new cycle paused', () => {
    // Cycle 1 is cancelled at 11:00 with 1h used; closed from its pause, its due is where the
    // 15h left would run out from 11:00 (7h Monday, Tue 08:00 + 8h). Cycle 2 (P1) waits too,
    // and once resumed at 12:00 it is due 16:00.
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 10:00', 'waiting_on_customer'),
      ev.severity('2026-11-23 11:00', 'P1'),
      ev.status('2026-11-23 12:00', 'open'),
    )
    const views = clocksAt(list, severityPolicies['new-clock'], '2026-11-23 12:30')
    assert.deepEqual(
      clockRows(views.filter((v) => v.metric === 'resolution')),
      expectedRows([
        ['resolution', 1, 'P2', 'cancelled', false, HOUR, '2026-11-24 16:00', '2026-11-23 11:00'],
        ['resolution', 2, 'P1', 'running', false, 30 * MINUTE, '2026-11-23 16:00'],
      ]),
    )
  })
})
