// Where a stored clock stands at an instant, in business time on its calendar: how much of its
// target is left (negative once overdue), whether its calendar counts right now, and when that
// next changes. What the at-risk board counts down from, without replaying the ticket.
import type { Calendar } from '../calendar.ts'

export type StoredClock = {
  state: 'running' | 'paused' | 'met' | 'cancelled'
  breached: boolean
  target_ms: number
  /** Business time counted when the clock was last derived (exact for a clock not running). */
  elapsed_ms: number
  due: number | null
}

export type ClockStanding = {
  /** Business time left before the due instant; negative by the business time since it, once overdue. */
  remainingMs: number
  elapsedMs: number
  breached: boolean
  /** Whether the clock is running and its calendar open: its remaining time is going down. */
  counting: boolean
  /** The next instant the calendar opens or closes (within `horizonMs`), for a running clock; else null. */
  nextChange: number | null
}

const WEEK_MS = 7 * 86_400_000

export function clockStanding(
  calendar: Calendar,
  clock: StoredClock,
  at: number,
  horizonMs = WEEK_MS,
): ClockStanding {
  if (clock.state !== 'running' || clock.due === null) {
    const remainingMs = clock.target_ms - clock.elapsed_ms
    return {
      remainingMs,
      elapsedMs: clock.elapsed_ms,
      breached: clock.breached,
      counting: false,
      nextChange: null,
    }
  }
  // A running clock counts every business instant until its due one, so what is left is the
  // business time between now and then. Past it, the overdue time counts from the due instant
  // (a pause since the breach, rare, is not taken off).
  const due = clock.due
  const remainingMs = at <= due ? calendar.between(at, due) : -calendar.between(due, at)
  return {
    remainingMs,
    elapsedMs: clock.target_ms - remainingMs,
    breached: clock.breached || at > due,
    counting: calendar.isOpen(at),
    nextChange: nextChange(calendar, at, horizonMs),
  }
}

/**
 * The next opening (when closed at `at`) or closing (when open) within `horizonMs`, else null:
 * a 24×7 calendar never closes, and asking it to would search for years.
 */
export function nextChange(calendar: Calendar, at: number, horizonMs = WEEK_MS): number | null {
  const end = at + horizonMs
  const first = calendar.periods(at, end)[0]
  if (!first) return null
  const [open, close] = first
  if (open.getTime() > at) return open.getTime()
  return close.getTime() < end ? close.getTime() : null
}
