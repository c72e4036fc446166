// The clocks of one ticket under one agreement, as a pure function of its ordered events.
// `policyAt` gives the agreement version in force at an instant: each clock is pinned to the
// version that started it, so revising an agreement never rewrites clocks already running.
import type { Metric } from '../agreement/sections-service-levels.ts'
import type { ClockPolicy, Fraction, TargetRule } from './clock-policy.ts'
import { latchBreach, pause, reopen, resume, type Stopwatch, startStopwatch, stop } from './stopwatch.ts'
import { byTimeThenArrival, type TicketEvent } from './ticket-events.ts'

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

const RESOLVED = new Set(['resolved', 'closed'])
const PAUSABLE: ReadonlySet<Metric> = new Set(['resolution', 'periodic_update'])

type State = TicketClocks & {
  given: string
  tighten: Fraction | null
  channel?: string
  who: { requester?: string; groups?: string[]; customer: string }
  /** Whether an agent has given a qualifying response. */
  responded: boolean
}

export function replayTicket(
  events: readonly TicketEvent[],
  policyAt: (t: number) => ClockPolicy,
): TicketClocks | null {
  const ordered = [...events].sort(byTimeThenArrival)
  const created = ordered.find((e) => e.type === 'created')
  if (!created || created.type !== 'created') return null
  let state: State | null = null
  for (const event of ordered) {
    if (event.at < created.at) continue
    state =
      state === null
        ? event === created
          ? createState(event, policyAt)
          : null
        : applyEvent(state, event, policyAt)
  }
  if (!state) return null
  const { given: _g, tighten: _t, channel: _c, who: _w, responded: _r, ...clocks } = state
  return clocks
}

function createState(
  event: Extract<TicketEvent, { type: 'created' }>,
  policyAt: (t: number) => ClockPolicy,
): State {
  const policy = policyAt(event.at)
  const who = { requester: event.requester, groups: event.groups, customer: event.customer }
  const { severity, tighten } = policy.vip(event.severity, who)
  const state: State = {
    ticket: event.ticket,
    customer: event.customer,
    service: event.service,
    severity,
    status: 'open',
    createdAt: event.at,
    resolvedAt: null,
    firstResolvedAt: null,
    satisfaction: null,
    clocks: [],
    given: event.severity,
    tighten,
    channel: event.channel,
    who,
    responded: false,
  }
  startClock(state, policy, 'first_response', event.at)
  startClock(state, policy, 'resolution', event.at)
  return state
}

function applyEvent(state: State, event: TicketEvent, policyAt: (t: number) => ClockPolicy): State {
  const at = event.at
  switch (event.type) {
    case 'message':
      onMessage(state, event, policyAt(at), at)
      break
    case 'status':
      onStatus(state, event.status, policyAt(at), at)
      break
    case 'severity':
      onSeverity(state, event.severity, policyAt(at), at)
      break
    case 'satisfaction':
      state.satisfaction = { rating: event.rating, scale: event.scale }
      break
    default:
      break
  }
  return state
}

function onMessage(
  state: State,
  m: Extract<TicketEvent, { type: 'message' }>,
  policy: ClockPolicy,
  at: number,
): void {
  if (RESOLVED.has(state.status)) return
  if (policy.qualifies(m)) {
    state.responded = true
    for (const metric of ['first_response', 'next_response'] as const) {
      const clock = running(state, metric)
      if (clock) stop(clock, at, 'met')
    }
    // Each reply meets the periodic update due and starts the next one.
    const update = running(state, 'periodic_update') ?? paused(state, 'periodic_update')
    if (update) stop(update, at, 'met')
    const next = startClock(state, policy, 'periodic_update', at)
    if (next && policy.pauseOn.has(state.status)) pause(next, at)
    return
  }
  // The oldest unanswered message from the requester starts the next-response clock.
  const answeredFirst = !state.clocks.some((c) => c.metric === 'first_response' && c.state === 'running')
  if (m.author === 'requester' && m.public && answeredFirst && !running(state, 'next_response')) {
    startClock(state, policy, 'next_response', at)
  }
}

function onStatus(state: State, status: string, policy: ClockPolicy, at: number): void {
  const wasResolved = RESOLVED.has(state.status)
  state.status = status
  if (RESOLVED.has(status)) {
    if (wasResolved) return
    state.resolvedAt = at
    state.firstResolvedAt ??= at
    // A resolution answers the customer too, so it stops the response clocks at that instant.
    for (const clock of state.clocks) {
      if (clock.metric === 'periodic_update') stop(clock, at, 'cancelled')
      else stop(clock, at, 'met')
    }
    return
  }
  if (wasResolved) {
    state.resolvedAt = null
    const last = latest(state, 'resolution')
    if (last?.state === 'met') {
      if (policy.onReopen === 'resume' && last.version === policy.version) reopen(last, at)
      else startClock(state, policy, 'resolution', at, (last?.cycle ?? 0) + 1)
    }
  }
  const pausing = policy.pauseOn.has(status)
  for (const clock of state.clocks) {
    if (!PAUSABLE.has(clock.metric)) continue
    if (pausing) pause(clock, at)
    else resume(clock, at)
  }
}

