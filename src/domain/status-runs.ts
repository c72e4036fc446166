// A monitor's reports as run-length intervals: a status holds from its report until the next
// report that says otherwise, or, for a probe, until its result stops vouching for it (its
// interval plus a grace), after which the time is unknown. Instants are epoch ms; intervals are
// half-open [start, end), and the latest one is open (end null).
import type { ServiceStatus } from './status-events.ts'

export type StatusRun = {
  status: ServiceStatus
  start: number
  end: number | null
  /** Until when the latest report vouches for the status; null: until the next report. */
  holdsUntil: number | null
}

export type StatusReport = { at: number; status: ServiceStatus; holdsUntil: number | null }

/**
 * Folds reports, in time order, onto `seed` (the run in force before the first report, if
 * any). A report earlier than the run it follows counts from that run's start: a probe's
 * confirmed outage dates from its first failed check, which may precede a takeover.
 */
export function foldReports(seed: StatusRun | null, reports: readonly StatusReport[]): StatusRun[] {
  const runs: StatusRun[] = []
  let current: StatusRun | null = seed && { ...seed, end: null }
  for (const report of reports) {
    const at = current ? Math.max(report.at, current.start) : report.at
    if (current?.holdsUntil != null && at > current.holdsUntil) {
      runs.push({ ...current, end: current.holdsUntil })
      current = { status: 'unknown', start: current.holdsUntil, end: null, holdsUntil: null }
    }
    if (current?.status === report.status) {
      current.holdsUntil = report.holdsUntil
      continue
    }
    if (current) runs.push({ ...current, end: at })
    current = { status: report.status, start: at, end: null, holdsUntil: report.holdsUntil }
  }
  if (current) runs.push(current)
  return mergeRuns(runs)
}

/** Drops empty runs (two reports at one instant: the later wins) and joins equal neighbours. */
export function mergeRuns(runs: readonly StatusRun[]): StatusRun[] {
  const out: StatusRun[] = []
  for (const run of runs) {
    if (run.end !== null && run.end <= run.start) continue
    const last = out.at(-1)
    if (last && last.status === run.status && last.end === run.start) {
      last.end = run.end
      last.holdsUntil = run.holdsUntil
    } else out.push({ ...run })
  }
  return out
}

/** The runs as they stand at `now`: an open run no longer vouched for ends, and unknown follows. */
export function runsAsOf(runs: readonly StatusRun[], now: number): StatusRun[] {
  return runs.flatMap((run) => {
    if (run.end !== null || run.holdsUntil === null || run.holdsUntil >= now) return [run]
    return [
      { ...run, end: run.holdsUntil },
      { status: 'unknown' as const, start: run.holdsUntil, end: null, holdsUntil: null },
    ]
  })
}

// As the availability measure ranks them: while any monitor cannot tell, it cannot be called up.
const SEVERITY: Record<ServiceStatus, number> = { up: 0, degraded: 1, unknown: 2, down: 3 }

/** The status of a service from its monitors' current ones: the worst; unknown when none reports. */
export function worstStatus(statuses: readonly ServiceStatus[]): ServiceStatus {
  if (statuses.length === 0) return 'unknown'
  return statuses.reduce((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst))
}
