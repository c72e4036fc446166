// Properties of the replay on random tickets: random logs (messages by every kind of author,
// pause statuses, resolutions and reopens, severity changes, duplicate creations, events
// before the creation and many at the same instant) under random agreement modes, with a
// revision of the agreement part-way.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import type { ClockPolicy } from './clock-policy.ts'
import { viewClock } from './clock-view.ts'
import {
  applyTicketEvent,
  finishTicket,
  type PolicyAt,
  replayTicket,
  replayTicketState,
  type TicketClocks,
  type TicketState,
} from './replay.ts'
import { HOUR, helpdeskPolicy, MINUTE, TARGETS, t } from './test-support/clock-fixture.ts'
import { type TicketEvent, TicketEventSchema, toTicketEvent } from './ticket-events.ts'

const MODES = (['recompute', 'keep-elapsed', 'new-clock'] as const).flatMap((onSeverityChange) =>
  (['resume', 'new-cycle'] as const).map((onReopen) => ({ onSeverityChange, onReopen })),
)
const VIP = [{ id: 'board', match: { requesters: ['ceo@acme.example'] }, raiseSeverity: 1 }]
// The revision halves the P2 and P3 resolution targets and gives P3 a periodic update.
const REVISED_TARGETS = [
  ...TARGETS.map((x) =>
    x.metric === 'resolution' && (x.severity === 'P2' || x.severity === 'P3')
      ? { ...x, within: x.severity === 'P2' ? '8h' : '20h' }
      : x,
  ),
  { severity: 'P3', metric: 'periodic_update' as const, every: '4h', calendar: 'business' },
]
const V1 = MODES.map((clock) =>
  helpdeskPolicy({ clock: { ...clock, pauseOn: ['waiting_on_customer', 'scheduled'] }, vip: VIP }, 'v1'),
)
const V2 = MODES.map((clock) =>
  helpdeskPolicy({ clock: { ...clock, pauseOn: ['waiting_on_customer'] }, targets: REVISED_TARGETS }, 'v2'),
)

const START = t('2026-11-20 00:00') // a Friday: logs run over a weekend
const SPAN_MINUTES = 6 * 24 * 60

type Draft = { minute: number; body: Record<string, unknown> }
// Minutes on the half hour half the time, so that many events share an instant.
const minute = fc.oneof(
  fc.integer({ min: 0, max: SPAN_MINUTES / 30 }).map((n) => n * 30),
  fc.integer({ min: 0, max: SPAN_MINUTES }),
)
const body: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('message'),
      author: fc.constantFrom('agent', 'agent', 'requester', 'system'),
      // Mostly replies that count, so that every response clock gets going.
      public: fc.constantFrom(true, true, true, false),
      automated: fc.constantFrom(false, false, false, true),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('status'),
      status: fc.constantFrom('open', 'waiting_on_customer', 'scheduled', 'resolved', 'closed', 'reopened'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('severity'),
      severity: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('satisfaction'),
      rating: fc.constant(4),
      scale: fc.constant(5),
    }),
  },
  { weight: 1, arbitrary: creation() },
)

function creation(): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({
    type: fc.constant('created'),
    customer: fc.constant('acme'),
    severity: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
    requester: fc.constantFrom('ann@acme.example', 'ceo@acme.example'),
    channel: fc.constantFrom('email', 'chat'),
  })
}

type Ticket = { events: TicketEvent[]; policyAt: PolicyAt; at: number }

// Arrival order is the order drawn; `seq` records it.
const ticket: fc.Arbitrary<Ticket> = fc
  .record({
    created: fc.record({ minute, body: creation() }),
    rest: fc.array(fc.record({ minute, body }), { maxLength: 14 }),
    createdAt: fc.nat({ max: 14 }),
    mode: fc.nat({ max: MODES.length - 1 }),
    revisedMode: fc.nat({ max: MODES.length - 1 }),
    revision: fc.option(minute, { nil: undefined }),
  })
  .map(({ created, rest, createdAt, mode, revisedMode, revision }) => {
    const drafts: Draft[] = [...rest]
    drafts.splice(Math.min(createdAt, drafts.length), 0, created)
    const events = drafts.map((d, i) => toEvent(d, i + 1))
    const revisedAt = revision === undefined ? Number.POSITIVE_INFINITY : START + revision * MINUTE
    const policyAt = (x: number): ClockPolicy => (x < revisedAt ? V1[mode]! : V2[revisedMode]!)
    const last = Math.max(...events.map((e) => e.at))
    return { events, policyAt, at: last }
  })

