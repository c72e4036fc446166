// Pause statuses stop the resolution clock; only business time that would have counted is
// excluded, and the due instant is found by spending the remaining budget from the resume.
// P2 resolution: 16h of business time (Mon–Thu 08–18, Fri 08–17 London, GB-ENG holidays).
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { clockOf, clocksAt, ev, events, HOUR, helpdeskPolicy, iso } from './test-support/clock-fixture.ts'

const policy = helpdeskPolicy()

type Want = { state: string; breached: boolean; elapsed: number; due: string | null; stopped?: string }

function resolutionAt(list: Parameters<typeof events>, at: string) {
  const c = clockOf(clocksAt(events(...list), policy, at), 'resolution')
  return { state: c.state, breached: c.breached, elapsed: c.elapsed_ms, due: c.due, stopped: c.stopped_at }
}

function want(w: Want) {
  return {
    ...w,
    due: w.due === null ? null : iso(w.due),
    stopped: w.stopped === undefined ? null : iso(w.stopped),
  }
}

const cases: { name: string; why: string; events: Parameters<typeof events>; at: string; want: Want }[] = [
  {
    name: 'paused overnight, read while paused',
    why: 'Mon 16:00–17:00 ran (1h); paused, it has no due instant until it resumes',
    events: [ev.created('2026-11-23 16:00'), ev.status('2026-11-23 17:00', 'waiting_on_customer')],
    at: '2026-11-24 08:30',
    want: { state: 'paused', breached: false, elapsed: HOUR, due: null },
  },
  {
    name: 'paused overnight, resumed the next morning',
    why: 'only Mon 17–18 and Tue 08–09 are excluded; 15h left from Tue 09:00: 9h on Tuesday, 6h on Wednesday → Wed 14:00; by Wed 12:00 1h + 9h + 4h = 14h',
    events: [
      ev.created('2026-11-23 16:00'),
      ev.status('2026-11-23 17:00', 'waiting_on_customer'),
      ev.status('2026-11-24 09:00', 'open'),
    ],
    at: '2026-11-25 12:00',
    want: { state: 'running', breached: false, elapsed: 14 * HOUR, due: '2026-11-25 14:00' },
  },
  {
    name: 'paused over a weekend, resumed on Saturday',
    why: 'Thu 16–18 and Fri 08–10 ran (4h); resumed out of hours, the 12h left start Mon 08:00: 10h on Monday, 2h on Tuesday → Tue 10:00',
    events: [
      ev.created('2026-11-26 16:00'),
      ev.status('2026-11-27 10:00', 'waiting_on_customer'),
      ev.status('2026-11-28 11:00', 'open'),
    ],
    at: '2026-11-30 12:00',
    want: { state: 'running', breached: false, elapsed: 8 * HOUR, due: '2026-12-01 10:00' },
  },
  {
    name: 'paused over Christmas',
    why: 'Wed 23 Dec 10–12 ran (2h); 24 Dec (one-off), 25 Dec and 28 Dec (Boxing Day, substitute) are closed: 14h left from Sun 27 → Tue 29 (10h) + Wed 30 08:00–12:00',
    events: [
      ev.created('2026-12-23 10:00'),
      ev.status('2026-12-23 12:00', 'waiting_on_customer'),
      ev.status('2026-12-27 12:00', 'open'),
    ],
    at: '2026-12-29 12:00',
    want: { state: 'running', breached: false, elapsed: 6 * HOUR, due: '2026-12-30 12:00' },
  },
  {
    name: 'running over New Year, with a short day and a holiday',
    why: 'Wed 30 Dec 16–18 (2h), Thu 31 Dec 08–12 by override (4h), Fri 1 Jan closed, Mon 4 Jan 08–18 (10h): 16h exactly at 18:00 Monday',
    events: [ev.created('2026-12-30 16:00')],
    at: '2027-01-04 12:00',
    want: { state: 'running', breached: false, elapsed: 10 * HOUR, due: '2027-01-04 18:00' },
  },
  {
    name: 'paused across the spring clock change',
    why: 'Fri 27 Mar 16:00–16:30 GMT ran (30m); 15h30m left from Sun 29 Mar: Mon 30 Mar 08–18 BST is 07:00–17:00Z (10h), then Tue 07:00Z + 5h30m',
    events: [
      ev.created('2026-03-27 16:00'),
      ev.status('2026-03-27 16:30', 'waiting_on_customer'),
      ev.status('2026-03-29 12:00', 'open'),
    ],
    at: '2026-03-30 12:00',
    want: { state: 'running', breached: false, elapsed: 5.5 * HOUR, due: '2026-03-31 12:30' },
  },
  {
    name: 'one pause status followed by another stays one pause',
    why: 'waiting → scheduled → open: paused Mon 10:00 to Tue 10:00; 1h + Tue 10–12 = 3h by noon; 15h left from Tue 10:00: 8h Tuesday, 7h Wednesday',
    events: [
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 10:00', 'waiting_on_customer'),
      ev.status('2026-11-23 15:00', 'scheduled'),
      ev.status('2026-11-24 10:00', 'open'),
    ],
    at: '2026-11-24 12:00',
    want: { state: 'running', breached: false, elapsed: 3 * HOUR, due: '2026-11-25 15:00' },
  },
  {
    name: 'a status the agreement does not list does not pause',
    why: 'waiting_on_third_party is not a pause status here: Mon 09:00 to Tue 12:00 is 9h + 4h',
    events: [ev.created('2026-11-23 09:00'), ev.status('2026-11-23 10:00', 'waiting_on_third_party')],
    at: '2026-11-24 12:00',
    want: { state: 'running', breached: false, elapsed: 13 * HOUR, due: '2026-11-24 15:00' },
  },
  {
    name: 'resolved straight from a pause',
    why: 'Mon 08–09 ran (1h), then waiting until the resolution on Friday: the pause closes first, so it stops in time with 1h used; its due is where the 15h left would have run out from Fri 12:00 (5h Friday, 10h Monday)',
    events: [
      ev.created('2026-11-23 08:00'),
      ev.status('2026-11-23 09:00', 'waiting_on_customer'),
      ev.status('2026-11-27 12:00', 'resolved'),
    ],
    at: '2026-11-30 12:00',
    want: {
      state: 'met',
      breached: false,
      elapsed: HOUR,
      due: '2026-11-30 18:00',
      stopped: '2026-11-27 12:00',
    },
  },
  {
    name: 'resolved from a pause after running out of time',
    why: 'Mon 08:00–Tue 14:30 ran 16h30m, past the Tue 14:00 due, before waiting: breached, and the due stays Tue 14:00',
    events: [
      ev.created('2026-11-23 08:00'),
      ev.status('2026-11-24 14:30', 'waiting_on_customer'),
      ev.status('2026-11-27 12:00', 'resolved'),
    ],
    at: '2026-11-30 12:00',
    want: {
      state: 'met',
      breached: true,
      elapsed: 16.5 * HOUR,
      due: '2026-11-24 14:00',
      stopped: '2026-11-27 12:00',
    },
  },
]

