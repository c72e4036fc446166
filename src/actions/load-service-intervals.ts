// A service's stored status intervals as the availability measure reads them: one stream per
// monitor, as known at an instant. A probe's latest result vouches for its status only until
// its hold runs out, and nothing holds past the instant asked about.
import type { Span } from '../domain/availability/span-set.ts'
import type { StatusInterval } from '../domain/availability/status-intervals.ts'
import { runsAsOf } from '../domain/status-runs.ts'
import { allIntervalsBetween } from '../storage/status-intervals.ts'
import type { Deps } from './deps.ts'
import { runOf } from './record-status.ts'

export async function loadServiceIntervals(
  deps: Deps,
  customerId: string,
  service: string,
  range: Span,
  asOf: number,
): Promise<StatusInterval[]> {
  const end = Math.min(range.end, asOf)
  if (end <= range.start) return []
  const rows = await allIntervalsBetween(deps.db, customerId, service, new Date(range.start), new Date(end))
  return rows.flatMap((row) =>
    runsAsOf([runOf(row)], asOf).flatMap((run) => {
      const until = Math.min(run.end ?? asOf, asOf)
      if (until <= run.start) return []
      return [
        { component: row.component, stream: row.source, status: run.status, start: run.start, end: until },
      ]
    }),
  )
}
