// The calendar as plain data (the shape agreements use) and its validation into a model of
// minute spans per weekday, holiday sets and per-date overrides.
import { type HolidayPreset, type HolidayPresetSpec, resolveHolidayPreset } from './calendar-holidays.ts'
import { holidaysFromICalendar } from './ical-holidays.ts'
import { didYouMean, formatPath, type Issue, type PathSegment, type Result } from './issues.ts'
import { formatTimeOfDay, parseLocalDate, parseMonthDay, parseTimeOfDay, WEEKDAYS } from './local-date.ts'
import { canonicalTimeZone } from './time-zone.ts'

export type TimeInterval = readonly [string, string]
export type WeekSpec = '24x7' | { readonly [day: string]: readonly TimeInterval[] }
export type HolidaySpec = string | HolidayPresetSpec | { icalendar: string }
export type CalendarSpec = {
  timezone: string
  week: WeekSpec
  holidays?: readonly HolidaySpec[]
  overrides?: { readonly [date: string]: readonly TimeInterval[] }
  /** Agreements name their calendars; the engine ignores these. */
  id?: string
  name?: string
  description?: string
}

/** Minutes after the local midnight of the day it belongs to; `end` may pass midnight. */
export type Span = readonly [start: number, end: number]

export type CalendarModel = {
  timezone: string
  week: readonly (readonly Span[])[] // index 0 = Sunday
  holidays: ReadonlySet<number> // day numbers
  yearlyHolidays: ReadonlySet<number> // month × 100 + day
  presets: readonly HolidayPreset[]
  overrides: ReadonlyMap<number, readonly Span[]>
  yearlyOverrides: ReadonlyMap<number, readonly Span[]>
}

const CALENDAR_KEYS = ['timezone', 'week', 'holidays', 'overrides', 'id', 'name', 'description']
const ALWAYS: readonly Span[] = [[0, 1440]]

export function validateCalendar(input: unknown): Result<CalendarModel> {
  const issues: Issue[] = []
  if (!isRecord(input)) {
    return {
      ok: false,
      issues: [{ path: [], message: 'a calendar must be an object with timezone and week' }],
    }
  }
  for (const key of Object.keys(input)) {
    if (!CALENDAR_KEYS.includes(key)) {
      issues.push({ path: [key], message: `unknown key "${key}"`, hint: didYouMean(key, CALENDAR_KEYS) })
    }
  }
  const timezone = checkTimeZone(input.timezone, issues)
  const week = checkWeek(input.week, issues)
  const { holidays, yearlyHolidays, presets } = checkHolidays(input.holidays, timezone, issues)
  const { overrides, yearlyOverrides } = checkOverrides(input.overrides, issues)
  const everOpen =
    week.some((d) => d.length > 0) ||
    [...overrides.values(), ...yearlyOverrides.values()].some((d) => d.length > 0)
  if (input.week !== undefined && issues.length === 0 && !everOpen) {
    issues.push({
      path: ['week'],
      message: 'the calendar is never open',
      hint: 'give at least one weekday some hours',
    })
  }
  if (issues.length > 0 || timezone === null) return { ok: false, issues }
  return {
    ok: true,
    value: { timezone, week, holidays, yearlyHolidays, presets, overrides, yearlyOverrides },
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function checkTimeZone(value: unknown, issues: Issue[]): string | null {
  if (value === undefined) {
    issues.push({
      path: ['timezone'],
      message: 'is required',
      hint: 'an IANA time zone such as "Europe/London"',
    })
    return null
  }
  const zone = typeof value === 'string' ? canonicalTimeZone(value) : null
  if (zone === null) {
    issues.push({
      path: ['timezone'],
      message: `${JSON.stringify(value)} is not an IANA time zone`,
      hint: typeof value === 'string' ? didYouMean(value, Intl.supportedValuesOf('timeZone')) : undefined,
    })
  }
  return zone
}

function checkWeek(value: unknown, issues: Issue[]): Span[][] {
  const week: Span[][] = WEEKDAYS.map(() => [])
  if (value === '24x7') return WEEKDAYS.map(() => [...ALWAYS])
  if (value === undefined) {
    issues.push({
      path: ['week'],
      message: 'is required',
      hint: 'weekday hours such as { mon: [["09:00", "17:00"]] }, or "24x7"',
    })
    return week
  }
  if (!isRecord(value)) {
    issues.push({
      path: ['week'],
      message: 'must be "24x7" or hours per weekday',
      hint: 'e.g. { mon: [["09:00", "17:00"]] }',
    })
    return week
  }
  for (const [day, intervals] of Object.entries(value)) {
    const index = WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number])
    if (index < 0) {
      issues.push({
        path: ['week', day],
        message: `unknown weekday "${day}"`,
        hint: didYouMean(day, WEEKDAYS) ?? `weekdays are ${WEEKDAYS.join(', ')}`,
      })
      continue
    }
    week[index] = checkSpans(intervals, ['week', day], issues)
  }
  // An overnight span must not run into the next day's own hours.
  for (let d = 0; d < 7; d++) {
    const next = (d + 1) % 7
    for (const [i, span] of week[d]!.entries()) {
      if (span[1] <= 1440) continue
      const j = week[next]!.findIndex((s) => s[0] < span[1] - 1440)
      if (j >= 0) {
        issues.push({
          path: ['week', WEEKDAYS[d]!, i],
          message: `${describe(span)} runs past midnight into ${WEEKDAYS[next]} and overlaps week.${WEEKDAYS[next]}[${j}] ${describe(week[next]![j]!)}`,
        })
      }
    }
  }
  return week
}

