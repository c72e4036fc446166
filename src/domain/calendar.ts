// The business-hours calendar engine. Every query is a binary search over the calendar's
// table of open intervals (see calendar-table.ts), extended a year at a time as queries reach
// further, so cost is O(log n) per query once the years in play are built.
import { AppError } from './app-error.ts'
import { type CalendarModel, type CalendarSpec, validateCalendar } from './calendar-spec.ts'
import { type CalendarTable, lowerBound, tableBuilder, upperBound } from './calendar-table.ts'
import type { Result } from './issues.ts'

export type Instant = Date | number
/** What a search looks for: time to count (add), or an edge of the open time. */
type Wanted = 'open time' | 'opening' | 'closing'

export type Calendar = {
  readonly timezone: string
  /** The instant at which `ms` of business time after `t` has passed (backward when negative). */
  add(t: Instant, ms: number): Date
  subtract(t: Instant, ms: number): Date
  /** Business time in [a, b), in ms; negative when b < a. */
  between(a: Instant, b: Instant): number
  isOpen(t: Instant): boolean
  /** `t` if open, else the next opening. */
  nextOpen(t: Instant): Date
  /** `t` if open, else the last closing at or before `t`. */
  previousClose(t: Instant): Date
  nextOpening(t: Instant): Date
  nextClosing(t: Instant): Date
  previousOpening(t: Instant): Date
  previousClosing(t: Instant): Date
  /** The open intervals clipped to [a, b). */
  periods(a: Instant, b: Instant): [Date, Date][]
}

/** Searches give up when a calendar has no open time this many years away. */
export const NO_OPEN_TIME_YEARS = 10
/** The furthest a query may reach from its starting instant. */
export const MAX_REACH_YEARS = 200
const MIN_YEAR = 1800
const MAX_YEAR = 9000
// Past this many years, a table starts afresh around the query instead of growing.
const MAX_TABLE_YEARS = 60
// The limits in milliseconds, in mean Gregorian years of 365.2425 days.
const YEAR = 31_556_952_000
const NO_OPEN_TIME = NO_OPEN_TIME_YEARS * YEAR
const MAX_REACH = MAX_REACH_YEARS * YEAR

export function parseCalendar(spec: unknown): Result<Calendar> {
  const model = validateCalendar(spec)
  return model.ok ? { ok: true, value: calendarFromModel(model.value) } : model
}

/** Builds a calendar, throwing an AppError that lists every problem when the spec is invalid. */
export function createCalendar(spec: CalendarSpec): Calendar {
  const result = parseCalendar(spec)
  if (!result.ok) throw new AppError('invalid_input', 'invalid calendar', result.issues)
  return result.value
}