function toEvent(d: Draft, seq: number): TicketEvent {
  const at = new Date(START + d.minute * MINUTE).toISOString()
  return toTicketEvent(TicketEventSchema.parse({ id: `e-${seq}`, ticket: 'T-1', at, ...d.body }), seq)
}

/** Everything a replay decides, with each clock read at `at`. */
function snapshot(result: TicketClocks | null, at: number): unknown {
  if (!result) return null
  const { clocks, ...facts } = result
  return {
    facts,
    clocks: clocks.map(({ policy, rule, ...clock }) => ({
      ...clock,
      version: policy.version,
      ms: rule.ms,
      view: viewClock({ policy, rule, ...clock }, at),
    })),
  }
}

// As storage would: apply each arriving event to the state, and replay the log kept so far
// when there is no state yet or the event sorts before the last one applied.
function incrementally(events: TicketEvent[], policyAt: PolicyAt, from: number): TicketState | null {
  let state = replayTicketState(events.slice(0, from), policyAt)
  for (let i = from; i < events.length; i++) {
    const applied = state && applyTicketEvent(state, events[i]!, policyAt)
    state = applied ?? replayTicketState(events.slice(0, i + 1), policyAt)
  }
  return state
}

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

describe('replaying random tickets', () => {
  test('the answer does not depend on the order the log is handed over in', () => {
    fc.assert(
      fc.property(ticket, fc.nat(), ({ events, policyAt, at }, seed) => {
        const once = snapshot(replayTicket(events, policyAt), at)
        assert.deepEqual(snapshot(replayTicket(shuffled(events, seed), policyAt), at), once)
        assert.deepEqual(snapshot(replayTicket(events, policyAt), at), once)
      }),
      { numRuns: 300 },
    )
  })

  test('equal-time events apply in arrival order', () => {
    // Renumbering the arrivals of events that share an instant is the same as reordering them
    // by hand: the replay follows seq, not the order in the array.
    fc.assert(
      fc.property(ticket, fc.nat(), ({ events, policyAt, at }, seed) => {
        const renumbered = shuffled(events, seed).map((e, i) => ({ ...e, seq: i + 1 }))
        const byHand = [...renumbered].sort((a, b) => a.at - b.at || a.seq - b.seq)
        const relabelled = byHand.map((e, i) => ({ ...e, seq: 1000 + i }))
        assert.deepEqual(
          snapshot(replayTicket(relabelled, policyAt), at),
          snapshot(replayTicket(renumbered, policyAt), at),
        )
      }),
      { numRuns: 200 },
    )
  })

  test('applying events one at a time, late ones by replay, equals replaying the whole log', () => {
    fc.assert(
      fc.property(ticket, fc.nat(), ({ events, policyAt, at }, split) => {
        const from = split % (events.length + 1)
        const state = incrementally(events, policyAt, from)
        assert.deepEqual(
          snapshot(state && finishTicket(state), at),
          snapshot(replayTicket(events, policyAt), at),
        )
      }),
      { numRuns: 300 },
    )
  })

  test('applying an event leaves the state it was given unchanged', () => {
    fc.assert(
      fc.property(ticket, ({ events, policyAt, at }) => {
        const ordered = [...events].sort((a, b) => a.at - b.at || a.seq - b.seq)
        const state = replayTicketState(ordered.slice(0, -1), policyAt)
        if (!state) return
        const before = snapshot(finishTicket(state), at)
        applyTicketEvent(state, ordered[ordered.length - 1]!, policyAt)
        assert.deepEqual(snapshot(finishTicket(state), at), before)
      }),
      { numRuns: 100 },
    )
  })

  test('elapsed time is never negative, never more than the wall time, and grows with the instant read', () => {
    fc.assert(
      fc.property(ticket, fc.array(fc.nat({ max: 10 * 24 }), { minLength: 2, maxLength: 5 }), (tk, hours) => {
        const result = replayTicket(tk.events, tk.policyAt)
        if (!result) return
        const instants = hours.map((h) => tk.at + h * HOUR).sort((a, b) => a - b)
        for (const clock of result.clocks) {
          let previous = { elapsed: 0, breached: false }
          for (const at of instants) {
            const view = viewClock(clock, at)
            const wall = (clock.stoppedAt ?? at) - clock.startedAt
            assert.ok(
              view.elapsed_ms >= 0 && view.elapsed_ms <= wall,
              `elapsed ${view.elapsed_ms} > wall ${wall}`,
            )
            assert.ok(view.elapsed_ms >= previous.elapsed, 'elapsed went down')
            assert.ok(view.breached || !previous.breached, 'a breach went away')
            previous = { elapsed: view.elapsed_ms, breached: view.breached }
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})
