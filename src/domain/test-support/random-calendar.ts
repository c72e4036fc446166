// The plain-data side of the random calendars the property tests generate (the fast-check
// wiring lives in the test, since the domain's dependency rule keeps fast-check out of here).
// A calendar is built around an anchor instant in 2025–2027, half the time within two days of
// one of its zone's offset changes, so that DST transitions are hit often; its holidays and
// overrides fall near the anchor so that they matter.
import type { CalendarSpec, TimeInterval } from '../calendar-spec.ts'
import { wallClockReader } from './calendar-oracle.ts'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** Zones with DST both ways, at midnight, by 30 minutes, at odd offsets, twice a year or never. */
export const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/Havana',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'Africa/Casablanca',
  'Asia/Kolkata',
] as const

export const FIRST = Date.UTC(2025, 0, 1)
export const LAST = Date.UTC(2028, 0, 1)
/** How far the oracle's window reaches around the anchor; queries stay within QUERY_REACH of it. */
export const WINDOW_BEFORE = 6 * DAY
export const WINDOW_AFTER = 10 * DAY
export const QUERY_REACH = 3 * DAY

export type CalendarCase = { spec: CalendarSpec; anchor: number; from: number; to: number }

/** A day's hours as drawn: points in minutes paired up in order, and maybe an overnight interval. */
export type DrawnDay = { points: number[]; overnight: { start: number; end: number } | null }

export type DrawnCalendar = {
  zone: string
  /** Minutes from FIRST, or when `nearChange`, minutes from one of the zone's offset changes. */
  anchorMinutes: number
  nearChange: boolean
  changePick: number
  week: '24x7' | Partial<Record<string, DrawnDay>>
  /** Dates as days after the anchor's local date. */
  holidays: { day: number; yearly: boolean }[]
  overrides: { day: number; yearly: boolean; hours: DrawnDay }[]
}

export function calendarCaseFrom(drawn: DrawnCalendar): CalendarCase {
  const changes = offsetChanges(drawn.zone)
  const base = drawn.nearChange && changes.length > 0 ? changes[drawn.changePick % changes.length]! : FIRST
  const anchor = base + drawn.anchorMinutes * MINUTE
  const anchorDay = Math.floor(wallClockReader(drawn.zone)(anchor) / DAY)
  const dateOf = (day: number, yearly: boolean) =>
    new Date((anchorDay + day) * DAY).toISOString().slice(yearly ? 5 : 0, 10)
  const week =
    drawn.week === '24x7'
      ? drawn.week
      : Object.fromEntries(Object.entries(drawn.week).map(([day, hours]) => [day, hoursOf(hours!)]))
  const spec: CalendarSpec = {
    timezone: drawn.zone,
    week,
    holidays: drawn.holidays.map((h) => dateOf(h.day, h.yearly)),
    overrides: Object.fromEntries(drawn.overrides.map((o) => [dateOf(o.day, o.yearly), hoursOf(o.hours)])),
  }
  return { spec, anchor, from: anchor - WINDOW_BEFORE, to: anchor + WINDOW_AFTER }
}

// Sorted points paired up, so equal neighbours make touching intervals; the overnight one is
// kept when it opens after the others close.
function hoursOf({ points, overnight }: DrawnDay): TimeInterval[] {
  const sorted = [...points].sort((a, b) => a - b)
  const spans: [number, number][] = []
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    if (sorted[i]! < sorted[i + 1]!) spans.push([sorted[i]!, sorted[i + 1]!])
  }
  const lastClose = spans.length > 0 ? spans[spans.length - 1]![1] : 0
  if (
    overnight &&
    overnight.start >= lastClose &&
    overnight.start < 1440 &&
    overnight.end < overnight.start
  ) {
    spans.push([overnight.start, overnight.end])
  }
  return spans.map(([open, close]): TimeInterval => [formatMinutes(open), formatMinutes(close)])
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

const changeCache = new Map<string, number[]>()

/** The instants (on whole minutes) at which the zone's offset changes in 2025–2027. */
export function offsetChanges(zone: string): number[] {
  const cached = changeCache.get(zone)
  if (cached) return cached
  const wallClock = wallClockReader(zone)
  const offsetAt = (t: number) => wallClock(t) - t
  const found: number[] = []
  for (let t = FIRST; t < LAST; t += DAY) {
    if (offsetAt(t) === offsetAt(t + DAY)) continue
    let lo = t / MINUTE
    let hi = (t + DAY) / MINUTE
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (offsetAt(mid * MINUTE) === offsetAt(t)) lo = mid
      else hi = mid
    }
    found.push(hi * MINUTE)
  }
  changeCache.set(zone, found)
  return found
}
