// VIP rules raise the severity or tighten the targets for named people, groups or
// organisations; a channel's own response promise applies to the first response when it
// falls due earlier. P2: 2h first response on business time; P1: 30m on 24×7.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  clockOf,
  clocksAt,
  ev,
  events,
  HOUR,
  helpdeskPolicy,
  iso,
  MINUTE,
  replay,
} from './test-support/clock-fixture.ts'

describe('VIP rules', () => {
  const policy = helpdeskPolicy({
    vip: [
      { id: 'board', match: { requesters: ['CEO@acme.example'] }, raiseSeverity: 1 },
      { id: 'ops', match: { groups: ['ops'] }, severity: 'P1' },
      { id: 'gold', match: { organisations: ['gold-co'] }, tightenTargets: '50%' },
      { id: 'shadowed', match: { requesters: ['ceo@acme.example'] }, severity: 'P4' },
    ],
  })
  const cases: {
    name: string
    created: Parameters<typeof ev.created>[1]
    severity: string
    target: number
    due: string
  }[] = [
    {
      name: 'a named requester raises P3 to P2 (matched without regard to case; the first rule wins)',
      created: { severity: 'P3', requester: 'ceo@ACME.example' },
      severity: 'P2',
      target: 2 * HOUR,
      due: '2026-11-23 11:00',
    },
    {
      name: 'raising stops at the most severe level',
      created: { severity: 'P1', requester: 'ceo@acme.example' },
      severity: 'P1',
      target: 30 * MINUTE,
      due: '2026-11-23 09:30',
    },
    {
      name: 'a group sets P1',
      created: { severity: 'P4', groups: ['staff', 'ops'] },
      severity: 'P1',
      target: 30 * MINUTE,
      due: '2026-11-23 09:30',
    },
    {
      name: 'an organisation halves the targets',
      created: { severity: 'P2', customer: 'gold-co' },
      severity: 'P2',
      target: HOUR,
      due: '2026-11-23 10:00',
    },
    {
      name: 'anyone else keeps the given severity',
      created: { severity: 'P3', requester: 'ann@acme.example' },
      severity: 'P3',
      target: 4 * HOUR,
      due: '2026-11-23 13:00',
    },
  ]
  for (const c of cases) {
    test(c.name, () => {
      // Created Mon 09:00; the first response target and due follow the severity the rule gives.
      const list = events(ev.created('2026-11-23 09:00', c.created))
      assert.equal(replay(list, policy).severity, c.severity)
      const fr = clockOf(clocksAt(list, policy, '2026-11-23 09:10'), 'first_response')
      assert.deepEqual([fr.severity, fr.target_ms, fr.due], [c.severity, c.target, iso(c.due)])
    })
  }

  test('a later severity change is raised for a VIP too', () => {
    // Given P3, raised to P2 for the CEO; set to P4 at 10:00, the rule raises it to P3:
    // recomputed from 09:00 against P3's 4h → 13:00.
    const list = events(
      ev.created('2026-11-23 09:00', { severity: 'P3', requester: 'ceo@acme.example' }),
      ev.severity('2026-11-23 10:00', 'P4'),
    )
    const ticket = replay(list, policy)
    assert.equal(ticket.severity, 'P3')
    const fr = clockOf(clocksAt(list, policy, '2026-11-23 10:30'), 'first_response')
    assert.deepEqual([fr.severity, fr.target_ms, fr.due], ['P3', 4 * HOUR, iso('2026-11-23 13:00')])
  })
})

describe('channel response targets', () => {
  const policy = helpdeskPolicy()
  const cases: {
    name: string
    why: string
    created: Parameters<typeof ev.created>
    target: number
    due: string
  }[] = [
    {
      name: 'chat promises 5 minutes in business hours, earlier than P2',
      why: 'Mon 09:00 + 5m on business time beats 2h',
      created: ['2026-11-23 09:00', { channel: 'chat' }],
      target: 5 * MINUTE,
      due: '2026-11-23 09:05',
    },
    {
      name: 'a P1 chat on a Saturday keeps the P1 target',
      why: 'chat would be due Mon 08:05; P1 is due Sat 10:30, earlier',
      created: ['2026-11-21 10:00', { channel: 'chat', severity: 'P1' }],
      target: 30 * MINUTE,
      due: '2026-11-21 10:30',
    },
    {
      name: 'a channel without its own promise changes nothing',
      why: 'email has no response target: P2 from Mon 09:00',
      created: ['2026-11-23 09:00', { channel: 'email' }],
      target: 2 * HOUR,
      due: '2026-11-23 11:00',
    },
  ]
  for (const c of cases) {
    test(c.name, () => {
      const fr = clockOf(
        clocksAt(events(ev.created(...c.created)), policy, '2026-11-23 09:01'),
        'first_response',
      )
      assert.deepEqual([fr.target_ms, fr.due], [c.target, iso(c.due)], c.why)
    })
  }

  test('the resolution target is not the channel’s', () => {
    const views = clocksAt(
      events(ev.created('2026-11-23 09:00', { channel: 'chat' })),
      policy,
      '2026-11-23 09:01',
    )
    assert.equal(clockOf(views, 'resolution').target_ms, 16 * HOUR)
  })
})
