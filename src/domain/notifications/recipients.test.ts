// Who is told of a threshold, and when: escalation levels, the service desk for warnings and
// breaches, the agent, and office hours held for contacts who keep them (never for a breach
// of a target kept around the clock). London keeps GMT in November: local times read as UTC.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Agreement } from '../agreement/schema.ts'
import { compileClockPolicy } from '../clocks/clock-policy.ts'
import { type AgreementChanges, helpdeskAgreement, t } from '../clocks/test-support/clock-fixture.ts'
import { type FiredThreshold, type Recipient, recipientsOfThreshold } from './recipients.ts'

type Spec = Agreement['spec']
const CONTACTS: NonNullable<Spec['contacts']> = [
  { id: 'c-desk', name: 'Service desk', role: 'service-desk', email: 'desk@example-it.example' },
  {
    id: 'c-lead',
    name: 'Mei Tanaka',
    role: 'support-lead',
    email: 'mei@example-it.example',
    calendar: 'business',
  },
  {
    id: 'c-owner',
    name: 'Luis Ferreira',
    role: 'service-owner',
    email: 'luis@example-it.example',
    calendar: 'business',
  },
  { id: 'c-night', name: 'Night shift', role: 'support-lead' },
]
const REFERRAL: NonNullable<Spec['referral']> = [
  { level: 'L1', contact: 'c-desk' },
  { level: 'L2', contact: 'c-lead' },
]
const ESCALATION: NonNullable<Spec['escalation']> = [
  {
    level: 1,
    severities: ['P2'],
    metric: 'resolution',
    at: '75%',
    notify: ['c-lead'],
    respectContactHours: true,
  },
  {
    level: 2,
    severities: ['P1', 'P2'],
    metric: 'resolution',
    at: '100%',
    notify: ['c-owner', 'c-night'],
    respectContactHours: true,
    notifyAgent: true,
  },
  { level: 3, severities: ['P1'], metric: 'resolution', at: '200%', notify: ['c-owner', 'c-lead'] },
]

function recipients(
  fired: FiredThreshold,
  options: { agent?: string | null; target?: 'business' | 'always'; changes?: AgreementChanges } = {},
): string[] {
  const agreement = helpdeskAgreement({
    contacts: CONTACTS,
    referral: REFERRAL,
    escalation: ESCALATION,
    ...options.changes,
  })
  const { calendars } = compileClockPolicy(agreement, 'v1')
  const found = recipientsOfThreshold(agreement, fired, {
    agent: options.agent ?? null,
    calendars,
    targetCalendar: calendars.get(options.target ?? 'business'),
  })
  return found.map(brief)
}

const brief = (r: Recipient) =>
  `${r.id} ${r.email ?? '-'} ${r.notBefore === null ? 'now' : new Date(r.notBefore).toISOString().slice(0, 16)}`

const FRIDAY_EVENING = '2026-11-27 19:00'
const TUESDAY_NOON = '2026-11-24 12:00'
const fired = (kind: FiredThreshold['kind'], at: string, level = 0, percent = '75'): FiredThreshold => ({
  kind,
  level,
  percent,
  at: t(at),
})

describe('recipients of a threshold', () => {
  test('a warning goes to the first referral level (the service desk) and the agent, at once', () => {
    assert.deepEqual(recipients(fired('warning', FRIDAY_EVENING), { agent: 'sam@example-it.example' }), [
      'c-desk desk@example-it.example now',
      'agent sam@example-it.example now',
    ])
  })

  test('an agent named without an address is still named; no referral levels leave only the agent', () => {
    assert.deepEqual(recipients(fired('breach', TUESDAY_NOON, 0, '100'), { agent: 'Sam' }), [
      'c-desk desk@example-it.example now',
      'agent - now',
    ])
    assert.deepEqual(
      recipients(fired('warning', TUESDAY_NOON), { agent: 'Sam', changes: { referral: [] } }),
      ['agent - now'],
    )
  })

  test('a referral level with its own calendar is told when that calendar opens, unless the breach is 24×7', () => {
    const referral = [{ level: 'L1', contact: 'c-desk', calendar: 'business' }]
    assert.deepEqual(recipients(fired('warning', FRIDAY_EVENING), { changes: { referral } }), [
      'c-desk desk@example-it.example 2026-11-30T08:00',
    ])
    assert.deepEqual(
      recipients(fired('breach', FRIDAY_EVENING, 0, '100'), { target: 'always', changes: { referral } }),
      ['c-desk desk@example-it.example now'],
    )
    assert.deepEqual(
      recipients(fired('breach', FRIDAY_EVENING, 0, '100'), { target: 'business', changes: { referral } }),
      ['c-desk desk@example-it.example 2026-11-30T08:00'],
    )
  })

  test('an escalation level tells its contacts; with respectContactHours, office-hours contacts wait', () => {
    assert.deepEqual(recipients(fired('escalation', FRIDAY_EVENING, 1)), [
      'c-lead mei@example-it.example 2026-11-30T08:00',
    ])
    assert.deepEqual(recipients(fired('escalation', TUESDAY_NOON, 1)), ['c-lead mei@example-it.example now'])
  })

  test('a contact without a calendar is told at once; the agent when the level says so', () => {
    assert.deepEqual(
      recipients(fired('escalation', FRIDAY_EVENING, 2, '100'), { agent: 'sam@example-it.example' }),
      [
        'c-owner luis@example-it.example 2026-11-30T08:00',
        'c-night - now',
        'agent sam@example-it.example now',
      ],
    )
    assert.deepEqual(
      recipients(fired('escalation', FRIDAY_EVENING, 1), { agent: 'sam@example-it.example' }),
      ['c-lead mei@example-it.example 2026-11-30T08:00'],
    )
  })

  test('an escalation past the target of a 24×7 target is a breach: nobody waits', () => {
    assert.deepEqual(recipients(fired('escalation', FRIDAY_EVENING, 2, '100'), { target: 'always' }), [
      'c-owner luis@example-it.example now',
      'c-night - now',
    ])
  })

  test('without respectContactHours nobody waits; holidays hold like nights (Christmas to the 29th)', () => {
    assert.deepEqual(recipients(fired('escalation', FRIDAY_EVENING, 3, '200')), [
      'c-owner luis@example-it.example now',
      'c-lead mei@example-it.example now',
    ])
    assert.deepEqual(recipients(fired('escalation', '2026-12-24 10:00', 1)), [
      'c-lead mei@example-it.example 2026-12-29T08:00',
    ])
  })

  test('one address is told once, at the earliest of its holds; an unknown level tells only the agent', () => {
    const escalation = [{ ...ESCALATION[0]!, notify: ['c-lead', 'c-lead'], notifyAgent: true }]
    assert.deepEqual(recipients(fired('escalation', FRIDAY_EVENING, 1), { changes: { escalation } }), [
      'c-lead mei@example-it.example 2026-11-30T08:00',
    ])
    // The agent is the support lead herself: told once, at once.
    assert.deepEqual(
      recipients(fired('escalation', FRIDAY_EVENING, 1), {
        agent: 'MEI@example-it.example',
        changes: { escalation },
      }),
      ['c-lead mei@example-it.example now'],
    )
    assert.deepEqual(recipients(fired('escalation', FRIDAY_EVENING, 9), { agent: 'Sam' }), ['agent - now'])
  })
})
