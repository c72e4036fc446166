// Precomputed open intervals of a calendar as instants, with cumulative business time, so
// that every query is a binary search. Intervals are built per local year (and cached), then
// merged into one table covering a contiguous range of years.
//
// Exactness: a table built for years [first, last] holds every interval of the local dates
// from Dec 31 of first − 1 to Dec 31 of last. Intervals of dates outside end before `lo`
// (the instant of first-01-01 00:00) or start at or after `hi` (last+1-01-01 00:00), so on
// [lo, hi) the table is exact; an opening at or after `lo` and a closing before `hi` are real.
import type { CalendarModel, Span } from './calendar-spec.ts'
import { civilDate, dayNumber } from './local-date.ts'
import { DAY, fromLocal, MINUTE, toLocal } from './time-zone.ts'

export type CalendarTable = {
  firstYear: number
  lastYear: number
  lo: number
  hi: number
  count: number
  starts: Float64Array
  ends: Float64Array
  /** Business time before interval i, counted from the table's first interval. */
  cumStart: Float64Array
  cumEnd: Float64Array
  /** Indices i whose closed stretch before interval i + 1 is longer than the builder's `longGap`. */
  longGaps: Float64Array
}

type Intervals = { starts: number[]; ends: number[] }

export type TableBuilder = {
  build(firstYear: number, lastYear: number): CalendarTable
  yearOf(t: number): number
}

export function tableBuilder(model: CalendarModel, longGap: number): TableBuilder {
  const years = new Map<number, Intervals>()

  function spansOf(day: number): readonly Span[] {
    const { year, month, day: dom, weekday } = civilDate(day)
    const monthDay = month * 100 + dom
    const override = model.overrides.get(day) ?? model.yearlyOverrides.get(monthDay)
    if (override) return override
    const holiday =
      model.holidays.has(day) ||
      model.yearlyHolidays.has(monthDay) ||
      model.presets.some((p) => p.datesOfYear(year).has(day))
    return holiday ? [] : model.week[weekday]!
  }

  function addDay(day: number, out: Intervals): void {
    const midnight = day * DAY
    for (const [open, close] of spansOf(day)) {
      const start = fromLocal(model.timezone, midnight + open * MINUTE)
      const end = fromLocal(model.timezone, midnight + close * MINUTE)
      // A span that opens in a spring-forward gap and closes before the reading the gap moves
      // its opening to has no time at all.
      if (end <= start) continue
      // That move can also carry an opening past the next span's opening ([02:10, 02:40) is
      // 03:10–03:40 and comes after [03:00, 04:00)), so each goes in at its place by start:
      // the merge needs them ordered.
      let i = out.starts.length
      while (i > 0 && out.starts[i - 1]! > start) i--
      out.starts.splice(i, 0, start)
      out.ends.splice(i, 0, end)
    }
  }

  function yearIntervals(year: number): Intervals {
    let found = years.get(year)
    if (!found) {
      found = { starts: [], ends: [] }
      const last = dayNumber(year + 1, 1, 1)
      for (let day = dayNumber(year, 1, 1); day < last; day++) addDay(day, found)
      years.set(year, found)
    }
    return found
  }

  function build(firstYear: number, lastYear: number): CalendarTable {
    const margin: Intervals = { starts: [], ends: [] }
    addDay(dayNumber(firstYear, 1, 1) - 1, margin)
    const parts = [margin]
    for (let y = firstYear; y <= lastYear; y++) parts.push(yearIntervals(y))
    const total = parts.reduce((n, p) => n + p.starts.length, 0)
    const starts = new Float64Array(total)
    const ends = new Float64Array(total)
    let count = 0
    // Intervals arrive ordered by start; overlapping and adjacent ones merge.
    for (const part of parts) {
      for (let i = 0; i < part.starts.length; i++) {
        const start = part.starts[i]!
        const end = part.ends[i]!
        if (count > 0 && start <= ends[count - 1]!) {
          if (end > ends[count - 1]!) ends[count - 1] = end
        } else {
          starts[count] = start
          ends[count] = end
          count++
        }
      }
    }
    const cumStart = new Float64Array(count)
    const cumEnd = new Float64Array(count)
    const longGaps: number[] = []
    let sum = 0
    for (let i = 0; i < count; i++) {
      cumStart[i] = sum
      sum += ends[i]! - starts[i]!
      cumEnd[i] = sum
      if (i + 1 < count && starts[i + 1]! - ends[i]! > longGap) longGaps.push(i)
    }
    return {
      firstYear,
      lastYear,
      lo: fromLocal(model.timezone, dayNumber(firstYear, 1, 1) * DAY),
      hi: fromLocal(model.timezone, dayNumber(lastYear + 1, 1, 1) * DAY),
      count,
      starts: starts.subarray(0, count),
      ends: ends.subarray(0, count),
      cumStart,
      cumEnd,
      longGaps: Float64Array.from(longGaps),
    }
  }

  function yearOf(t: number): number {
    return civilDate(Math.floor(toLocal(model.timezone, t) / DAY)).year
  }

  return { build, yearOf }
}

/** First index in [0, n) whose value is greater than x (n if none). */
export function upperBound(values: Float64Array, x: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid]! > x) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** First index in [0, n) whose value is at least x (n if none). */
export function lowerBound(values: Float64Array, x: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid]! >= x) hi = mid
    else lo = mid + 1
  }
  return lo
}
