// Next response and periodic update, the clocks that run between replies: next response from
// the oldest unanswered customer message, periodic update from one agent reply to the next.
// Times are London local (GMT in November). P2: next response 4h of business time
// (Mon–Thu 08–18, Fri 08–17); P1: an update every hour, 24×7.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  clockOf,
  clocksAt,
  ev,
  events,
  HOUR,
  helpdeskPolicy,
  iso,
  MINUTE,
} from './test-support/clock-fixture.ts'

const policy = helpdeskPolicy()

describe('next response', () => {
  test('runs from the oldest unanswered customer message to the next agent reply', () => {
    // First response at 09:30. The requester writes at 10:00 and again at 11:00: the clock
    // runs from 10:00 (the oldest), so by 14:30 it has used 4h30m of its 4h and was due at
    // 14:00. The next message, at 15:00, starts cycle 2: 15:00–18:00 is 3h, Tue 08:00–08:30
    // is 30m; due Tue 09:00.
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.agent('2026-11-23 09:30'),
      ev.requester('2026-11-23 10:00'),
      ev.requester('2026-11-23 11:00'),
      ev.agent('2026-11-23 14:30'),
      ev.requester('2026-11-23 15:00'),
      ev.agent('2026-11-24 08:30'),
    )
    const views = clocksAt(list, policy, '2026-11-24 12:00')
    const first = clockOf(views, 'next_response', 1)
    assert.deepEqual(
      [first.state, first.breached, first.elapsed_ms, first.due, first.stopped_at],
      ['met', true, 270 * MINUTE, iso('2026-11-23 14:00'), iso('2026-11-23 14:30')],
    )
    const second = clockOf(views, 'next_response', 2)
    assert.deepEqual(
      [second.state, second.breached, second.elapsed_ms, second.due, second.stopped_at],
      ['met', false, 210 * MINUTE, iso('2026-11-24 09:00'), iso('2026-11-24 08:30')],
    )
    assert.equal(views.filter((v) => v.metric === 'next_response').length, 2)
  })

  test('does not start before the first response', () => {
    // The requester's follow-up at 09:30 comes before any answer: first response covers it.
    const list = events(ev.created('2026-11-23 09:00'), ev.requester('2026-11-23 09:30'))
    const views = clocksAt(list, policy, '2026-11-23 10:00')
    assert.deepEqual(
      views.map((v) => v.metric),
      ['first_response', 'resolution'],
    )
  })

  test('does not start before the first response even where the severity has no first-response target', () => {
    // P3 here measures next response but not first response: a requester message before any
    // agent reply is still not waiting for a "next" response.
    const noFirst = helpdeskPolicy({
      targets: [
        { severity: 'P3', metric: 'next_response', within: '4h', calendar: 'business' },
        { severity: 'P3', metric: 'resolution', within: '40h', calendar: 'business' },
      ],
    })
    const list = events(ev.created('2026-11-23 09:00', { severity: 'P3' }), ev.requester('2026-11-23 09:30'))
    assert.deepEqual(
      clocksAt(list, noFirst, '2026-11-23 10:00').map((v) => v.metric),
      ['resolution'],
    )
  })

  test('an automated message from the requester, or a private one, does not start it', () => {
    // An out-of-office reply is not a question waiting for an answer.
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.agent('2026-11-23 09:30'),
      ev.requester('2026-11-23 10:00', { automated: true }),
      ev.requester('2026-11-23 10:30', { public: false }),
    )
    assert.deepEqual(
      clocksAt(list, policy, '2026-11-23 12:00').map((v) => v.metric),
      ['first_response', 'resolution'],
    )
  })

  test('a resolution stops it at that instant', () => {
    // Waiting since 10:00 (4h due 14:00); resolved at 15:00: stopped breached with 5h used.
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.agent('2026-11-23 09:30'),
      ev.requester('2026-11-23 10:00'),
      ev.status('2026-11-23 15:00', 'resolved'),
    )
    const nr = clockOf(clocksAt(list, policy, '2026-11-23 16:00'), 'next_response')
    assert.deepEqual(
      [nr.state, nr.breached, nr.elapsed_ms, nr.due, nr.stopped_at],
      ['met', true, 5 * HOUR, iso('2026-11-23 14:00'), iso('2026-11-23 15:00')],
    )
  })

  test('messages on a resolved ticket start nothing', () => {
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.agent('2026-11-23 09:30'),
      ev.status('2026-11-23 10:00', 'resolved'),
      ev.requester('2026-11-23 11:00'),
    )
    assert.equal(
      clocksAt(list, policy, '2026-11-23 12:00').some((v) => v.metric === 'next_response'),
      false,
    )
  })
})

