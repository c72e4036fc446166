// The period credits are computed for, what the monthly fee is worth over it, and the last day
// a claim for it may be made. A fee is charged by the calendar month, so a period is prorated
// month by month: each month it touches contributes fee × (time of the period in that month) /
// (that month's length). A whole month is worth the fee, a whole quarter exactly three fees
// (92 days or 90), and a ten-day stretch of September a third of one.
import { calendarPeriod, labelAt, type PeriodLabel } from '../availability/reporting-period.ts'
import type { Span } from '../availability/span-set.ts'
import { formatLocalDate } from '../local-date.ts'
import { addPeriodToInstant, parsePeriod } from '../period.ts'
import { DAY, toLocal } from '../time-zone.ts'
import { add, mul, type Ratio, ratio, ZERO } from './rational.ts'

export type CreditPeriod = Span & {
  /** The zone whose calendar months the fee is charged by, and claim dates are written in. */
  timeZone: string
  /** Every calendar month the period touches, whole, in order. */
  months: readonly Span[]
}

/**
 * The period `[start, end)` in `timeZone`: a month or quarter (`calendarPeriod(label, zone)`)
 * or any stretch, such as the part of a month an agreement version was in force.
 */
export function creditPeriod(span: Span, timeZone: string): CreditPeriod {
  if (!(span.end > span.start)) throw new RangeError('a credit period must end after it starts')
  const months: Span[] = []
  let label: PeriodLabel = labelAt(1, span.start, timeZone)
  for (let month = calendarPeriod(label, timeZone); month.start < span.end; ) {
    months.push(month)
    label =
      label.month === 12 ? { ...label, year: label.year + 1, month: 1 } : { ...label, month: label.month + 1 }
    month = calendarPeriod(label, timeZone)
  }
  return { start: span.start, end: span.end, timeZone, months }
}

/** The monthly fee prorated over the period by time, month by month; exact. */
export function proratedFee(monthlyFee: Ratio, period: CreditPeriod): Ratio {
  return period.months.reduce((sum, month) => {
    const overlap = Math.min(month.end, period.end) - Math.max(month.start, period.start)
    return add(sum, mul(monthlyFee, ratio(overlap, month.end - month.start)))
  }, ZERO)
}

/**
 * The last local date on which a claim may be made: the date of the window's last instant. The
 * window runs from the period's end on the calendar of the period's zone, so P15D after October
 * closes at midnight starting 16 November and the last day is 15 November.
 */
export function claimBy(period: CreditPeriod, claimWindow: string | undefined): string | null {
  if (claimWindow === undefined) return null
  const window = parsePeriod(claimWindow)
  if (window === null) throw new RangeError(`not a claim window: ${claimWindow}`)
  const closes = addPeriodToInstant(period.end, window, period.timeZone)
  return formatLocalDate(Math.floor(toLocal(period.timeZone, closes - 1) / DAY))
}
