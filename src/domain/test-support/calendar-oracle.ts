// A slow, obviously correct model of a calendar for the property tests. It reads the spec's
// plain data directly (its own parsing, its own precedence), finds the instant of every
// opening and closing of each local date by reading the wall clock through Intl, and answers
// every query by stepping minute by minute. It shares no code with the engine, so the two
// agreeing means something.
//
// It covers what the properties generate: a zone, weekly hours or "24x7", one-off and yearly
// holidays given as strings, and one-off and yearly overrides. Every bound falls on a whole
// minute and every offset of the zones in use is a whole number of minutes, so openness is
// constant within each minute. It knows a finite window: searches that leave it return null.
import type { CalendarSpec } from '../calendar-spec.ts'

const MINUTE = 60_000
const DAY = 86_400_000
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

export type CalendarOracle = {
  /** The window [from, to) the oracle can answer about, on whole minutes. */
  readonly from: number
  readonly to: number
  isOpen(t: number): boolean
  between(a: number, b: number): number
  add(t: number, ms: number): number | null
  nextOpen(t: number): number | null
  previousClose(t: number): number | null
  nextOpening(t: number): number | null
  nextClosing(t: number): number | null
  previousOpening(t: number): number | null
  previousClosing(t: number): number | null
  periods(a: number, b: number): [number, number][]
}

export function calendarOracle(spec: CalendarSpec, from: number, to: number): CalendarOracle {
  requireMinute(from)
  requireMinute(to)
  const wallClock = wallClockReader(spec.timezone)
  const intervals: [number, number][] = []
  const firstDay = Math.floor(wallClock(from) / DAY) - 2
  const lastDay = Math.floor(wallClock(to) / DAY) + 1
  for (let day = firstDay; day <= lastDay; day++) {
    for (const [open, close] of hoursOf(spec, day)) {
      const start = instantOfReading(wallClock, day * DAY + minutesOf(open) * MINUTE)
      const closeMinutes = minutesOf(close) <= minutesOf(open) ? minutesOf(close) + 1440 : minutesOf(close)
      const end = instantOfReading(wallClock, day * DAY + closeMinutes * MINUTE)
      intervals.push([start, end])
    }
  }

  // open[i] tells whether the minute starting at from + (i - 1) minutes is open: whether some
  // interval holds it.
  const count = (to - from) / MINUTE
  const open = new Uint8Array(count + 1)
  for (const [start, end] of intervals) {
    for (let m = Math.max(start, from - MINUTE); m < Math.min(end, to); m += MINUTE)
      open[(m - from) / MINUTE + 1] = 1
  }

  function openAt(m: number): boolean {
    requireMinute(m)
    if (m < from - MINUTE || m >= to) throw new RangeError(`${iso(m)} is outside the oracle's window`)
    return open[(m - from) / MINUTE + 1] === 1
  }
  const isOpening = (m: number) => openAt(m) && !openAt(m - MINUTE)
  const isClosing = (m: number) => !openAt(m) && openAt(m - MINUTE)

  function searchForward(t: number, found: (m: number) => boolean): number | null {
    for (let m = t + MINUTE; m < to; m += MINUTE) if (found(m)) return m
    return null
  }
  function searchBackward(t: number, found: (m: number) => boolean): number | null {
    for (let m = Math.min(t - MINUTE, to - MINUTE); m >= from; m -= MINUTE) if (found(m)) return m
    return null
  }

  function between(a: number, b: number): number {
    if (b < a) return 0 - between(b, a)
    let minutes = 0
    for (let m = a; m < b; m += MINUTE) if (openAt(m)) minutes++
    return minutes * MINUTE
  }

  function nextOpen(t: number): number | null {
    return openAt(t) ? t : searchForward(t, isOpening)
  }

  function add(t: number, ms: number): number | null {
    requireMinute(ms)
    if (ms === 0) return nextOpen(t)
    let left = Math.abs(ms) / MINUTE
    if (ms > 0) {
      // The d-th open minute counted ends at the answer: landing on a close returns the close.
      for (let m = t; m < to; m += MINUTE) if (openAt(m) && --left === 0) return m + MINUTE
    } else {
      // Backward, the answer is where the d-th open minute counted begins.
      for (let m = t - MINUTE; m >= from; m -= MINUTE) if (openAt(m) && --left === 0) return m
    }
    return null
  }

  return {
    from,
    to,
    isOpen: openAt,
    between,
    add,
    nextOpen,
    previousClose: (t) => (openAt(t) || isClosing(t) ? t : searchBackward(t, isClosing)),
    nextOpening: (t) => searchForward(t, isOpening),
    nextClosing: (t) => searchForward(t, isClosing),
    previousOpening: (t) => searchBackward(t, isOpening),
    previousClosing: (t) => searchBackward(t, isClosing),
    periods(a, b) {
      const out: [number, number][] = []
      for (let m = a; m < b; m += MINUTE) {
        if (!openAt(m)) continue
        const last = out[out.length - 1]
        if (last && last[1] === m) last[1] = m + MINUTE
        else out.push([m, m + MINUTE])
      }
      return out
    },
  }
}

/** The hours of one local date (days since 1970-01-01): one-off override, yearly override, holiday, week. */
function hoursOf(spec: CalendarSpec, day: number): readonly (readonly [string, string])[] {
  const date = new Date(day * DAY).toISOString().slice(0, 10)
  const monthDay = date.slice(5)
  const overrides = spec.overrides ?? {}
  const override = overrides[date] ?? overrides[monthDay]
  if (override) return override
  const holidays = (spec.holidays ?? []).filter((h) => typeof h === 'string')
  if (holidays.includes(date) || holidays.includes(monthDay)) return []
  if (spec.week === '24x7') return [['00:00', '24:00']]
  return spec.week[WEEKDAY_KEYS[new Date(day * DAY).getUTCDay()]!] ?? []
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  return hours! * 60 + minutes!
}

/** Reads the zone's wall clock at an instant, as the epoch value that reading would have in UTC. */
export function wallClockReader(timeZone: string): (t: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  const readings = new Map<number, number>()
  return (t) => {
    let reading = readings.get(t)
    if (reading === undefined) {
      const part: Record<string, number> = {}
      for (const { type, value } of format.formatToParts(t)) part[type] = Number(value)
      reading = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!)
      readings.set(t, reading)
    }
    return reading
  }
}

/**
 * The instant at which the wall clock reads `reading`. A reading shown twice (fall back) is
 * the first one. A reading the clocks skip (spring forward) is read with the offset in force
 * before the gap, so it lands as far past the gap's end as the reading was past its start.
 * Assumes at most one offset change within a day of the reading, true of every zone used.
 */
function instantOfReading(wallClock: (t: number) => number, reading: number): number {
  const offsetAt = (t: number) => wallClock(t) - t
  const offsets = new Set([reading - DAY, reading, reading + DAY].map(offsetAt))
  const matches = [...offsets].map((offset) => reading - offset).filter((t) => wallClock(t) === reading)
  if (matches.length > 0) return Math.min(...matches)
  return reading - offsetAt(reading - DAY)
}

function requireMinute(t: number): void {
  if (!Number.isInteger(t / MINUTE)) throw new RangeError(`the oracle works in whole minutes, not ${t}`)
}

function iso(t: number): string {
  return new Date(t).toISOString()
}