describe('periodic update (P1: every hour, 24×7)', () => {
  test('runs between agent replies, pauses with the ticket and is cancelled by the resolution', () => {
    // Reply at 09:20 answers first; update #1 runs 09:20 → due 10:20, met at 10:00 (40m).
    // #2 starts at 10:00, pauses at 10:30 (30m used), resumes at 12:00 with 30m left: due
    // 12:30, met late at 12:45 with 30m + 45m = 75m used. #3 starts 12:45 and is
    // cancelled by the resolution at 13:00 with 15m used, before its 13:45 due.
    const list = events(
      ev.created('2026-11-23 09:00', { severity: 'P1' }),
      ev.agent('2026-11-23 09:20'),
      ev.agent('2026-11-23 10:00'),
      ev.status('2026-11-23 10:30', 'waiting_on_customer'),
      ev.status('2026-11-23 12:00', 'open'),
      ev.agent('2026-11-23 12:45'),
      ev.status('2026-11-23 13:00', 'resolved'),
    )
    const views = clocksAt(list, policy, '2026-11-23 14:00')
    const row = (cycle: number) => {
      const c = clockOf(views, 'periodic_update', cycle)
      return [c.state, c.breached, c.elapsed_ms, c.due, c.stopped_at]
    }
    assert.deepEqual(row(1), ['met', false, 40 * MINUTE, iso('2026-11-23 10:20'), iso('2026-11-23 10:00')])
    assert.deepEqual(row(2), ['met', true, 75 * MINUTE, iso('2026-11-23 12:30'), iso('2026-11-23 12:45')])
    assert.deepEqual(row(3), [
      'cancelled',
      false,
      15 * MINUTE,
      iso('2026-11-23 13:45'),
      iso('2026-11-23 13:00'),
    ])
    // The resolution ran 09:00–10:30 and 12:00–13:00: 2h30m of its 4h, due 12:00 + 2h30m.
    const resolution = clockOf(views, 'resolution')
    assert.deepEqual(
      [resolution.state, resolution.breached, resolution.elapsed_ms, resolution.due],
      ['met', false, 150 * MINUTE, iso('2026-11-23 14:30')],
    )
  })

  test('a reply while the ticket waits starts the next update paused', () => {
    // The reply at 10:00 comes in a pause status: update #1 exists but is paused, due unknown.
    const list = events(
      ev.created('2026-11-23 09:00', { severity: 'P1' }),
      ev.status('2026-11-23 09:30', 'waiting_on_customer'),
      ev.agent('2026-11-23 10:00'),
    )
    const update = clockOf(clocksAt(list, policy, '2026-11-23 11:00'), 'periodic_update')
    assert.deepEqual([update.state, update.elapsed_ms, update.due], ['paused', 0, null])
  })

  test('a severity without an update target starts none', () => {
    const list = events(ev.created('2026-11-23 09:00'), ev.agent('2026-11-23 09:30'))
    assert.equal(
      clocksAt(list, policy, '2026-11-23 12:00').some((v) => v.metric === 'periodic_update'),
      false,
    )
  })
})