describe('pausing the resolution clock', () => {
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(resolutionAt(c.events, c.at), want(c.want), c.why)
    })
  }

  test('pause and resume at the same instant exclude nothing', () => {
    // Both at 10:00, in that order: no business time is excluded, so it is as if never paused.
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 10:00', 'waiting_on_customer'),
      ev.status('2026-11-23 10:00', 'open'),
    )
    const c = clockOf(clocksAt(list, policy, '2026-11-23 12:00'), 'resolution')
    assert.deepEqual([c.state, c.elapsed_ms, c.due], ['running', 3 * HOUR, iso('2026-11-24 15:00')])
  })

  test('a clock that ran out of time before pausing shows its due and is breached while paused', () => {
    // P1 resolution is 4h of 24×7: Mon 09:00–13:30 ran 4h30m, past its 13:00 due.
    const list = events(
      ev.created('2026-11-23 09:00', { severity: 'P1' }),
      ev.status('2026-11-23 13:30', 'waiting_on_customer'),
    )
    const c = clockOf(clocksAt(list, policy, '2026-11-23 15:00'), 'resolution')
    assert.deepEqual(
      [c.state, c.breached, c.elapsed_ms, c.due],
      ['paused', true, 4.5 * HOUR, iso('2026-11-23 13:00')],
    )
    assert.equal(c.target_ms, 4 * HOUR)
  })
})
