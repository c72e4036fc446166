// First response: when it starts, what stops it, and what never counts. Times are London
// local (GMT in November); P2 answers within 2h of business time (Mon–Thu 08–18, Fri 08–17).
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

describe('first response', () => {
  const cases: {
    name: string
    why: string
    events: Parameters<typeof events>
    at: string
    want: { state: string; breached: boolean; elapsed: number; due: string; stopped: string | null }
  }[] = [
    {
      name: 'created on a Saturday, answered on Monday',
      why: 'the clock starts at Mon 08:00; 08:00–08:45 is 45m; due 08:00 + 2h',
      events: [ev.created('2026-11-21 10:00'), ev.agent('2026-11-23 08:45')],
      at: '2026-11-23 12:00',
      want: {
        state: 'met',
        breached: false,
        elapsed: 45 * MINUTE,
        due: '2026-11-23 10:00',
        stopped: '2026-11-23 08:45',
      },
    },
    {
      name: 'created on a Sunday night, answered before opening',
      why: 'no business time has passed by 07:30 Monday, so elapsed is 0, never negative',
      events: [ev.created('2026-11-22 20:00'), ev.agent('2026-11-23 07:30')],
      at: '2026-11-23 12:00',
      want: {
        state: 'met',
        breached: false,
        elapsed: 0,
        due: '2026-11-23 10:00',
        stopped: '2026-11-23 07:30',
      },
    },
    {
      name: 'created late on Friday, answered exactly at the due instant',
      why: 'Fri 16:30–17:00 is 30m, Mon 08:00–09:30 is 1h30m: due Mon 09:30, and 09:30 is in time',
      events: [ev.created('2026-11-20 16:30'), ev.agent('2026-11-23 09:30')],
      at: '2026-11-23 12:00',
      want: {
        state: 'met',
        breached: false,
        elapsed: 2 * HOUR,
        due: '2026-11-23 09:30',
        stopped: '2026-11-23 09:30',
      },
    },
    {
      name: 'created late on Friday, answered a minute late',
      why: '30m on Friday and 1h31m on Monday; the stop instant is after the due instant',
      events: [ev.created('2026-11-20 16:30'), ev.agent('2026-11-23 09:31')],
      at: '2026-11-23 12:00',
      want: {
        state: 'met',
        breached: true,
        elapsed: 121 * MINUTE,
        due: '2026-11-23 09:30',
        stopped: '2026-11-23 09:31',
      },
    },
    {
      name: 'due on a close, answered at the next opening',
      why: 'Fri 15:00 + 2h lands on the 17:00 close, so it is due 17:00 Friday: late at 08:00 Monday though only 2h of business time passed',
      events: [ev.created('2026-11-20 15:00'), ev.agent('2026-11-23 08:00')],
      at: '2026-11-23 12:00',
      want: {
        state: 'met',
        breached: true,
        elapsed: 2 * HOUR,
        due: '2026-11-20 17:00',
        stopped: '2026-11-23 08:00',
      },
    },
    {
      name: 'still running past its due',
      why: 'Mon 09:00 to 12:00 is 3h against 2h: breached while running, due 11:00',
      events: [ev.created('2026-11-23 09:00')],
      at: '2026-11-23 12:00',
      want: { state: 'running', breached: true, elapsed: 3 * HOUR, due: '2026-11-23 11:00', stopped: null },
    },
    {
      name: 'automated, internal, requester and system messages do not count',
      why: 'none of them is a public reply by a human agent, so the clock runs on: 09:00–12:00 is 3h',
      events: [
        ev.created('2026-11-23 09:00'),
        ev.system('2026-11-23 09:01'),
        ev.agent('2026-11-23 09:30', { public: false }),
        ev.agent('2026-11-23 09:40', { automated: true }),
        ev.requester('2026-11-23 10:00'),
        ev.system('2026-11-23 10:30', { automated: false }),
      ],
      at: '2026-11-23 12:00',
      want: { state: 'running', breached: true, elapsed: 3 * HOUR, due: '2026-11-23 11:00', stopped: null },
    },
    {
      name: 'a resolution before any reply stops it in time',
      why: 'resolving answers the customer: stopped at 10:00 with 1h used, due 11:00',
      events: [ev.created('2026-11-23 09:00'), ev.status('2026-11-23 10:00', 'resolved')],
      at: '2026-11-23 12:00',
      want: {
        state: 'met',
        breached: false,
        elapsed: HOUR,
        due: '2026-11-23 11:00',
        stopped: '2026-11-23 10:00',
      },
    },
    {
      name: 'a late resolution before any reply stops it breached',
      why: 'stopped at 11:30, after the 11:00 due',
      events: [ev.created('2026-11-23 09:00'), ev.status('2026-11-23 11:30', 'resolved')],
      at: '2026-11-23 12:00',
      want: {
        state: 'met',
        breached: true,
        elapsed: 150 * MINUTE,
        due: '2026-11-23 11:00',
        stopped: '2026-11-23 11:30',
      },
    },
    {
      name: 'a waiting status does not pause it',
      why: 'pause statuses stop resolution and periodic update only: 09:00–11:30 is 2h30m, past 11:00',
      events: [
        ev.created('2026-11-23 09:00'),
        ev.status('2026-11-23 09:30', 'waiting_on_customer'),
        ev.agent('2026-11-23 11:30'),
      ],
      at: '2026-11-23 12:00',
      want: {
        state: 'met',
        breached: true,
        elapsed: 150 * MINUTE,
        due: '2026-11-23 11:00',
        stopped: '2026-11-23 11:30',
      },
    },
  ]
  for (const c of cases) {
    test(c.name, () => {
      const fr = clockOf(clocksAt(events(...c.events), policy, c.at), 'first_response')
      assert.deepEqual(
        {
          state: fr.state,
          breached: fr.breached,
          elapsed: fr.elapsed_ms,
          due: fr.due,
          stopped: fr.stopped_at,
        },
        {
          ...c.want,
          due: iso(c.want.due),
          stopped: c.want.stopped === null ? null : iso(c.want.stopped),
        },
        c.why,
      )
    })
  }

  test('the agreement may count internal notes and automated agent replies', () => {
    // Widened to internal notes, the note at 09:30 is the response (30m used); widened to
    // automated replies, the auto-reply at 09:05 is (5m used). A system message still is not.
    const internal = helpdeskPolicy({ clock: { qualifyingResponse: { public: false } } })
    const notes = events(ev.created('2026-11-23 09:00'), ev.agent('2026-11-23 09:30', { public: false }))
    assert.equal(
      clockOf(clocksAt(notes, internal, '2026-11-23 12:00'), 'first_response').elapsed_ms,
      30 * MINUTE,
    )
    const automated = helpdeskPolicy({ clock: { qualifyingResponse: { automated: true } } })
    const auto = events(
      ev.created('2026-11-23 09:00'),
      ev.system('2026-11-23 09:01'),
      ev.agent('2026-11-23 09:05', { automated: true }),
    )
    const fr = clockOf(clocksAt(auto, automated, '2026-11-23 12:00'), 'first_response')
    assert.equal(fr.stopped_at, iso('2026-11-23 09:05'))
    assert.equal(fr.elapsed_ms, 5 * MINUTE)
  })

  test('the agreement may count only replies on listed channels', () => {
    // Only phone replies count: the email reply at 09:30 does not, the phone call at 10:00 does.
    const phoneOnly = helpdeskPolicy({ clock: { qualifyingResponse: { channels: ['phone'] } } })
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.agent('2026-11-23 09:30', { channel: 'email' }),
      ev.agent('2026-11-23 10:00', { channel: 'phone' }),
    )
    const fr = clockOf(clocksAt(list, phoneOnly, '2026-11-23 12:00'), 'first_response')
    assert.equal(fr.stopped_at, iso('2026-11-23 10:00'))
  })
})
