// Calendar periods on local dates: review cadences, notice periods, lead times and retention,
// written as ISO 8601 periods (`P6M`, `P1Y`, `P90D`, `P2W`) or fixed durations (`36h`, `PT72H`).
// Months have no fixed length, so a period is added on the calendar: months first, clamped to
// the month's end (2026-01-31 + P1M = 2026-02-28), then days.
import { parseDuration } from './duration.ts'
import { civilDate, dayNumber, formatLocalDate, parseLocalDate } from './local-date.ts'
import { DAY, fromLocal, toLocal } from './time-zone.ts'

export type Period = { months: number; days: number; ms: number }

const ISO_PERIOD =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/

/** `P1Y2M10DT2H` → { months: 14, days: 10, ms: 7_200_000 }; a fixed duration (`36h`) is all ms. Null if neither. */
export function parsePeriod(text: string): Period | null {
  const iso = ISO_PERIOD.exec(text.trim().toUpperCase())
  if (iso) {
    const [y, mo, w, d, h, mi, s] = iso.slice(1).map((v) => Number(v ?? 0)) as number[]
    return { months: y! * 12 + mo!, days: w! * 7 + d!, ms: (h! * 3600 + mi! * 60 + s!) * 1000 }
  }
  const fixed = parseDuration(text)
  return fixed.ok ? { months: 0, days: 0, ms: fixed.ms } : null
}

/**
 * `date` moved by `period` forward (sign 1) or backward (sign −1). A part of a day counts
 * as a whole day (a test due every 36h from Monday is due by Wednesday), since a local date
 * cannot say more. Throws RangeError on a date or period that is not one.
 */
export function addPeriod(date: string, period: Period | string, sign: 1 | -1 = 1): string {
  const p = typeof period === 'string' ? parsePeriod(period) : period
  if (p === null) throw new RangeError(`not a period: ${String(period)}`)
  return formatLocalDate(addToDay(localDay(date), p, sign))
}

/**
 * The instant `period` after (or before) instant `t` on the wall clock of `timeZone`: months
 * and days move the local date and keep the time of day, then hours, minutes and seconds are
 * added as elapsed time. A wall-clock time that does not exist moves forward by the gap.
 */
export function addPeriodToInstant(t: number, period: Period, timeZone: string, sign: 1 | -1 = 1): number {
  const local = toLocal(timeZone, t)
  const day = Math.floor(local / DAY)
  const moved = addToDay(day, { months: period.months, days: period.days, ms: 0 }, sign)
  return fromLocal(timeZone, moved * DAY + (local - day * DAY)) + sign * period.ms
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return localDay(to) - localDay(from)
}

/** The fewest days the period can span, whatever date it starts on (P1M → 28, P1Y → 365). */
export function shortestSpanDays(period: Period): number {
  if (period.months === 0) return addToDay(0, period, 1)
  // Month lengths repeat within four years (century rules never make a month shorter).
  const first = dayNumber(2001, 1, 1)
  let shortest = Number.POSITIVE_INFINITY
  for (let day = first; day < first + 1461; day++) {
    shortest = Math.min(shortest, addToDay(day, period, 1) - day)
  }
  return shortest
}

function localDay(date: string): number {
  const day = parseLocalDate(date)
  if (day === null) throw new RangeError(`not a date written YYYY-MM-DD: ${date}`)
  return day
}

function addToDay(day: number, p: Period, sign: 1 | -1): number {
  const { year, month, day: dayOfMonth } = civilDate(day)
  const months = year * 12 + (month - 1) + sign * p.months
  const y = Math.floor(months / 12)
  const m = months - y * 12 + 1
  const moved = dayNumber(y, m, Math.min(dayOfMonth, daysInMonth(y, m)))
  return moved + sign * (p.days + Math.ceil(p.ms / DAY))
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
}
