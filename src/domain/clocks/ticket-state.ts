// The state a ticket's replay carries from one event to the next: the ticket's facts, its
// clocks, and what the rules need to remember (whether it has been answered, whether a
// customer message waits for an answer).
import type { Metric } from '../agreement/sections-service-levels.ts'
import type { ClockPolicy, Fraction, Requester, TargetRule } from './clock-policy.ts'
import { pause, type Stopwatch, startStopwatch } from './stopwatch.ts'

export type TicketClocks = {
  ticket: string
  customer: string
  service: string | undefined
  severity: string
  status: string
  createdAt: number
  resolvedAt: number | null
  firstResolvedAt: number | null
  satisfaction: { rating: number; scale: number } | null
  clocks: Stopwatch[]
}

/** A ticket part-way through its log; `applyTicketEvent` takes it on by one event. */
export type TicketState = TicketClocks & {
  tighten: Fraction | null
  channel: string | undefined
  who: Requester
  /** Whether the customer has had an answer: a qualifying response or the resolution. */
  responded: boolean
  /** Whether a customer message since the last answer waits for the next response. */
  awaiting: boolean
  /** The last event applied, by time then arrival: an event sorting before it needs a replay. */
  last: { at: number; seq: number }
}

export const RESOLVED: ReadonlySet<string> = new Set(['resolved', 'closed'])
const PAUSABLE: ReadonlySet<Metric> = new Set(['resolution', 'periodic_update'])

export function isPausable(metric: Metric): boolean {
  return PAUSABLE.has(metric)
}

export function isLive(clock: Stopwatch): boolean {
  return clock.state === 'running' || clock.state === 'paused'
}

/** The target of `metric` for the ticket under `policy`, after channel promises and VIP tightening. */
export function targetFor(
  state: TicketState,
  policy: ClockPolicy,
  metric: Metric,
  severity = state.severity,
): TargetRule | undefined {
  let rule = untightenedTarget(policy, metric, severity, state)
  if (rule && state.tighten) {
    const { num, den } = state.tighten
    rule = { ...rule, ms: Math.floor((rule.ms * (den - num)) / den) }
  }
  return rule
}

/**
 * The target of `metric` at `severity` under `policy` for a ticket created at `createdAt` on
 * `channel`, before VIP tightening (which shrinks the time, never changes the calendar): how a
 * stored clock finds its calendar again from its pinned version.
 */
export function untightenedTarget(
  policy: ClockPolicy,
  metric: Metric,
  severity: string,
  ticket: { channel: string | undefined; createdAt: number },
): TargetRule | undefined {
  const rule = policy.target(severity, metric)
  if (metric !== 'first_response') return rule
  const channel = policy.channelResponse(ticket.channel)
  const dueBy = (r: TargetRule) => r.calendar.add(ticket.createdAt, r.ms).getTime()
  return channel && (!rule || dueBy(channel) < dueBy(rule)) ? channel : rule
}

/** Starts the next cycle of `metric` under `policy`, paused when the ticket is in a pause status. */
export function startClock(
  state: TicketState,
  policy: ClockPolicy,
  metric: Metric,
  at: number,
): Stopwatch | undefined {
  const rule = targetFor(state, policy, metric)
  if (!rule) return undefined
  const previous = latest(state, metric)
  const clock = startStopwatch(
    { metric, cycle: previous ? previous.cycle + 1 : 1, severity: state.severity, policy, rule },
    at,
  )
  if (isPausable(metric) && policy.pauseOn.has(state.status)) pause(clock, at)
  state.clocks.push(clock)
  return clock
}

export function latest(state: TicketState, metric: Metric): Stopwatch | undefined {
  for (let i = state.clocks.length - 1; i >= 0; i--)
    if (state.clocks[i]!.metric === metric) return state.clocks[i]
  return undefined
}

export function hasLive(state: TicketState, metric: Metric): boolean {
  return state.clocks.some((c) => c.metric === metric && isLive(c))
}

/** A copy that shares nothing mutable with `state`. */
export function cloneState(state: TicketState): TicketState {
  return {
    ...state,
    clocks: state.clocks.map((c) => ({ ...c, runs: c.runs.map(([a, b]) => [a, b]) })),
  }
}

export function publicPart(state: TicketState): TicketClocks {
  const { tighten: _t, channel: _c, who: _w, responded: _r, awaiting: _a, last: _l, ...clocks } = state
  return clocks
}
