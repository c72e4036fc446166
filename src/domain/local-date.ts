// Civil dates as day numbers (days since 1970-01-01) and times of day as minutes. These are
// zone-free: a local date means the date on the wall calendar of whatever zone is in play.
import { DAY } from './time-zone.ts'

export type CivilDate = { year: number; month: number; day: number; weekday: number }

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export function dayNumber(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(2000, month - 1, day))
  d.setUTCFullYear(year)
  return Math.round(d.getTime() / DAY)
}

export function civilDate(dayNum: number): CivilDate {
  const d = new Date(dayNum * DAY)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() }
}

export function formatLocalDate(dayNum: number): string {
  const { year, month, day } = civilDate(dayNum)
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

function daysInMonth(year: number, month: number): number {
  return civilDate(dayNumber(year, month + 1, 1) - 1).day
}

/** `YYYY-MM-DD` → day number, or null when it is not a real date. */
export function parseLocalDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return dayNumber(year, month, day)
}

/** `MM-DD` → month × 100 + day, or null. 02-29 is allowed (it applies in leap years). */
export function parseMonthDay(text: string): number | null {
  const m = /^(\d{2})-(\d{2})$/.exec(text)
  if (!m) return null
  const [month, day] = [Number(m[1]), Number(m[2])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return null
  return month * 100 + day
}

/** `HH:MM` from 00:00 to 24:00 → minutes after midnight, or null. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text)
  if (!m) return null
  const [hour, minute] = [Number(m[1]), Number(m[2])]
  if (minute > 59 || hour > 24 || (hour === 24 && minute > 0)) return null
  return hour * 60 + minute
}

export function formatTimeOfDay(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
}
