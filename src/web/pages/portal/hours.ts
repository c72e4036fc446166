// Support hours in words, from the agreement's calendars and the calendar engine itself: the
// weekly hours as people write them ("Mon–Thu 08:00–18:00, Fri 08:00–17:00"), whether support
// is open now and until when, and the coming days whose hours differ (holidays, overrides).
import { type Calendar, createCalendar } from '../../../domain/calendar.ts'
import type { CalendarSpec, TimeInterval } from '../../../domain/calendar-spec.ts'
import { WEEKDAYS } from '../../../domain/local-date.ts'
import { DAY, fromLocal, toLocal } from '../../../domain/time-zone.ts'

const SHORT: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
}
// Weeks read Monday first, as support hours are usually written.
const WEEK = [...WEEKDAYS.slice(1), WEEKDAYS[0]]

export function isAroundTheClock(spec: CalendarSpec): boolean {
  return spec.week === '24x7' && !spec.holidays?.length && Object.keys(spec.overrides ?? {}).length === 0
}

/** `Mon–Thu 08:00–18:00, Fri 08:00–17:00`, or `around the clock` for a 24×7 week. */
export function weekWords(spec: CalendarSpec): string {
  const week = spec.week
  if (week === '24x7') return 'around the clock'
  const groups: { days: string[]; hours: string }[] = []
  for (const day of WEEK) {
    const spans = week[day] ?? []
    if (spans.length === 0) continue
    const hours = spansText(spans)
    const last = groups.at(-1)
    const previous = WEEK[WEEK.indexOf(day) - 1]
    if (last && last.hours === hours && last.days.at(-1) === previous) last.days.push(day)
    else groups.push({ days: [day], hours })
  }
  if (groups.length === 0) return 'no regular hours'
  return groups.map(({ days, hours }) => `${dayRange(days)} ${hours}`).join(', ')
}

/** The hours and the zone they are read in: `Mon–Fri 08:00–18:00 Europe/London`. */
export function hoursWords(spec: CalendarSpec): string {
  if (spec.week === '24x7')
    return `around the clock (24×7${isAroundTheClock(spec) ? '' : `, ${spec.timezone}`})`
  return `${weekWords(spec)} ${spec.timezone}`
}

function dayRange(days: string[]): string {
  if (days.length === 1) return SHORT[days[0]!]!
  if (days.length === 2) return `${SHORT[days[0]!]}, ${SHORT[days[1]!]}`
  return `${SHORT[days[0]!]}–${SHORT[days.at(-1)!]}`
}

function spansText(spans: readonly TimeInterval[]): string {
  return spans
    .map(([open, close]) => (open === '00:00' && close === '24:00' ? 'all day' : `${open}–${close}`))
    .join(' and ')
}

export type OpenState = { open: true; until: number | null } | { open: false; opens: number | null }

/** Open now and until when, or closed and when it opens; null where the engine finds no edge. */
export function openState(calendar: Calendar, now: number): OpenState {
  const edge = (find: () => Date) => {
    try {
      return find().getTime()
    } catch {
      return null
    }
  }
  return calendar.isOpen(now)
    ? { open: true, until: edge(() => calendar.nextClosing(now)) }
    : { open: false, opens: edge(() => calendar.nextOpening(now)) }
}

/** A local date whose hours differ from the usual week: `hours` empty when closed all day. */
export type DayException = { date: string; start: number; hours: string[]; usual: string[] }

/**
 * The next `days` local days on which the calendar's hours differ from its plain week (public
 * holidays, one-off dates, overrides), read from the engine by comparing it with the week alone.
 */
export function upcomingExceptions(
  spec: CalendarSpec,
  calendar: Calendar,
  from: number,
  days = 60,
): DayException[] {
  if (!spec.holidays?.length && Object.keys(spec.overrides ?? {}).length === 0) return []
  const plain = createCalendar({ timezone: spec.timezone, week: spec.week })
  const zone = calendar.timezone
  const first = Math.floor(toLocal(zone, from) / DAY)
  const out: DayException[] = []
  for (let d = first; d < first + days; d++) {
    const start = fromLocal(zone, d * DAY)
    const end = fromLocal(zone, (d + 1) * DAY)
    const hours = localSpans(calendar, zone, start, end)
    const usual = localSpans(plain, zone, start, end)
    if (hours.join() !== usual.join())
      out.push({ date: new Date(d * DAY).toISOString().slice(0, 10), start, hours, usual })
  }
  return out
}

function localSpans(calendar: Calendar, zone: string, start: number, end: number): string[] {
  return calendar.periods(start, end).map(([a, b]) => {
    const close = b.getTime() === end ? '24:00' : clock(zone, b.getTime())
    return `${clock(zone, a.getTime())}–${close}`
  })
}

function clock(zone: string, t: number): string {
  return new Date(toLocal(zone, t)).toISOString().slice(11, 16)
}
