// Reopening a resolved ticket: by default the resolution clock resumes with the resolved time
// excluded; the agreement may choose a new cycle. First and final resolution are both kept.
// P2 resolution: 16h of business time (Mon–Thu 08–18, Fri 08–17 London, GMT in November).
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
  replay,
  t,
} from './test-support/clock-fixture.ts'

// Resolved Mon 12:00 after 3h, reopened Tue 10:00, resolved again Wed 14:00.
const history = events(
  ev.created('2026-11-23 09:00'),
  ev.agent('2026-11-23 09:30'),
  ev.status('2026-11-23 12:00', 'resolved'),
  ev.status('2026-11-24 10:00', 'reopened'),
  ev.status('2026-11-25 14:00', 'resolved'),
)

describe('reopen: resume (default)', () => {
  const policy = helpdeskPolicy()

  test('the clock resumes with the resolved time excluded', () => {
    // 3h used by Mon 12:00; 13h left from Tue 10:00: 8h Tuesday, 5h Wednesday → Wed 13:00.
    // By Wed 12:00 it has used 3h + 8h + 4h = 15h.
    const reopened = history.slice(0, 4)
    const c = clockOf(clocksAt(reopened, policy, '2026-11-25 12:00'), 'resolution')
    assert.deepEqual(
      [c.cycle, c.state, c.breached, c.elapsed_ms, c.due, c.stopped_at],
      [1, 'running', false, 15 * HOUR, iso('2026-11-25 13:00'), null],
    )
  })

  test('the final resolution is measured, the first one kept', () => {
    // Resolved again at Wed 14:00, an hour after the 13:00 due: 17h used, breached.
    const ticket = replay(history, policy)
    assert.equal(ticket.firstResolvedAt, t('2026-11-23 12:00'))
    assert.equal(ticket.resolvedAt, t('2026-11-25 14:00'))
    const resolution = ticket.clocks.filter((c) => c.metric === 'resolution')
    assert.equal(resolution.length, 1)
    assert.equal(resolution[0]!.firstStoppedAt, t('2026-11-23 12:00'))
    const c = clockOf(clocksAt(history, policy, '2026-11-26 12:00'), 'resolution')
    assert.deepEqual(
      [c.state, c.breached, c.elapsed_ms, c.due, c.stopped_at],
      ['met', true, 17 * HOUR, iso('2026-11-25 13:00'), iso('2026-11-25 14:00')],
    )
  })

  test('reopened into a pause status, the clock stays paused', () => {
    // resolved → waiting_on_customer reopens the ticket but the clock waits: 3h used, no due.
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 12:00', 'resolved'),
      ev.status('2026-11-24 10:00', 'waiting_on_customer'),
    )
    const c = clockOf(clocksAt(list, policy, '2026-11-24 12:00'), 'resolution')
    assert.deepEqual([c.state, c.elapsed_ms, c.due], ['paused', 3 * HOUR, null])
  })

  test('closing a resolved ticket is not a reopen', () => {
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 12:00', 'resolved'),
      ev.status('2026-11-24 10:00', 'closed'),
    )
    const ticket = replay(list, policy)
    assert.equal(ticket.resolvedAt, t('2026-11-23 12:00'))
    const c = clockOf(clocksAt(list, policy, '2026-11-25 12:00'), 'resolution')
    assert.deepEqual([c.state, c.elapsed_ms, c.stopped_at], ['met', 3 * HOUR, iso('2026-11-23 12:00')])
  })

  test('the response clocks stay stopped; a new customer message waits for a next response', () => {
    // The resolution answered the customer, so after the reopen a requester message at Tue
    // 11:00 starts next response (4h → 15:00), and first response does not run again.
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 10:00', 'resolved'),
      ev.status('2026-11-24 10:00', 'reopened'),
      ev.requester('2026-11-24 11:00'),
    )
    const views = clocksAt(list, policy, '2026-11-24 12:00')
    assert.equal(clockOf(views, 'first_response').state, 'met')
    const next = clockOf(views, 'next_response')
    assert.deepEqual([next.state, next.elapsed_ms, next.due], ['running', HOUR, iso('2026-11-24 15:00')])
  })
})

describe('reopen: new cycle', () => {
  const policy = helpdeskPolicy({ clock: { onReopen: 'new-cycle' } })

  test('cycle 1 keeps its outcome and cycle 2 gets the full target from the reopen', () => {
    // Cycle 1: 3h used, met at Mon 12:00, due Tue 15:00 (9h Monday + 7h Tuesday).
    // Cycle 2: from Tue 10:00, 16h → Tue 8h + Wed 8h = Wed 16:00; met at 14:00 with 14h used.
    const views = clocksAt(history, policy, '2026-11-26 12:00').filter((v) => v.metric === 'resolution')
    assert.deepEqual(
      views.map((c) => [c.cycle, c.state, c.breached, c.elapsed_ms, c.due, c.stopped_at]),
      [
        [1, 'met', false, 3 * HOUR, iso('2026-11-24 15:00'), iso('2026-11-23 12:00')],
        [2, 'met', false, 14 * HOUR, iso('2026-11-25 16:00'), iso('2026-11-25 14:00')],
      ],
    )
    const ticket = replay(history, policy)
    assert.deepEqual(
      [ticket.firstResolvedAt, ticket.resolvedAt],
      [t('2026-11-23 12:00'), t('2026-11-25 14:00')],
    )
  })

  test('reopened into a pause status, the new cycle starts paused', () => {
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 12:00', 'resolved'),
      ev.status('2026-11-24 10:00', 'waiting_on_customer'),
    )
    const c = clockOf(clocksAt(list, policy, '2026-11-24 12:00'), 'resolution', 2)
    assert.deepEqual([c.state, c.elapsed_ms, c.due], ['paused', 0, null])
  })
})
