// A service's recent history for a status page: per local day in its objective's zone (so a
// day with a clock change lasts 23 or 25 hours), the day's figures and what to draw, plus the
// figures and incidents of the whole stretch. A status page shows what was observed, so time
// without data is always left out here (noData: exclude), whatever the objective says: a day
// nobody watched is drawn as no data, never as up and never as an outage. The objective's own
// policy governs its period figures (measureObjective), not this picture.
import { formatLocalDate } from '../local-date.ts'
import { DAY, fromLocal, toLocal } from '../time-zone.ts'
import { type AvailabilityFigures, measureAvailability, serviceSpans } from './measure.ts'
import type { ObjectiveRules } from './objective-rules.ts'
import type { Span } from './span-set.ts'
import type { Status, StatusInterval } from './status-intervals.ts'

/** A local calendar day as real time: `date` is `YYYY-MM-DD` on the zone's wall calendar. */
export type Day = Span & { date: string }

/**
 * What a day's bar says, worst first: some downtime counted; degraded but never down; no data
 * at all; nothing but maintenance; up whenever anyone looked, with gaps; up all day.
 */
export type DayState = 'down' | 'degraded' | 'no-data' | 'maintenance' | 'partial' | 'up'

export type DayFigures = Day & { state: DayState; figures: AvailabilityFigures }

export type ServiceHistory = {
  days: DayFigures[]
  /** The whole stretch: its uptime, and its incidents unbroken by day boundaries. */
  overall: AvailabilityFigures
  /** The service's status just before `asOf`: unknown when nothing vouches for it. */
  current: Status
}

export type HistoryInput = {
  rules: ObjectiveRules
  /** The service's intervals over `historyRange`, as known at `asOf`. */
  intervals: readonly StatusInterval[]
  /** Its qualifying maintenance. */
  maintenance: readonly Span[]
  asOf: number
  /** How many days, today (cut at `asOf`) included. */
  count: number
}

/** The `count` local days in `timeZone` up to the one `asOf` falls in (cut at `asOf`), oldest first. */
export function localDays(timeZone: string, asOf: number, count: number): Day[] {
  const today = Math.floor(toLocal(timeZone, asOf) / DAY)
  const days: Day[] = []
  for (let d = today - count + 1; d <= today; d++) {
    const end = Math.min(fromLocal(timeZone, (d + 1) * DAY), asOf)
    days.push({ date: formatLocalDate(d), start: fromLocal(timeZone, d * DAY), end })
  }
  return days
}

/** The stretch of data a history needs: down stretches are judged past its first edge. */
export function historyRange(rules: ObjectiveRules, asOf: number, count: number): Span {
  const first = localDays(rules.timeZone, asOf, count)[0]!
  return { start: first.start - rules.minimumMs, end: asOf }
}

export function serviceHistory(input: HistoryInput): ServiceHistory {
  const rules: ObjectiveRules = { ...input.rules, noData: 'exclude' }
  const days = localDays(rules.timeZone, input.asOf, input.count)
  const measure = (period: Span, intervals: readonly StatusInterval[]) =>
    measureAvailability({ rules, period, intervals, maintenance: input.maintenance })
  const last = serviceSpans(rules, input.intervals, { start: input.asOf - 1, end: input.asOf })
  return {
    days: days.map((day) => {
      const figures = measure(day, near(input.intervals, day, rules.minimumMs))
      return { ...day, state: dayState(figures, day.end - day.start), figures }
    }),
    overall: measure({ start: days[0]!.start, end: input.asOf }, input.intervals),
    current: last[0]?.status ?? 'unknown',
  }
}

/** A day's figures (measured without no-data time) as the state its bar shows. */
export function dayState(f: AvailabilityFigures, lengthMs: number): DayState {
  if (f.downMs > 0) return 'down'
  if (f.degradedMs > 0) return 'degraded'
  if (f.eligibleMs === 0)
    return f.maintenanceMs > 0 && f.maintenanceMs === lengthMs ? 'maintenance' : 'no-data'
  return f.unknownMs > 0 ? 'partial' : 'up'
}

// Only intervals that reach the day, or the stretch a minimum looks past its edges, matter;
// a later interval of a stream cuts an earlier one only from its own start on.
function near(intervals: readonly StatusInterval[], day: Span, reachMs: number): StatusInterval[] {
  const [start, end] = [day.start - reachMs, day.end + reachMs]
  return intervals.filter((i) => i.end > start && i.start < end)
}