function onSeverity(state: State, given: string, policy: ClockPolicy, at: number): void {
  const { severity, tighten } = policy.vip(given, state.who)
  state.given = given
  if (severity === state.severity) return
  state.severity = severity
  state.tighten = tighten
  for (const clock of [...state.clocks]) {
    if (clock.state !== 'running' && clock.state !== 'paused') continue
    const rule = targetFor(state, policy, clock.metric)
    if (!rule) {
      stop(clock, at, 'cancelled')
      continue
    }
    latchBreach(clock, at)
    if (policy.onSeverityChange === 'new-clock') {
      const wasPaused = clock.state === 'paused'
      stop(clock, at, 'cancelled')
      const fresh = startClock(state, policy, clock.metric, at, clock.cycle + 1)
      if (fresh && wasPaused) pause(fresh, at)
      continue
    }
    if (policy.onSeverityChange === 'keep-elapsed') carryElapsed(clock, at)
    Object.assign(clock, { rule, severity, version: policy.version })
  }
  startMissing(state, policy, at)
}

// A metric the old severity did not measure starts at the change, where it applies.
function startMissing(state: State, policy: ClockPolicy, at: number): void {
  if (RESOLVED.has(state.status)) return
  const has = (metric: Metric) =>
    state.clocks.some((c) => c.metric === metric && (c.state === 'running' || c.state === 'paused'))
  const ever = (metric: Metric) => state.clocks.some((c) => c.metric === metric)
  if (!ever('resolution')) startClock(state, policy, 'resolution', at)
  if (!state.responded && !ever('first_response')) startClock(state, policy, 'first_response', at)
  if (state.responded && !has('periodic_update')) {
    const update = startClock(state, policy, 'periodic_update', at)
    if (update && policy.pauseOn.has(state.status)) pause(update, at)
  }
  const resolution = latest(state, 'resolution')
  if (resolution && policy.pauseOn.has(state.status)) pause(resolution, at)
}

// keep-elapsed: what ran so far is fixed in business time on the old calendar; what runs
// from now on counts on the new one.
function carryElapsed(clock: Stopwatch, at: number): void {
  let carried = clock.carriedMs
  for (const [start, end] of clock.runs) {
    const until = Math.min(end ?? at, at)
    if (until > start) carried += clock.rule.calendar.between(start, until)
  }
  clock.carriedMs = carried
  clock.runs = clock.state === 'running' ? [[at, null]] : []
}

function targetFor(state: State, policy: ClockPolicy, metric: Metric): TargetRule | undefined {
  let rule = policy.target(state.severity, metric)
  if (metric === 'first_response') {
    const channel = policy.channelResponse(state.channel)
    if (
      channel &&
      (!rule ||
        channel.calendar.add(state.createdAt, channel.ms) < rule.calendar.add(state.createdAt, rule.ms))
    ) {
      rule = channel
    }
  }
  if (rule && state.tighten) {
    const { num, den } = state.tighten
    rule = { ...rule, ms: Math.floor((rule.ms * (den - num)) / den) }
  }
  return rule
}

function startClock(
  state: State,
  policy: ClockPolicy,
  metric: Metric,
  at: number,
  cycle?: number,
): Stopwatch | undefined {
  const rule = targetFor(state, policy, metric)
  if (!rule) return undefined
  const previous = latest(state, metric)
  const clock = startStopwatch(
    {
      metric,
      cycle: cycle ?? (previous ? previous.cycle + 1 : 1),
      severity: state.severity,
      agreement: policy.agreementId,
      version: policy.version,
      rule,
    },
    at,
  )
  state.clocks.push(clock)
  return clock
}

function latest(state: State, metric: Metric): Stopwatch | undefined {
  for (let i = state.clocks.length - 1; i >= 0; i--)
    if (state.clocks[i]!.metric === metric) return state.clocks[i]
  return undefined
}

function running(state: State, metric: Metric): Stopwatch | undefined {
  const clock = latest(state, metric)
  return clock?.state === 'running' ? clock : undefined
}

function paused(state: State, metric: Metric): Stopwatch | undefined {
  const clock = latest(state, metric)
  return clock?.state === 'paused' ? clock : undefined
}