export function calendarFromModel(model: CalendarModel): Calendar {
  const builder = tableBuilder(model, NO_OPEN_TIME)
  let table: CalendarTable | null = null

  function build(first: number, last: number): CalendarTable {
    if (first < MIN_YEAR || last > MAX_YEAR) {
      throw new AppError(
        'out_of_range',
        `calendar queries are limited to the years ${MIN_YEAR} to ${MAX_YEAR}`,
      )
    }
    table = builder.build(first, last)
    return table
  }

  /** A table exact on [a, b]. */
  function covering(a: number, b: number): CalendarTable {
    if (table && table.lo <= a && b < table.hi) return table
    const first = builder.yearOf(a)
    const last = builder.yearOf(b)
    if (table && Math.max(last, table.lastYear) - Math.min(first, table.firstYear) < MAX_TABLE_YEARS) {
      return build(Math.min(first, table.firstYear), Math.max(last, table.lastYear))
    }
    return build(first, last)
  }

  /**
   * The table extended by a year in a search's direction, once the search has found nothing in
   * `current`: its answer lies beyond the table's exact range, so at least that far from `from`.
   */
  function grow(from: number, direction: 1 | -1, current: CalendarTable, wanted: Wanted): CalendarTable {
    reached(current, from, direction > 0 ? current.hi : current.lo, wanted)
    const origin = builder.yearOf(from)
    const first = direction > 0 ? current.firstYear : current.firstYear - 1
    const last = direction > 0 ? current.lastYear + 1 : current.lastYear
    if (last - first < MAX_TABLE_YEARS) return build(first, last)
    return direction > 0 ? build(Math.min(origin, last), last) : build(first, Math.max(origin, first))
  }

  /**
   * `to`, reached by a search from `from`, unless it is out of reach. The limits are checked
   * against the answer (or the least distance it can be), never against how far a table
   * happens to reach: tables outlive the queries that built them, and whether a query fails
   * must not depend on what was asked before.
   */
  function reached(tb: CalendarTable, from: number, to: number, wanted: Wanted): number {
    const direction = to >= from ? 1 : -1
    const side = direction > 0 ? 'after' : 'before'
    const distance = Math.abs(to - from)
    const closure = longClosure(tb, Math.min(from, to), Math.max(from, to), direction)
    if (closure !== null) {
      throw new AppError(
        'no_open_time',
        `the calendar has no open time within ${NO_OPEN_TIME_YEARS} years ${side} ${iso(closure)}`,
      )
    }
    // An opening or a closing may never come: a 24×7 calendar never closes.
    if (wanted !== 'open time' && distance > NO_OPEN_TIME) {
      throw new AppError(
        'out_of_range',
        `the calendar has no ${wanted} within ${NO_OPEN_TIME_YEARS} years ${side} ${iso(from)}`,
      )
    }
    if (distance > MAX_REACH) {
      throw new AppError(
        'out_of_range',
        `the answer lies more than ${MAX_REACH_YEARS} years from ${iso(from)}`,
      )
    }
    return to
  }

  /**
   * Where a search crossing [a, b] in `direction` first meets a closed stretch longer than
   * NO_OPEN_TIME (the end of the stretch it meets first), or null. `tb` is exact on [a, b].
   */
  function longClosure(tb: CalendarTable, a: number, b: number, direction: 1 | -1): number | null {
    const { starts, ends, count, longGaps } = tb
    // The usual case: no long gap between intervals, none before the first or after the last.
    if (
      count > 0 &&
      longGaps.length === 0 &&
      starts[0]! - a <= NO_OPEN_TIME &&
      b - ends[count - 1]! <= NO_OPEN_TIME
    ) {
      return null
    }
    // The closed stretches within [a, b], clipped to it and in order: before the first interval
    // that ends after a, the long gaps between intervals, and after the last interval.
    const i = upperBound(ends, a)
    const stretches: [number, number][] = [[a, i < count ? Math.min(b, Math.max(a, starts[i]!)) : b]]
    for (let k = lowerBound(longGaps, i); k < longGaps.length && ends[longGaps[k]!]! < b; k++) {
      stretches.push([ends[longGaps[k]!]!, Math.min(b, starts[longGaps[k]! + 1]!)])
    }
    if (i < count) stretches.push([ends[count - 1]!, b])
    const long = stretches.filter(([start, end]) => end - start > NO_OPEN_TIME)
    if (long.length === 0) return null
    return direction > 0 ? long[0]![0] : long[long.length - 1]![1]
  }

  function cumAt(tb: CalendarTable, t: number): number {
    const i = upperBound(tb.starts, t) - 1
    if (i < 0) return 0
    return tb.cumStart[i]! + Math.min(t, tb.ends[i]!) - tb.starts[i]!
  }

  function isOpenAt(tb: CalendarTable, t: number): boolean {
    const i = upperBound(tb.starts, t) - 1
    return i >= 0 && t < tb.ends[i]!
  }

  function forward(t: number, ms: number): number {
    let tb = covering(t, t)
    for (;;) {
      const target = cumAt(tb, t) + ms
      const j = lowerBound(tb.cumEnd, target)
      if (j < tb.count) {
        const x = tb.starts[j]! + (target - tb.cumStart[j]!)
        if (x < tb.hi) return reached(tb, t, x, 'open time')
      }
      tb = grow(t, 1, tb, 'open time')
    }
  }

  function backward(t: number, ms: number): number {
    let tb = covering(t, t)
    for (;;) {
      const target = cumAt(tb, t) - ms
      const j = upperBound(tb.cumEnd, target)
      if (target >= 0 && j < tb.count) {
        const x = tb.starts[j]! + (target - tb.cumStart[j]!)
        if (x >= tb.lo) return reached(tb, t, x, 'open time')
      }
      tb = grow(t, -1, tb, 'open time')
    }
  }

  function nextOpeningAfter(t: number): number {
    let tb = covering(t, t)
    for (;;) {
      const j = upperBound(tb.starts, t)
      if (j < tb.count) return reached(tb, t, tb.starts[j]!, 'opening')
      tb = grow(t, 1, tb, 'opening')
    }
  }

  function nextClosingAfter(t: number): number {
    let tb = covering(t, t)
    for (;;) {
      const j = upperBound(tb.ends, t)
      if (j < tb.count && tb.ends[j]! < tb.hi) return reached(tb, t, tb.ends[j]!, 'closing')
      tb = grow(t, 1, tb, 'closing')
    }
  }

  function previousOpeningBefore(t: number): number {
    let tb = covering(t, t)
    for (;;) {
      const j = lowerBound(tb.starts, t) - 1
      if (j >= 0 && tb.starts[j]! >= tb.lo) return reached(tb, t, tb.starts[j]!, 'opening')
      tb = grow(t, -1, tb, 'opening')
    }
  }

  /** The last closing at (inclusive) or before (strict) t. */
  function previousClosingBefore(t: number, inclusive: boolean): number {
    let tb = covering(t, t)
    for (;;) {
      const j = (inclusive ? upperBound(tb.ends, t) : lowerBound(tb.ends, t)) - 1
      if (j >= 0 && tb.ends[j]! >= tb.lo) return reached(tb, t, tb.ends[j]!, 'closing')
      tb = grow(t, -1, tb, 'closing')
    }
  }

  function add(t: Instant, ms: number): Date {
    const from = instant(t, 't')
    checkDuration(ms)
    if (ms === 0) return new Date(isOpenAt(covering(from, from), from) ? from : nextOpeningAfter(from))
    return new Date(ms > 0 ? forward(from, ms) : backward(from, -ms))
  }

  return {
    timezone: model.timezone,
    add,
    subtract: (t, ms) => add(t, -checkDuration(ms)),
    between(a, b) {
      const from = instant(a, 'a')
      const to = instant(b, 'b')
      const tb = covering(Math.min(from, to), Math.max(from, to))
      return cumAt(tb, to) - cumAt(tb, from)
    },
    isOpen(t) {
      const at = instant(t, 't')
      return isOpenAt(covering(at, at), at)
    },
    nextOpen(t) {
      const at = instant(t, 't')
      return new Date(isOpenAt(covering(at, at), at) ? at : nextOpeningAfter(at))
    },
    previousClose(t) {
      const at = instant(t, 't')
      return new Date(isOpenAt(covering(at, at), at) ? at : previousClosingBefore(at, true))
    },
    nextOpening: (t) => new Date(nextOpeningAfter(instant(t, 't'))),
    nextClosing: (t) => new Date(nextClosingAfter(instant(t, 't'))),
    previousOpening: (t) => new Date(previousOpeningBefore(instant(t, 't'))),
    previousClosing: (t) => new Date(previousClosingBefore(instant(t, 't'), false)),
    periods(a, b) {
      const from = instant(a, 'a')
      const to = instant(b, 'b')
      if (to <= from) return []
      const tb = covering(from, to)
      const out: [Date, Date][] = []
      for (let i = Math.max(0, upperBound(tb.starts, from) - 1); i < tb.count && tb.starts[i]! < to; i++) {
        const start = Math.max(tb.starts[i]!, from)
        const end = Math.min(tb.ends[i]!, to)
        if (end > start) out.push([new Date(start), new Date(end)])
      }
      return out
    },
  }
}

function instant(t: Instant, name: string): number {
  const ms = typeof t === 'number' ? t : t instanceof Date ? t.getTime() : Number.NaN
  if (!Number.isSafeInteger(ms)) {
    throw new AppError(
      'invalid_input',
      `${name} must be a valid Date or a whole number of epoch milliseconds`,
    )
  }
  return ms
}

function checkDuration(ms: number): number {
  if (!Number.isSafeInteger(ms)) {
    throw new AppError(
      'invalid_input',
      `a duration must be a whole number of milliseconds, not ${String(ms)}`,
    )
  }
  return ms
}

function iso(t: number): string {
  return new Date(t).toISOString()
}
