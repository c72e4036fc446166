// Support hours as sentences: the hours of each weekday in the calendar's own zone, the
// holidays it closes on, and the dates whose hours differ.
import Holidays from 'date-holidays'
import type { CalendarSpec, HolidaySpec, TimeInterval } from '../../domain/calendar-spec.ts'
import { WEEKDAYS } from '../../domain/local-date.ts'
import { type Block, paragraph } from '../blocks.ts'
import { escapeMarkdown, formatDate, formatList, formatMonthDay } from '../format.ts'
import type { SectionContext } from './context.ts'

const DAY_NAMES: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}
// Weeks are read Monday first, as support hours are usually written.
const WEEK = [...WEEKDAYS.slice(1), WEEKDAYS[0]]

export function calendars(ctx: SectionContext): Block[] {
  // The agreement parser has validated every calendar with the calendar engine.
  return (ctx.spec.calendars ?? []).map((c) => paragraph(describeCalendar(c as unknown as CalendarSpec)))
}

function describeCalendar(calendar: CalendarSpec): string {
  const name = escapeMarkdown(calendar.name ?? calendar.id ?? 'Calendar')
  const sentences = [`**${name}**, in the ${calendar.timezone} time zone: ${describeWeek(calendar.week)}.`]
  if (calendar.description) sentences.push(calendar.description)
  const holidays = calendar.holidays ?? []
  const presets = holidays.flatMap((h) => (typeof h === 'string' ? [] : [describeHoliday(h)]))
  const dates = holidays.flatMap((h) => (typeof h === 'string' ? [dateText(h)] : []))
  if (holidays.length > 0) {
    const onDates = dates.length === 0 ? [] : [`${presets.length > 0 ? 'on ' : ''}${formatList(dates)}`]
    sentences.push(`Closed on ${formatList([...presets, ...onDates])}.`)
  }
  const overrides = Object.entries(calendar.overrides ?? {}).map(
    ([date, hours]) => `${dateText(date)} ${hours.length === 0 ? 'closed' : intervals(hours)}`,
  )
  if (overrides.length > 0) sentences.push(`Different hours: ${overrides.join('; ')}.`)
  return sentences.join(' ')
}

function describeWeek(week: CalendarSpec['week']): string {
  if (week === '24x7') return 'open around the clock, every day (24×7)'
  const groups: { days: string[]; hours: string }[] = []
  const closed: string[] = []
  for (const day of WEEK) {
    const spans = week[day] ?? []
    if (spans.length === 0) {
      closed.push(DAY_NAMES[day]!)
      continue
    }
    const hours = intervals(spans)
    const last = groups.at(-1)
    const previousDay = WEEK[WEEK.indexOf(day) - 1]
    if (last && last.hours === hours && last.days.at(-1) === DAY_NAMES[previousDay ?? '']) {
      last.days.push(DAY_NAMES[day]!)
    } else groups.push({ days: [DAY_NAMES[day]!], hours })
  }
  const open = groups.map(({ days, hours }) => `${dayRange(days)} ${hours}`)
  return [...open, ...(closed.length > 0 ? [`closed on ${formatList(closed)}`] : [])].join('; ')
}

function dayRange(days: string[]): string {
  if (days.length === 1) return days[0]!
  if (days.length === 2) return `${days[0]} and ${days[1]}`
  return `${days[0]} to ${days.at(-1)}`
}

function intervals(spans: readonly TimeInterval[]): string {
  return formatList(
    spans.map(([open, close]) => {
      if (open === '00:00' && close === '24:00') return 'all day'
      return close < open ? `${open}–${close} (next day)` : `${open}–${close}`
    }),
  )
}

function dateText(date: string): string {
  return /^\d{2}-\d{2}$/.test(date) ? `${formatMonthDay(date)} every year` : formatDate(date)
}

function describeHoliday(holiday: Exclude<HolidaySpec, string>): string {
  if ('icalendar' in holiday) return 'the dates of the attached iCalendar feed'
  const types = holiday.types ?? ['public', 'bank']
  return `${formatList(types)} holidays in ${placeName(holiday.country, holiday.region, holiday.subregion)}`
}

/** `GB`, `ENG` → `United Kingdom (England)`, from the same holiday data the engine uses. */
function placeName(country: string, region?: string, subregion?: string): string {
  const data = new Holidays()
  const code = country.toUpperCase()
  const countryName = data.getCountries('en')?.[code] ?? code
  if (region === undefined) return countryName
  const regionCode = region.toUpperCase()
  const regionName = data.getStates(code, 'en')?.[regionCode] ?? regionCode
  if (subregion === undefined) return `${countryName} (${regionName})`
  const subregionName = data.getRegions(code, regionCode, 'en')?.[subregion.toUpperCase()] ?? subregion
  return `${countryName} (${regionName}, ${subregionName})`
}