function checkSpans(value: unknown, path: PathSegment[], issues: Issue[]): Span[] {
  if (!Array.isArray(value)) {
    issues.push({
      path,
      message: 'must be a list of [open, close] pairs',
      hint: 'e.g. [["09:00", "17:00"]]; [] for closed',
    })
    return []
  }
  const spans: { span: Span; index: number }[] = []
  value.forEach((interval, index) => {
    const here = [...path, index]
    if (!Array.isArray(interval) || interval.length !== 2) {
      issues.push({ path: here, message: 'must be a pair [open, close]', hint: 'e.g. ["09:00", "17:00"]' })
      return
    }
    const [openText, closeText] = interval
    const open = typeof openText === 'string' ? parseTimeOfDay(openText) : null
    const close = typeof closeText === 'string' ? parseTimeOfDay(closeText) : null
    let bad = false
    for (const [text, minutes] of [
      [openText, open],
      [closeText, close],
    ] as const) {
      if (minutes === null) {
        issues.push({
          path: here,
          message: `${JSON.stringify(text)} is not a time of day (HH:MM, 00:00 to 24:00)`,
        })
        bad = true
      }
    }
    if (bad || open === null || close === null) return
    if (open === 1440) {
      issues.push({
        path: here,
        message: '"24:00" can only close an interval',
        hint: 'use "00:00" to open at midnight',
      })
    } else if (open === close) {
      issues.push({
        path: here,
        message: `the interval is empty (${openText} to ${closeText})`,
        hint: 'use "00:00"–"24:00" for a whole day',
      })
    } else {
      // A close before the open runs past midnight and belongs to the day it opens.
      spans.push({ span: [open, close < open ? close + 1440 : close], index })
    }
  })
  const sorted = [...spans].sort((a, b) => a.span[0] - b.span[0] || a.index - b.index)
  // Each interval is checked against the one reaching furthest among those opening before it
  // (not only its neighbour: 09:00–17:00 overlaps both 10:00–11:00 and 12:00–13:00), and the
  // issue sits on the later-listed of the two.
  let reaching = sorted[0]
  for (const cur of sorted.slice(1)) {
    if (reaching && cur.span[0] < reaching.span[1]) {
      const [first, second] = cur.index < reaching.index ? [cur, reaching] : [reaching, cur]
      issues.push({
        path: [...path, second.index],
        message: `${describe(second.span)} overlaps ${formatPath([...path, first.index])} ${describe(first.span)}`,
      })
    }
    if (!reaching || cur.span[1] > reaching.span[1]) reaching = cur
  }
  return sorted.map((s) => s.span)
}

