// The clocks of one ticket under one agreement, as a pure function of its ordered events.
// `policyAt` gives the agreement version in force at an instant: each clock is pinned to the
// version that started it, so revising an agreement never rewrites clocks already running.
// Storage applies one event at a time (startTicket, applyTicketEvent, finishTicket); an event
// that sorts before the last one applied sends it back to replayTicketState over the whole log.
import type { ClockPolicy, MessageFacts } from './clock-policy.ts'
import { changeSeverity } from './severity-change.ts'
import { pause, reopen, resume, stop } from './stopwatch.ts'
import { byTimeThenArrival, type TicketEvent } from './ticket-events.ts'
import {
  cloneState,
  hasLive,
  isLive,
  isPausable,
  latest,
  publicPart,
  RESOLVED,
  startClock,
  type TicketClocks,
  type TicketState,
} from './ticket-state.ts'

export type { TicketClocks, TicketState } from './ticket-state.ts'
export type PolicyAt = (t: number) => ClockPolicy
type Created = Extract<TicketEvent, { type: 'created' }>

export function replayTicket(events: readonly TicketEvent[], policyAt: PolicyAt): TicketClocks | null {
  const state = replayTicketState(events, policyAt)
  return state && publicPart(state)
}

/** The state after the whole log, to carry on from one event at a time; null before a creation. */
export function replayTicketState(events: readonly TicketEvent[], policyAt: PolicyAt): TicketState | null {
  const ordered = [...events].sort(byTimeThenArrival)
  const first = ordered.findIndex((e) => e.type === 'created')
  const created = ordered[first]
  if (created?.type !== 'created') return null
  const state = startTicket(created, policyAt)
  // Whatever sorts before the creation happened before the ticket existed.
  for (const event of ordered.slice(first + 1)) applyInPlace(state, event, policyAt)
  return state
}

export function startTicket(created: Created, policyAt: PolicyAt): TicketState {
  const at = created.at
  const policy = policyAt(at)
  const who = { requester: created.requester, groups: created.groups, customer: created.customer }
  const { severity, tighten } = policy.vip(created.severity, who)
  const state: TicketState = {
    ticket: created.ticket,
    customer: created.customer,
    service: created.service,
    severity,
    status: 'open',
    createdAt: at,
    resolvedAt: null,
    firstResolvedAt: null,
    satisfaction: null,
    clocks: [],
    tighten,
    channel: created.channel,
    who,
    responded: false,
    awaiting: false,
    last: { at, seq: created.seq },
  }
  startClock(state, policy, 'first_response', at)
  startClock(state, policy, 'resolution', at)
  return state
}

/**
 * The state after one more event, leaving `state` as it was; null when the event sorts before
 * the last one applied, and the ticket must then be replayed from its whole log.
 */
export function applyTicketEvent(
  state: TicketState,
  event: TicketEvent,
  policyAt: PolicyAt,
): TicketState | null {
  if (byTimeThenArrival(event, state.last) < 0) return null
  const next = cloneState(state)
  applyInPlace(next, event, policyAt)
  return next
}

export function finishTicket(state: TicketState): TicketClocks {
  return publicPart(cloneState(state))
}

function applyInPlace(state: TicketState, event: TicketEvent, policyAt: PolicyAt): void {
  const at = event.at
  state.last = { at, seq: event.seq }
  switch (event.type) {
    case 'message':
      onMessage(state, event, policyAt(at), at)
      break
    case 'status':
      onStatus(state, event.status, policyAt(at), at)
      break
    case 'severity':
      changeSeverity(state, event.severity, policyAt(at), at)
      break
    case 'satisfaction':
      state.satisfaction = { rating: event.rating, scale: event.scale }
      break
    default:
      break
  }
}

const ANSWERED_BY_REPLY = new Set(['first_response', 'next_response', 'periodic_update'])

function onMessage(state: TicketState, m: MessageFacts, policy: ClockPolicy, at: number): void {
  if (RESOLVED.has(state.status)) return
  if (m.author === 'requester') {
    onCustomerMessage(state, m, policy, at)
    return
  }
  // Each clock asks its own version what counts; a reply also meets the periodic update due
  // and starts the next one.
  let answered = policy.qualifies(m)
  for (const clock of state.clocks) {
    if (isLive(clock) && ANSWERED_BY_REPLY.has(clock.metric) && clock.policy.qualifies(m)) {
      stop(clock, at, 'met')
      answered = true
    }
  }
  if (!answered) return
  state.responded = true
  state.awaiting = false
  startClock(state, policy, 'periodic_update', at)
}

// The oldest unanswered message from the requester starts the next-response clock, once the
// first response has been given. An automated message (an out-of-office reply) asks nothing.
function onCustomerMessage(state: TicketState, m: MessageFacts, policy: ClockPolicy, at: number): void {
  if (!m.public || m.automated || !state.responded) return
  state.awaiting = true
  if (!hasLive(state, 'next_response')) startClock(state, policy, 'next_response', at)
}

function onStatus(state: TicketState, status: string, policy: ClockPolicy, at: number): void {
  const wasResolved = RESOLVED.has(state.status)
  state.status = status
  if (RESOLVED.has(status)) {
    if (!wasResolved) resolve(state, at)
    return
  }
  if (wasResolved) reopenTicket(state, policy, at)
  for (const clock of state.clocks) {
    if (!isPausable(clock.metric)) continue
    if (clock.policy.pauseOn.has(status)) pause(clock, at)
    else resume(clock, at)
  }
}

// A resolution answers the customer too, so it stops the response clocks at that instant.
function resolve(state: TicketState, at: number): void {
  state.resolvedAt = at
  state.firstResolvedAt ??= at
  for (const clock of state.clocks) stop(clock, at, clock.metric === 'periodic_update' ? 'cancelled' : 'met')
  state.responded = true
  state.awaiting = false
}

// The resolution clock's own version says whether it resumes or a new cycle starts.
function reopenTicket(state: TicketState, policy: ClockPolicy, at: number): void {
  state.resolvedAt = null
  const last = latest(state, 'resolution')
  if (last?.state !== 'met') return
  if (last.policy.onReopen === 'resume') reopen(last, at)
  else startClock(state, policy, 'resolution', at)
}
