// The stretch of real time an objective is measured over: a calendar month or quarter in the
// objective's zone (so a month with a clock change is an hour longer or shorter), or a
// rolling window of fixed length ending at a given instant.
import { dayNumber, pad2 } from '../local-date.ts'
import { DAY, fromLocal, toLocal } from '../time-zone.ts'
import type { ObjectiveRules } from './objective-rules.ts'
import type { Span } from './span-set.ts'

/** A calendar month (`2026-10`) or quarter (`2026-Q4`), by its first month and its length. */
export type PeriodLabel = { year: number; month: number; months: 1 | 3 }

export function parsePeriodLabel(text: string): PeriodLabel | null {
  const month = /^(\d{4})-(\d{2})$/.exec(text.trim())
  if (month) {
    const m = Number(month[2])
    return m >= 1 && m <= 12 ? { year: Number(month[1]), month: m, months: 1 } : null
  }
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text.trim())
  return quarter ? { year: Number(quarter[1]), month: Number(quarter[2]) * 3 - 2, months: 3 } : null
}

export function formatPeriodLabel(label: PeriodLabel): string {
  return label.months === 3 ? `${label.year}-Q${(label.month + 2) / 3}` : `${label.year}-${pad2(label.month)}`
}

/** From local midnight on the first day to local midnight on the first day after, in `timeZone`. */
export function calendarPeriod(label: PeriodLabel, timeZone: string): Span {
  const next = label.month - 1 + label.months
  const start = dayNumber(label.year, label.month, 1) * DAY
  const end = dayNumber(label.year + Math.floor(next / 12), (next % 12) + 1, 1) * DAY
  return { start: fromLocal(timeZone, start), end: fromLocal(timeZone, end) }
}

/** The month or quarter, in `timeZone`, that instant `t` falls in. */
export function labelAt(months: 1 | 3, t: number, timeZone: string): PeriodLabel {
  const local = new Date(toLocal(timeZone, t))
  const month = local.getUTCMonth() + 1
  return { year: local.getUTCFullYear(), month: month - ((month - 1) % months), months }
}

/** The `windowMs` of real time up to `at`. */
export function rollingPeriod(windowMs: number, at: number): Span {
  return { start: at - windowMs, end: at }
}

/** Which period to measure, as known at `asOf`: nothing after it has happened yet. */
export type PeriodChoice = { label: PeriodLabel | null; asOf: number }

/**
 * A calendar objective: the month or quarter `label` names (else the objective's own kind of
 * period that `asOf` falls in), cut short at `asOf` while it is still running. A rolling
 * objective: its window, ending at `asOf` or at the end of `label` if that is earlier.
 */
export function objectivePeriod(rules: ObjectiveRules, choice: PeriodChoice): Span {
  const { label, asOf } = choice
  if (rules.period === 'rolling') {
    const end = label === null ? asOf : Math.min(asOf, calendarPeriod(label, rules.timeZone).end)
    return rollingPeriod(rules.windowMs!, end)
  }
  const months = rules.period === 'quarter' ? 3 : 1
  const period = calendarPeriod(label ?? labelAt(months, asOf, rules.timeZone), rules.timeZone)
  return { start: period.start, end: Math.max(period.start, Math.min(period.end, asOf)) }
}
