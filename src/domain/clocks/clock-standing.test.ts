import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createCalendar } from '../calendar.ts'
import { clockStanding, nextChange, type StoredClock } from './clock-standing.ts'

const H = 3_600_000
const at = (iso: string) => Date.parse(iso)
// Weekdays 09:00–17:00 in London (GMT in November); Friday 27 November 2026.
const office = createCalendar({
  timezone: 'Europe/London',
  week: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
})
const always = createCalendar({ timezone: 'UTC', week: '24x7' })
const running = (due: string, target = 8 * H): StoredClock => ({
  state: 'running',
  breached: false,
  target_ms: target,
  elapsed_ms: 0,
  due: at(due),
})

describe('where a stored clock stands', () => {
  const cases: [string, Parameters<typeof clockStanding>, Partial<ReturnType<typeof clockStanding>>][] = [
    [
      'running in open hours: the business time to its due instant, counting until the close',
      [office, running('2026-11-30T11:00:00Z'), at('2026-11-27T15:00:00Z')],
      {
        remainingMs: 4 * H,
        elapsedMs: 4 * H,
        counting: true,
        breached: false,
        nextChange: at('2026-11-27T17:00:00Z'),
      },
    ],
    [
      'running on a Saturday: the same time left, not counting until Monday opens',
      [office, running('2026-11-30T11:00:00Z'), at('2026-11-28T12:00:00Z')],
      { remainingMs: 2 * H, counting: false, nextChange: at('2026-11-30T09:00:00Z') },
    ],
    [
      'overdue: negative by the business time since the due instant, breached',
      [office, running('2026-11-27T10:00:00Z'), at('2026-11-30T10:30:00Z')],
      { remainingMs: -8.5 * H, elapsedMs: 16.5 * H, breached: true },
    ],
    [
      'exactly at its due instant: nothing left, not yet breached',
      [office, running('2026-11-27T10:00:00Z'), at('2026-11-27T10:00:00Z')],
      { remainingMs: 0, breached: false },
    ],
    [
      'paused: the target less the time counted, standing still',
      [
        office,
        { state: 'paused', breached: false, target_ms: 8 * H, elapsed_ms: 3 * H, due: null },
        at('2026-11-27T15:00:00Z'),
      ],
      { remainingMs: 5 * H, counting: false, nextChange: null },
    ],
    [
      'on a 24×7 calendar: counting, and it never closes',
      [always, running('2026-11-27T16:00:00Z'), at('2026-11-27T15:00:00Z')],
      { remainingMs: H, counting: true, nextChange: null },
    ],
  ]
  for (const [name, args, expected] of cases) {
    test(name, () => {
      const standing = clockStanding(...args)
      for (const [key, value] of Object.entries(expected))
        assert.equal(standing[key as keyof typeof standing], value, key)
    })
  }

  test('the next change stays within its horizon', () => {
    assert.equal(nextChange(office, at('2026-11-27T18:00:00Z'), H), null)
    assert.equal(nextChange(office, at('2026-11-27T16:30:00Z'), H), at('2026-11-27T17:00:00Z'))
  })
})
