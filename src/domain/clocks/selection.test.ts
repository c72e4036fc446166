// Selection among several agreements: customer-facing agreements are ordered rules (customer
// and service), first match wins, with an explicit fallback; every OLA or underpinning
// contract that matches adds its own named clocks. A ticket created Mon 23 Nov 2026 09:00.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Agreement } from '../agreement/schema.ts'
import { type AgreementVersion, agreementSelector, replaySelected, viewSelectedClocks } from './selection.ts'
import { ev, events, HOUR, helpdeskAgreement, iso, TARGETS, t } from './test-support/clock-fixture.ts'

const party = (id: string) => ({ id, name: id })
const p2 = (metric: 'first_response' | 'resolution', within: string, calendar = 'business') => ({
  severity: 'P2',
  metric,
  within,
  calendar,
})
const services = (...ids: string[]) => ids.map((id) => ({ id, name: id }))

const AGREEMENTS: Agreement[] = [
  // Rule 1: Acme's portal has its own, faster SLA.
  helpdeskAgreement({
    id: 'acme-portal',
    services: services('portal'),
    targets: [p2('first_response', '1h'), p2('resolution', '16h')],
  }),
  // Rule 2: the rest of Acme's services.
  helpdeskAgreement({ id: 'acme-helpdesk', services: services('portal', 'email'), targets: TARGETS }),
  // The fallback: anyone, any service.
  helpdeskAgreement({
    id: 'standard',
    parties: { provider: party('example-it'), customer: party('everyone') },
    services: [],
    targets: [p2('first_response', '8h'), p2('resolution', '40h')],
  }),
  // The database team promises the provider 8h on portal tickets.
  helpdeskAgreement({
    id: 'db-ola',
    kind: 'OperationalLevelAgreement',
    parties: { provider: party('db-team'), customer: party('example-it') },
    services: services('portal'),
    targets: [p2('resolution', '8h')],
  }),
  // A mail vendor promises the provider 24h, round the clock, on email tickets.
  helpdeskAgreement({
    id: 'mail-uc',
    kind: 'UnderpinningContract',
    parties: { provider: party('mail-vendor'), customer: party('example-it') },
    services: services('email'),
    targets: [p2('resolution', '24h', 'always')],
  }),
  // An OLA between two other parties does not concern this provider's tickets.
  helpdeskAgreement({
    id: 'other-ola',
    kind: 'OperationalLevelAgreement',
    parties: { provider: party('db-team'), customer: party('someone-else') },
    services: services('portal'),
    targets: [p2('resolution', '1h')],
  }),
]
const JAN = t('2026-01-01 00:00')
const versions: AgreementVersion[] = AGREEMENTS.map((agreement) => ({
  agreement,
  version: 'v1',
  effectiveFrom: JAN,
}))

function selector(list = versions, options: { fallback?: string } = { fallback: 'standard' }) {
  const result = agreementSelector(list, options)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.value
}

describe('selecting the agreements for a ticket', () => {
  const created = t('2026-11-23 09:00')
  const cases: [string, string, string | undefined, string[]][] = [
    [
      'the first matching rule wins, and the OLA on its service joins',
      'acme',
      'portal',
      ['acme-portal', 'db-ola'],
    ],
    [
      'the second rule, with the underpinning contract on email',
      'acme',
      'email',
      ['acme-helpdesk', 'mail-uc'],
    ],
    [
      'another customer falls back; the OLA underpins the fallback’s provider',
      'globex',
      'portal',
      ['standard', 'db-ola'],
    ],
    ['no service: agreements that list services do not match', 'acme', undefined, ['standard']],
  ]
  for (const [name, customer, service, want] of cases) {
    test(name, () => {
      const applied = selector()({ customer, service, createdAt: created })
      assert.deepEqual(
        applied.map((a) => a.id),
        want,
      )
    })
  }

  test('without a fallback, an unmatched ticket has no customer-facing agreement', () => {
    const applied = selector(versions, {})({ customer: 'globex', service: 'portal', createdAt: created })
    assert.deepEqual(
      applied.map((a) => [a.id, a.kind]),
      [],
    )
  })

  test('rules are matched on the versions in force at the ticket’s creation', () => {
    // The portal SLA only comes into force on 1 Dec: a ticket of 23 Nov goes to rule 2.
    const later = versions.map((v) =>
      v.agreement.metadata.id === 'acme-portal' ? { ...v, effectiveFrom: t('2026-12-01 00:00') } : v,
    )
    const pick = selector(later)
    assert.deepEqual(
      pick({ customer: 'acme', service: 'portal', createdAt: created }).map((a) => a.id),
      ['acme-helpdesk', 'db-ola'],
    )
    assert.deepEqual(
      pick({ customer: 'acme', service: 'portal', createdAt: t('2026-12-01 09:00') }).map((a) => a.id),
      ['acme-portal', 'db-ola'],
    )
  })

  test('a fallback that is not a customer-facing agreement is refused', () => {
    for (const fallback of ['db-ola', 'nope']) {
      const result = agreementSelector(versions, { fallback })
      assert.equal(result.ok, false)
      if (!result.ok)
        assert.deepEqual(
          result.issues.map((i) => [i.path, i.message]),
          [[['fallback'], `"${fallback}" names no customer-facing agreement`]],
        )
    }
  })

  test('two versions of one agreement from the same instant are refused', () => {
    const result = agreementSelector([...versions, { ...versions[0]!, version: 'v1b' }])
    assert.equal(result.ok, false)
  })
})

describe('the clocks of a ticket under several agreements', () => {
  test('the OLA adds its own named clocks beside the SLA’s', () => {
    // Portal ticket, Mon 09:00, read 10:30. acme-portal: first response 1h → 10:00 (breached),
    // resolution 16h → Tue 15:00. db-ola: resolution 8h → Mon 17:00.
    const list = events(ev.created('2026-11-23 09:00'))
    const views = viewSelectedClocks(replaySelected(list, selector()), t('2026-11-23 10:30'))
    assert.deepEqual(
      views.map((v) => [v.agreement, v.metric, v.target_ms, v.due, v.breached]),
      [
        ['acme-portal', 'first_response', HOUR, iso('2026-11-23 10:00'), true],
        ['acme-portal', 'resolution', 16 * HOUR, iso('2026-11-24 15:00'), false],
        ['db-ola', 'resolution', 8 * HOUR, iso('2026-11-23 17:00'), false],
      ],
    )
    assert.equal(Object.keys(views[0]!)[0], 'agreement')
  })

  test('under one agreement, clocks keep the plain shape', () => {
    const list = events(ev.created('2026-11-23 09:00', { service: undefined }))
    const views = viewSelectedClocks(replaySelected(list, selector()), t('2026-11-23 10:30'))
    assert.deepEqual(
      views.map((v) => ['agreement' in v, v.metric, v.target_ms]),
      [
        [false, 'first_response', 8 * HOUR],
        [false, 'resolution', 40 * HOUR],
      ],
    )
  })

  test('a log without a creation has no clocks', () => {
    const list = events(ev.agent('2026-11-23 09:00'))
    assert.deepEqual(replaySelected(list, selector()), [])
  })
})
