// What a probe's checks mean for its service: retries guard against a false alarm, so a failed
// check counts as down only once `retries` more have failed after it; until then the previous
// status holds (retries are never downtime). Once confirmed, the outage dates from the first
// failed check, because that is when the service stopped answering. One good check is enough
// to flip back to up. Slow answers are degraded at once.
import type { ServiceStatus } from './status-events.ts'
import type { StatusReport } from './status-runs.ts'

export type CheckOutcome = 'up' | 'degraded' | 'down'

export type ProbeState = {
  status: ServiceStatus | null
  holdsUntil: number | null
  failures: number
  firstFailureAt: number | null
}

export const INITIAL_PROBE_STATE: ProbeState = {
  status: null,
  holdsUntil: null,
  failures: 0,
  firstFailureAt: null,
}

/** `holdMs`: how long one result vouches for its status (the interval plus a grace). */
export type ProbeRules = { retries: number; holdMs: number }

export function nextProbeState(
  state: ProbeState,
  check: { at: number; outcome: CheckOutcome },
  rules: ProbeRules,
): { state: ProbeState; report: StatusReport | null } {
  const holdsUntil = check.at + rules.holdMs
  if (check.outcome !== 'down') {
    const next = { status: check.outcome, holdsUntil, failures: 0, firstFailureAt: null }
    return { state: next, report: { at: check.at, status: check.outcome, holdsUntil } }
  }
  const failures = state.failures + 1
  const firstFailureAt = state.firstFailureAt ?? check.at
  if (failures > rules.retries) {
    const at = state.status === 'down' ? check.at : firstFailureAt
    return {
      state: { status: 'down', holdsUntil, failures, firstFailureAt },
      report: { at, status: 'down', holdsUntil },
    }
  }
  // Still inside its retries: the status held so far is extended, unless it had already lapsed.
  const holding = state.status !== null && state.holdsUntil !== null && state.holdsUntil >= check.at
  if (!holding) return { state: { ...state, failures, firstFailureAt }, report: null }
  return {
    state: { ...state, holdsUntil, failures, firstFailureAt },
    report: { at: check.at, status: state.status!, holdsUntil },
  }
}
