// Measuring one objective over October 2026 (UTC) in a line, for table tests.
import { type AvailabilityFigures, measureAvailability } from '../measure.ts'
import type { AvailabilityObjective } from '../objective-rules.ts'
import { calendarPeriod } from '../reporting-period.ts'
import type { Span } from '../span-set.ts'
import type { StatusInterval } from '../status-intervals.ts'
import { at, rulesFor, runs } from './objective.ts'

export const MIN = 60_000
export const HOUR = 60 * MIN
export const DAY = 24 * HOUR
export const OCTOBER = calendarPeriod({ year: 2026, month: 10, months: 1 }, 'UTC')

export function measure(
  fields: Partial<AvailabilityObjective>,
  intervals: StatusInterval[],
  options: { period?: Span; maintenance?: Span[] } = {},
): AvailabilityFigures {
  return measureAvailability({
    rules: rulesFor(fields),
    period: options.period ?? OCTOBER,
    intervals,
    maintenance: options.maintenance ?? [],
  })
}

export const span = (from: string, to: string): Span => ({ start: at(from), end: at(to) })

/** The incidents as [start, end] ISO strings. */
export const incidents = (f: AvailabilityFigures) =>
  f.incidents.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()])

/** The API is up from before October to after it, but for one outage. */
export const outage = (from: string, to: string, component = 'api') =>
  runs(component, '2026-09-30T00:00Z', ['up', from], ['down', to], ['up', '2026-12-02T00:00Z'])
