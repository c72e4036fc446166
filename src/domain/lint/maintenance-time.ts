// How much maintenance a period of an availability objective surely contains: a lower bound,
// so that a rule built on it does not claim an objective is unmeetable when it is not.
//
// Approximations that can only lower the bound:
// - An RRULE is read for FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYHOUR and BYMINUTE only. A rule
//   with COUNT or UNTIL (it ends), or with BYSETPOS, BYMONTH, BYWEEKNO or BYYEARDAY (it skips
//   periods), counts as no occurrences; so do YEARLY and anything finer than HOURLY.
// - Occurrences are counted in the shortest period (a month of 28 days, a quarter of 90):
//   a stretch of D days holds at least ⌊D / (7 × INTERVAL)⌋ whole weekly cycles. A monthly
//   BYDAY with an ordinal of 5 may not exist in a month and counts as none; BYMONTHDAY 29–31
//   likewise. One-off windows add only the longest of them (it falls in some period).
// Approximations that could raise it, in cases maintenance calendars do not have: windows of
// one service are assumed not to overlap; an occurrence that runs past the end of a period
// counts whole; a monthly rule with neither BYDAY nor BYMONTHDAY (its day comes from DTSTART,
// which may be the 29th–31st) is taken to fall once a month; and the windows' time zone is
// not compared with the objective's.
import { formatDuration } from '../duration.ts'
import { DAY } from '../time-zone.ts'
import { durationMs, type Spec } from './facts.ts'

type Objective = NonNullable<Spec['availability']>[number]
type Window = NonNullable<Spec['maintenance']>[number]

export type PeriodShape = {
  /** Days in the shortest such period. */
  shortestDays: number
  /** Whole calendar months any such period contains. */
  months: number
  /** `a month`, `a quarter`, `each rolling 30d`. */
  label: string
}

export function periodShape(objective: Objective): PeriodShape | undefined {
  if (objective.period === 'month') return { shortestDays: 28, months: 1, label: 'a month' }
  if (objective.period === 'quarter') return { shortestDays: 90, months: 3, label: 'a quarter' }
  if (objective.window === undefined) return undefined
  const days = Math.floor(durationMs(objective.window) / DAY)
  // The first whole month of a stretch starts within 30 days; each one after takes 31 at most.
  const months = Math.max(0, Math.floor((days - 30) / 31))
  return { shortestDays: days, months, label: `each rolling ${formatDuration(durationMs(objective.window))}` }
}

const WEEKDAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/
const SKIPPING = ['COUNT', 'UNTIL', 'BYSETPOS', 'BYMONTH', 'BYWEEKNO', 'BYYEARDAY']

/** At least how many times a recurring window starts in any period of this shape. */
export function leastOccurrences(rrule: string, shape: PeriodShape): number {
  const parts = new Map(
    rrule.split(';').map((p) => {
      const [k = '', v = ''] = p.split('=')
      return [k.trim().toUpperCase(), v.trim().toUpperCase()] as const
    }),
  )
  if (SKIPPING.some((k) => parts.has(k))) return 0
  const interval = Number(parts.get('INTERVAL') ?? '1')
  if (!Number.isInteger(interval) || interval < 1) return 0
  const list = (key: string) => (parts.get(key) ?? '').split(',').filter((v) => v !== '')
  const [byDay, byMonthDay] = [list('BYDAY'), list('BYMONTHDAY')]
  const perDay = Math.max(1, list('BYHOUR').length) * Math.max(1, list('BYMINUTE').length)
  const days = shape.shortestDays
  switch (parts.get('FREQ')) {
    case 'HOURLY':
      return parts.has('BYDAY') || parts.has('BYHOUR') || byMonthDay.length > 0
        ? 0
        : Math.floor((days * 24) / interval)
    case 'DAILY':
      if (byMonthDay.length > 0 || (byDay.length > 0 && interval > 1)) return 0
      return byDay.length > 0
        ? Math.floor(days / 7) * byDay.length * perDay
        : Math.floor(days / interval) * perDay
    case 'WEEKLY':
      return byMonthDay.length > 0
        ? 0
        : Math.floor(days / (7 * interval)) * Math.max(1, byDay.length) * perDay
    case 'MONTHLY':
      return Math.floor(shape.months / interval) * perMonth(byDay, byMonthDay) * perDay
    default:
      return 0
  }
}

function perMonth(byDay: string[], byMonthDay: string[]): number {
  if (byDay.length > 0 && byMonthDay.length > 0) return 0
  if (byMonthDay.length > 0)
    return byMonthDay.filter((d) => Math.abs(Number(d)) >= 1 && Math.abs(Number(d)) <= 28).length
  if (byDay.length === 0) return 1
  return byDay.reduce((n, d) => {
    const m = WEEKDAY.exec(d)
    if (!m) return n
    if (m[1] === undefined) return n + 4
    return n + (Math.abs(Number(m[1])) >= 1 && Math.abs(Number(m[1])) <= 4 ? 1 : 0)
  }, 0)
}

export type MaintenanceShare = { window: Window; index: number; occurrences: number; totalMs: number }

/** The least maintenance time of each window covering the objective's service in one period. */
export function leastMaintenance(spec: Spec, objective: Objective, shape: PeriodShape): MaintenanceShare[] {
  const windows = (spec.maintenance ?? [])
    .map((window, index) => ({ window, index }))
    .filter(({ window }) => window.services.includes(objective.service))
  const recurring = windows
    .filter(({ window }) => window.rrule !== undefined)
    .map(({ window, index }) => {
      const occurrences = leastOccurrences(window.rrule!, shape)
      return { window, index, occurrences, totalMs: occurrences * durationMs(window.duration) }
    })
  const oneOff = windows
    .filter(({ window }) => window.start !== undefined)
    .map(({ window, index }) => ({ window, index, occurrences: 1, totalMs: durationMs(window.duration) }))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, 1)
  return [...recurring, ...oneOff].filter((s) => s.totalMs > 0)
}