function describe(span: Span): string {
  return `${formatTimeOfDay(span[0])}–${span[1] === 1440 ? '24:00' : formatTimeOfDay(span[1] % 1440)}`
}

function checkHolidays(value: unknown, timezone: string | null, issues: Issue[]) {
  const holidays = new Set<number>()
  const yearlyHolidays = new Set<number>()
  const presets: HolidayPreset[] = []
  if (value === undefined) return { holidays, yearlyHolidays, presets }
  if (!Array.isArray(value)) {
    issues.push({
      path: ['holidays'],
      message: 'must be a list',
      hint: 'e.g. ["2026-12-25", "01-01", { country: "GB" }]',
    })
    return { holidays, yearlyHolidays, presets }
  }
  value.forEach((item, index) => {
    const path = ['holidays', index]
    if (typeof item === 'string') {
      const day = parseLocalDate(item)
      const monthDay = day === null ? parseMonthDay(item) : null
      if (day !== null) holidays.add(day)
      else if (monthDay !== null) yearlyHolidays.add(monthDay)
      else
        issues.push({
          path,
          message: `"${item}" is not a date`,
          hint: 'YYYY-MM-DD for one date, MM-DD for every year',
        })
    } else if (isRecord(item) && 'icalendar' in item) {
      if (typeof item.icalendar !== 'string') {
        issues.push({ path: [...path, 'icalendar'], message: 'must be the text of an iCalendar (.ics) feed' })
        return
      }
      if (timezone === null) return
      const parsed = holidaysFromICalendar(item.icalendar, timezone)
      if (!parsed.ok) {
        for (const issue of parsed.issues)
          issues.push({ ...issue, path: [...path, 'icalendar', ...issue.path] })
      } else {
        for (const d of parsed.value.dates) holidays.add(d)
      }
    } else if (isRecord(item) && 'country' in item) {
      const { preset, issues: found } = resolveHolidayPreset(item as HolidayPresetSpec, path)
      issues.push(...found)
      if (preset) presets.push(preset)
    } else {
      issues.push({
        path,
        message: 'must be a date, a public-holiday preset or an iCalendar feed',
        hint: '"2026-12-25", "01-01", { country: "GB", region: "ENG" } or { icalendar: "BEGIN:VCALENDAR…" }',
      })
    }
  })
  return { holidays, yearlyHolidays, presets }
}

function checkOverrides(value: unknown, issues: Issue[]) {
  const overrides = new Map<number, Span[]>()
  const yearlyOverrides = new Map<number, Span[]>()
  if (value === undefined) return { overrides, yearlyOverrides }
  if (!isRecord(value)) {
    issues.push({
      path: ['overrides'],
      message: 'must map dates to hours',
      hint: 'e.g. { "2026-12-24": [["08:00", "12:00"]], "12-31": [] }',
    })
    return { overrides, yearlyOverrides }
  }
  for (const [date, intervals] of Object.entries(value)) {
    const path = ['overrides', date]
    const day = parseLocalDate(date)
    const monthDay = day === null ? parseMonthDay(date) : null
    if (day === null && monthDay === null) {
      issues.push({
        path,
        message: `"${date}" is not a date`,
        hint: 'YYYY-MM-DD for one date, MM-DD for every year',
      })
      continue
    }
    const spans = checkSpans(intervals, path, issues)
    if (day !== null) overrides.set(day, spans)
    else yearlyOverrides.set(monthDay!, spans)
  }
  return { overrides, yearlyOverrides }
}
