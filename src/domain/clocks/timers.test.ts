// The timers a ticket's clocks want: instants worked out by hand on the helpdesk calendar
// (London, GMT in November: Mon–Thu 08–18, Fri 08–17; P1 on a 24×7 UTC calendar), and a
// property: each timer is due at the first instant its clock's elapsed time reaches its share.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { elapsedAt } from './stopwatch.ts'
import type { AgreementChanges } from './test-support/clock-fixture.ts'
import { ev, events, helpdeskPolicy, iso, replay, t } from './test-support/clock-fixture.ts'
import { type DesiredTimer, desiredTimers, percentText } from './timers.ts'

const CONTACTS = ['c-lead', 'c-owner', 'c-head'].map((id) => ({
  id,
  name: id,
  role: 'support-lead' as const,
  email: `${id}@example-it.example`,
}))

const ESCALATION: AgreementChanges = {
  contacts: CONTACTS,
  escalation: [
    { level: 1, severities: ['P1', 'P2'], metric: 'resolution', at: '75%', notify: ['c-lead'] },
    { level: 2, severities: ['P1', 'P2'], metric: 'resolution', at: '100%', notify: ['c-owner'] },
    { level: 3, severities: ['P1'], metric: 'resolution', at: '200%', notify: ['c-head'] },
  ],
}
const policy = helpdeskPolicy(ESCALATION)

type Case = { name: string; events: Parameters<typeof events>; metric: string; want: string[] }

// Each timer as "kind level percent @ due".
function timersOf(list: Parameters<typeof events>, metric: string): string[] {
  const ticket = replay(events(...list), policy)
  return desiredTimers(ticket.clocks)
    .filter((x) => x.metric === metric)
    .map((x) => `${x.kind} ${x.level} ${x.percent}% @ ${new Date(x.dueAt).toISOString()}`)
}
const w = (kind: string, level: number, percent: string, at: string) =>
  `${kind} ${level} ${percent}% @ ${iso(at)}`

const CASES: Case[] = [
  {
    name: 'P2 resolution from Monday 09:00 crosses the night (16h: 9h Monday + 7h Tuesday)',
    events: [ev.created('2026-11-23 09:00'), ev.agent('2026-11-23 09:05')],
    metric: 'resolution',
    want: [
      w('warning', 5000, '50', '2026-11-23 17:00'),
      w('warning', 7500, '75', '2026-11-24 11:00'),
      w('escalation', 1, '75', '2026-11-24 11:00'),
      w('warning', 9000, '90', '2026-11-24 13:24'),
      w('breach', 10000, '100', '2026-11-24 15:00'),
      w('escalation', 2, '100', '2026-11-24 15:00'),
    ],
  },
  {
    name: 'P2 first response from Friday 16:30 runs over the weekend (30m Friday, the rest Monday)',
    events: [ev.created('2026-11-20 16:30')],
    metric: 'first_response',
    want: [
      w('warning', 5000, '50', '2026-11-23 08:30'),
      w('warning', 7500, '75', '2026-11-23 09:00'),
      w('warning', 9000, '90', '2026-11-23 09:18'),
      w('breach', 10000, '100', '2026-11-23 09:30'),
    ],
  },
  {
    name: 'P2 resolution from Friday 16:30: 10h30m by Monday night, 16h at Tuesday 13:30',
    events: [ev.created('2026-11-20 16:30'), ev.agent('2026-11-20 16:40')],
    metric: 'resolution',
    want: [
      w('warning', 5000, '50', '2026-11-23 15:30'),
      w('warning', 7500, '75', '2026-11-24 09:30'),
      w('escalation', 1, '75', '2026-11-24 09:30'),
      w('warning', 9000, '90', '2026-11-24 11:54'),
      w('breach', 10000, '100', '2026-11-24 13:30'),
      w('escalation', 2, '100', '2026-11-24 13:30'),
    ],
  },
  {
    name: 'a paused clock wants no timers',
    events: [
      ev.created('2026-11-23 09:00'),
      ev.agent('2026-11-23 09:05'),
      ev.status('2026-11-23 17:30', 'waiting_on_customer'),
    ],
    metric: 'resolution',
    want: [],
  },
  {
    name: 'resumed Tuesday 12:00 after 8h30m: the rest fall where the remaining budget is spent',
    events: [
      ev.created('2026-11-23 09:00'),
      ev.agent('2026-11-23 09:05'),
      ev.status('2026-11-23 17:30', 'waiting_on_customer'),
      ev.status('2026-11-24 12:00', 'open'),
    ],
    metric: 'resolution',
    want: [
      w('warning', 5000, '50', '2026-11-23 17:00'),
      w('warning', 7500, '75', '2026-11-24 15:30'),
      w('escalation', 1, '75', '2026-11-24 15:30'),
      w('warning', 9000, '90', '2026-11-24 17:54'),
      w('breach', 10000, '100', '2026-11-25 09:30'),
      w('escalation', 2, '100', '2026-11-25 09:30'),
    ],
  },
  {
    name: 'P1 on the 24×7 calendar from Saturday 22:00: level 3 at 200% is eight hours in',
    events: [ev.created('2026-11-21 22:00', { severity: 'P1' }), ev.agent('2026-11-21 22:05')],
    metric: 'resolution',
    want: [
      w('warning', 5000, '50', '2026-11-22 00:00'),
      w('warning', 7500, '75', '2026-11-22 01:00'),
      w('escalation', 1, '75', '2026-11-22 01:00'),
      w('warning', 9000, '90', '2026-11-22 01:36'),
      w('breach', 10000, '100', '2026-11-22 02:00'),
      w('escalation', 2, '100', '2026-11-22 02:00'),
      w('escalation', 3, '200', '2026-11-22 06:00'),
    ],
  },
  {
    name: 'raised to P1 at 10:00: measured on the P1 target from the original start, with level 3',
    events: [
      ev.created('2026-11-23 09:00'),
      ev.agent('2026-11-23 09:05'),
      ev.severity('2026-11-23 10:00', 'P1'),
    ],
    metric: 'resolution',
    want: [
      w('warning', 5000, '50', '2026-11-23 11:00'),
      w('warning', 7500, '75', '2026-11-23 12:00'),
      w('escalation', 1, '75', '2026-11-23 12:00'),
      w('warning', 9000, '90', '2026-11-23 12:36'),
      w('breach', 10000, '100', '2026-11-23 13:00'),
      w('escalation', 2, '100', '2026-11-23 13:00'),
      w('escalation', 3, '200', '2026-11-23 17:00'),
    ],
  },
  {
    name: 'a resolved ticket wants none',
    events: [ev.created('2026-11-23 09:00'), ev.status('2026-11-23 10:00', 'resolved')],
    metric: 'resolution',
    want: [],
  },
  {
    name: 'a met first response wants none',
    events: [ev.created('2026-11-23 09:00'), ev.agent('2026-11-23 09:30')],
    metric: 'first_response',
    want: [],
  },
]

