// A severity change. Each live clock follows the onSeverityChange mode of the agreement
// version it is pinned to: recompute against the new target from its original start, pauses
// kept (default); keep-elapsed; or new-clock. A breach that already happened stays on the
// record, stopped clocks keep their outcome, and a metric the old severity did not measure
// starts at the change.
import { METRICS } from '../agreement/sections-service-levels.ts'
import type { ClockPolicy } from './clock-policy.ts'
import { latchBreach, pause, type Stopwatch, stop } from './stopwatch.ts'
import { hasLive, isLive, RESOLVED, startClock, type TicketState, targetFor } from './ticket-state.ts'

export function changeSeverity(state: TicketState, given: string, policy: ClockPolicy, at: number): void {
  const { severity, tighten } = policy.vip(given, state.who)
  if (severity === state.severity) return
  const old = state.severity
  state.severity = severity
  state.tighten = tighten
  for (const clock of state.clocks.filter(isLive)) retarget(state, clock, policy, at)
  startNewlyMeasured(state, policy, old, at)
}

function retarget(state: TicketState, clock: Stopwatch, current: ClockPolicy, at: number): void {
  const pinned = clock.policy
  const rule = targetFor(state, pinned, clock.metric)
  latchBreach(clock, at)
  if (!rule) {
    stop(clock, at, 'cancelled')
    return
  }
  if (pinned.onSeverityChange === 'new-clock') {
    const wasPaused = clock.state === 'paused'
    stop(clock, at, 'cancelled')
    const fresh = startClock(state, current, clock.metric, at)
    // The new cycle waits as the old one did, whatever status made it wait.
    if (fresh && wasPaused) pause(fresh, at)
    return
  }
  if (pinned.onSeverityChange === 'keep-elapsed') carryElapsed(clock, at)
  clock.rule = rule
  clock.severity = state.severity
}

// keep-elapsed: what ran so far is fixed in business time on the old calendar; what runs from
// now on counts on the new one. The run that starts now (closed at once if paused) marks the
// change, which is where the clock is due if the time kept already reaches the new target.
function carryElapsed(clock: Stopwatch, at: number): void {
  for (const [start, end] of clock.runs) {
    const until = Math.min(end ?? at, at)
    if (until > start) clock.carriedMs += clock.rule.calendar.between(start, until)
  }
  clock.runs = [[at, clock.state === 'running' ? null : at]]
}

function startNewlyMeasured(state: TicketState, policy: ClockPolicy, old: string, at: number): void {
  if (RESOLVED.has(state.status)) return
  const wanted = {
    first_response: !state.responded,
    next_response: state.awaiting,
    periodic_update: state.responded,
    resolution: true,
  }
  for (const metric of METRICS) {
    if (!wanted[metric] || hasLive(state, metric) || targetFor(state, policy, metric, old)) continue
    startClock(state, policy, metric, at)
  }
}
