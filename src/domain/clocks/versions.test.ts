// An agreement revised while tickets are open: each clock is pinned to the version in force
// when it started, and that version decides its target, its pauses, its severity-change and
// reopen modes. Clocks started after the revision follow the new version.
// v1 (from 1 Jan 2026): P2 resolution 16h, next response 4h, P3 resolution 40h; reopen resumes.
// v2 (from Tue 24 Nov 2026 00:00 UTC): P2 resolution 8h, next response 2h, P3 resolution 20h;
// reopen starts a new cycle. Business time: Mon–Thu 08–18, Fri 08–17 London (GMT in November).
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { agreementSelector } from './selection.ts'
import {
  clockOf,
  clocksAt,
  ev,
  events,
  HOUR,
  helpdeskAgreement,
  iso,
  replay,
  TARGETS,
  t,
} from './test-support/clock-fixture.ts'

const REVISED = t('2026-11-24 00:00')
const v2Targets = TARGETS.map((target) => {
  if (target.severity === 'P2' && target.metric === 'resolution') return { ...target, within: '8h' }
  if (target.severity === 'P2' && target.metric === 'next_response') return { ...target, within: '2h' }
  if (target.severity === 'P3' && target.metric === 'resolution') return { ...target, within: '20h' }
  return target
})
const selected = agreementSelector([
  { agreement: helpdeskAgreement(), version: 'v1', effectiveFrom: t('2026-01-01 00:00') },
  {
    agreement: helpdeskAgreement({
      targets: v2Targets,
      clock: { pauseOn: ['waiting_on_customer'], onReopen: 'new-cycle' },
    }),
    version: 'v2',
    effectiveFrom: REVISED,
  },
])
if (!selected.ok) throw new Error('selector')
const [helpdesk] = selected.value({ customer: 'acme', service: 'portal', createdAt: REVISED })
const policyAt = helpdesk!.policyAt

describe('an agreement revised while tickets are open', () => {
  test('policyAt gives the version in force at each instant', () => {
    assert.deepEqual(
      [t('2026-11-23 23:59'), REVISED, t('2027-06-01 00:00')].map((x) => policyAt(x).version),
      ['v1', 'v2', 'v2'],
    )
    assert.equal(policyAt(REVISED), policyAt(REVISED + 1), 'each version is compiled once')
  })

  test('a clock started before the revision keeps its version; a ticket created after gets the new one', () => {
    // Old ticket, Mon 09:00: v1's 16h → Tue 15:00. New ticket, Tue 09:00: v2's 8h → Tue 17:00.
    const old = replay(events(ev.created('2026-11-23 09:00')), policyAt)
    const fresh = replay(events(ev.created('2026-11-24 09:00')), policyAt)
    const resolution = (ticket: typeof old) => ticket.clocks.find((c) => c.metric === 'resolution')!
    assert.deepEqual([resolution(old).policy.version, resolution(fresh).policy.version], ['v1', 'v2'])
    const views = [
      clockOf(clocksAt(events(ev.created('2026-11-23 09:00')), policyAt, '2026-11-24 12:00'), 'resolution'),
      clockOf(clocksAt(events(ev.created('2026-11-24 09:00')), policyAt, '2026-11-24 12:00'), 'resolution'),
    ]
    assert.deepEqual(
      views.map((v) => [v.target_ms, v.due]),
      [
        [16 * HOUR, iso('2026-11-24 15:00')],
        [8 * HOUR, iso('2026-11-24 17:00')],
      ],
    )
  })

  test('a clock the old ticket starts after the revision follows the new version', () => {
    // Answered Mon 09:30 under v1; the requester writes Tue 10:00, after the revision: the next
    // response is v2's 2h → 12:00, while the first response stays v1's, met in 30m.
    const list = events(
      ev.created('2026-11-23 09:00'),
      ev.agent('2026-11-23 09:30'),
      ev.requester('2026-11-24 10:00'),
    )
    const ticket = replay(list, policyAt)
    assert.deepEqual(
      ticket.clocks.map((c) => [c.metric, c.policy.version]),
      [
        ['first_response', 'v1'],
        ['resolution', 'v1'],
        ['next_response', 'v2'],
      ],
    )
    const next = clockOf(clocksAt(list, policyAt, '2026-11-24 11:00'), 'next_response')
    assert.deepEqual([next.target_ms, next.due], [2 * HOUR, iso('2026-11-24 12:00')])
  })

  test('a severity change after the revision uses the pinned version’s targets', () => {
    // Lowered to P3 on Tue 10:00: recomputed from Mon 09:00 against v1's 40h (not v2's 20h):
    // Mon 9h, Tue–Thu 30h, Fri 08:00 + 1h.
    const list = events(ev.created('2026-11-23 09:00'), ev.severity('2026-11-24 10:00', 'P3'))
    const c = clockOf(clocksAt(list, policyAt, '2026-11-24 11:00'), 'resolution')
    assert.deepEqual([c.severity, c.target_ms, c.due], ['P3', 40 * HOUR, iso('2026-11-27 09:00')])
  })

  test('a reopen follows the pinned version’s mode', () => {
    // v1 resumes: resolved Mon 12:00 after 3h, reopened Tue 10:00 under v2, still cycle 1 with
    // 13h left: Tue 8h + Wed 08:00–13:00.
    const old = events(
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 12:00', 'resolved'),
      ev.status('2026-11-24 10:00', 'reopened'),
    )
    const views = clocksAt(old, policyAt, '2026-11-24 12:00').filter((v) => v.metric === 'resolution')
    assert.deepEqual(
      views.map((v) => [v.cycle, v.state, v.elapsed_ms, v.due]),
      [[1, 'running', 5 * HOUR, iso('2026-11-25 13:00')]],
    )
    // v2 starts a new cycle: resolved Tue 10:00 after 1h, reopened Wed 09:00 → cycle 2 with
    // v2's 8h from 09:00 → 17:00.
    const fresh = events(
      ev.created('2026-11-24 09:00'),
      ev.status('2026-11-24 10:00', 'resolved'),
      ev.status('2026-11-25 09:00', 'reopened'),
    )
    const cycles = clocksAt(fresh, policyAt, '2026-11-25 10:00').filter((v) => v.metric === 'resolution')
    assert.deepEqual(
      cycles.map((v) => [v.cycle, v.state, v.elapsed_ms, v.due]),
      [
        [1, 'met', HOUR, iso('2026-11-24 17:00')],
        [2, 'running', HOUR, iso('2026-11-25 17:00')],
      ],
    )
  })

  test('pause statuses are the pinned version’s', () => {
    // v2 no longer pauses on "scheduled"; the old ticket's v1 clock still does: it ran Mon
    // 09:00–10:00 only. The new ticket's v2 clock runs on: Tue 09:00–12:00.
    const old = events(ev.created('2026-11-23 09:00'), ev.status('2026-11-23 10:00', 'scheduled'))
    const fresh = events(ev.created('2026-11-24 09:00'), ev.status('2026-11-24 10:00', 'scheduled'))
    assert.deepEqual(
      [old, fresh].map((list) => {
        const c = clockOf(clocksAt(list, policyAt, '2026-11-24 12:00'), 'resolution')
        return [c.state, c.elapsed_ms]
      }),
      [
        ['paused', HOUR],
        ['running', 3 * HOUR],
      ],
    )
  })
})