describe('desired timers', () => {
  for (const c of CASES) test(c.name, () => assert.deepEqual(timersOf(c.events, c.metric), c.want))

  test('they carry the clock, its severity and the contacts an escalation names', () => {
    const ticket = replay(events(ev.created('2026-11-23 09:00', { severity: 'P1' })), policy)
    const level3 = desiredTimers(ticket.clocks).find((x) => x.kind === 'escalation' && x.level === 3)
    assert.deepEqual({ ...level3, dueAt: undefined } satisfies Partial<DesiredTimer>, {
      agreement: 'acme-helpdesk',
      metric: 'resolution',
      cycle: 1,
      severity: 'P1',
      kind: 'escalation',
      level: 3,
      percent: '200',
      notify: ['c-head'],
      dueAt: undefined,
    })
  })

  test('percentages are written exactly', () => {
    assert.deepEqual(
      [
        { num: 3, den: 4 },
        { num: 875, den: 1000 },
        { num: 2, den: 1 },
        { num: 1, den: 3 },
      ].map(percentText),
      ['75', '87.5', '200', '33.333333333333'],
    )
  })
})

// Random pause histories from a random start over a fortnight of business and weekend hours.
const START = t('2026-11-20 00:00')
const wide = helpdeskPolicy({
  ...ESCALATION,
  clock: { pauseOn: ['waiting_on_customer'], warnAt: ['12.5%', '33%', '50%', '87.5%', '99%'] },
  escalation: [
    { level: 1, severities: ['P2', 'P3'], metric: 'resolution', at: '150%', notify: ['c-lead'] },
    { level: 2, severities: ['P2', 'P3'], metric: 'resolution', at: '333%', notify: ['c-owner'] },
  ],
})

describe('desired timers (property)', () => {
  test('each is due at the first instant its clock has spent its share of the target', () => {
    const log = fc.record({
      start: fc.integer({ min: 0, max: 7 * 24 * 60 }),
      severity: fc.constantFrom('P2', 'P3'),
      toggles: fc.array(fc.integer({ min: 1, max: 2 * 24 * 60 }), { maxLength: 6 }),
    })
    fc.assert(
      fc.property(log, ({ start, severity, toggles }) => {
        let at = START + start * 60_000
        const list = [ev.created(new Date(at).toISOString().slice(0, 16).replace('T', ' '), { severity })]
        toggles.forEach((gap, i) => {
          at += gap * 60_000
          const when = new Date(at).toISOString().slice(0, 16).replace('T', ' ')
          list.push(ev.status(when, i % 2 === 0 ? 'waiting_on_customer' : 'open'))
        })
        const clock = replay(events(...list), wide).clocks.find((c) => c.metric === 'resolution')!
        const timers = desiredTimers([clock])
        if (clock.state !== 'running') return timers.length === 0
        assert.equal(timers.length, 5 + 1 + 2)
        for (const timer of timers) {
          const goal = Math.floor((clock.rule.ms * Number(timer.percent)) / 100)
          assert.equal(elapsedAt(clock, timer.dueAt), goal, `${timer.kind} ${timer.percent}%`)
          assert.ok(elapsedAt(clock, timer.dueAt - 1) < goal, `${timer.kind} ${timer.percent}% is the first`)
        }
        return true
      }),
      { numRuns: 300 },
    )
  })
})
