// Holiday feeds in iCalendar form become local-date holidays in the calendar's zone.
// Feeds also carry notices that are not closures ("Daylight Saving Time starts"); those
// are skipped.
import ICAL from 'ical.js'
import type { Result } from './issues.ts'
import { dayNumber, parseLocalDate } from './local-date.ts'
import { DAY, toLocal } from './time-zone.ts'

export type ICalendarHolidays = { dates: number[]; skipped: string[] }

const NOTICE = /daylight saving|summer ?time|winter ?time|clocks? (go|change|spring|fall)|\bDST\b/i
const EXPANSION_LIMIT_YEAR = 2100
const MAX_OCCURRENCES = 2000

export function holidaysFromICalendar(text: string, timezone: string): Result<ICalendarHolidays> {
  let parsed: unknown[]
  try {
    parsed = ICAL.parse(text)
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error))
  }
  // One component parses to itself; none (an empty text) or several (feeds pasted together)
  // to a list of them.
  const roots = (typeof parsed[0] === 'string' ? [parsed] : parsed).map(
    (c) => new ICAL.Component(c as unknown[]),
  )
  if (roots.length === 0) return unreadable('it holds no BEGIN:VCALENDAR')
  const stray = roots.find((root) => root.name !== 'vcalendar')
  if (stray) return unreadable(`it holds BEGIN:${stray.name.toUpperCase()} outside a BEGIN:VCALENDAR`)
  const dates = new Set<number>()
  const skipped: string[] = []
  for (const component of roots.flatMap((root) => root.getAllSubcomponents('vevent'))) {
    const event = new ICAL.Event(component)
    const summary = event.summary ?? ''
    if (NOTICE.test(summary)) {
      skipped.push(summary)
      continue
    }
    if (!event.startDate) continue
    const starts: InstanceType<typeof ICAL.Time>[] = []
    if (event.isRecurring()) {
      const iterator = event.iterator()
      for (let next = iterator.next(); next && starts.length < MAX_OCCURRENCES; next = iterator.next()) {
        if (next.year > EXPANSION_LIMIT_YEAR) break
        starts.push(next)
      }
    } else {
      starts.push(event.startDate)
    }
    const days = spanDays(event)
    for (const start of starts) {
      const first = localDay(start, timezone)
      for (let d = 0; d < days; d++) dates.add(first + d)
    }
  }
  return { ok: true, value: { dates: [...dates].sort((a, b) => a - b), skipped } }
}

function unreadable(reason: string): Result<ICalendarHolidays> {
  return { ok: false, issues: [{ path: [], message: `not a readable iCalendar feed: ${reason}` }] }
}

// An all-day event's DTEND is exclusive; a multi-day holiday covers each of its dates.
function spanDays(event: InstanceType<typeof ICAL.Event>): number {
  if (!event.startDate.isDate || !event.endDate) return 1
  const start = parseLocalDate(event.startDate.toString())
  const end = parseLocalDate(event.endDate.toString())
  return start !== null && end !== null && end > start ? end - start : 1
}

function localDay(time: InstanceType<typeof ICAL.Time>, timezone: string): number {
  // A date (or a floating time) is already a local date; a UTC time is read in the zone.
  if (time.isDate || time.zone?.tzid !== 'UTC') return dayNumber(time.year, time.month, time.day)
  return Math.floor(toLocal(timezone, time.toUnixTime() * 1000) / DAY)
}
