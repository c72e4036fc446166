// What a statement carries besides the amounts: the claim date, exclusions, sole remedy, and
// a reason on every line; and the worked example of docs/credits.md.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { parseAgreement } from '../agreement/parse-agreement.ts'
import { computeCredits } from './compute-credits.ts'
import { creditPeriod } from './credit-period.ts'
import {
  DAY,
  type Measured,
  MINUTE,
  P1,
  portalCredits,
  SEPTEMBER,
  statementFor,
  TIERS,
} from './test-support/credit-case.ts'

describe('the statement', () => {
  test('carries the currency, basis, claim date, exclusions and sole remedy', () => {
    const credits = portalCredits(`claimWindow: P30D
exclusions: [scheduled maintenance, customer-caused outages]
soleRemedy: true
${TIERS}`)
    const s = statementFor(credits, SEPTEMBER, { availability: { 'portal-uptime': 60 * MINUTE } })
    assert.deepEqual(s, {
      currency: 'GBP',
      basis: '12000.00',
      lines: [
        {
          source: 'availability',
          ref: 'portal-uptime',
          percent: '5',
          amount: '600.00',
          reason: 'uptime 99.8611% is below 99.9%: 5%',
        },
      ],
      total: '600.00',
      cap_applied: false,
      minimum_applied: false,
      claim_by: '2026-10-30',
      exclusions: ['scheduled maintenance', 'customer-caused outages'],
      sole_remedy: true,
    })
  })

  test('without a claim window, exclusions or a sole-remedy clause', () => {
    const s = statementFor(portalCredits(TIERS), SEPTEMBER)
    assert.deepEqual([s.claim_by, s.exclusions, s.sole_remedy], [null, [], false])
  })

  test('every line says why', () => {
    const credits = portalCredits(`${TIERS}
targets:
  - { severity: P1, metric: resolution, missedGoal: true, credit: 5% }
  - { severity: P2, metric: resolution, perBreach: true, credit: 1% }
  - { severity: P3, metric: resolution, missedGoal: true, credit: 1% }
formula: { objective: portal-uptime, multiplier: 10, of: downtime-fee, atOrBelow: 99.9% }`)
    const reasons = (m: Measured) => statementFor(credits, SEPTEMBER, m).lines.map((l) => l.reason)
    assert.deepEqual(
      reasons({
        availability: { 'portal-uptime': 43 * MINUTE },
        targets: [
          { ...P1, total: 12, met: 11, breached: 1, goal: '95%' },
          { severity: 'P2', metric: 'resolution', total: 4, met: 3, breached: 1 },
          { severity: 'P3', metric: 'resolution', total: 4, met: 3, breached: 1, goal: null },
        ],
      }),
      [
        'uptime 99.9004% falls in no credit tier',
        '11 of 12 met (91.6666%), goal 95% missed: 5%',
        '1 breach × 1%',
        '3 of 4 met (75%), but the target sets no goal to miss: no credit',
        'uptime 99.9004% is not at or below 99.9%: no formula credit',
      ],
    )
    assert.deepEqual(
      reasons({
        availability: { 'portal-uptime': [0, 0] },
        targets: [{ ...P1, total: 10, met: 9, breached: 1, goal: '90%' }],
      }),
      [
        'no time in the period was eligible, so uptime is undefined: no availability credit',
        '9 of 10 met (90%), goal 90% met: no credit',
        'no breaches: no credit',
        'no tickets with an outcome: the goal is not missed',
        'no time in the period was eligible, so uptime is undefined: no formula credit',
      ],
    )
    assert.deepEqual(reasons({ availability: { 'portal-uptime': 3 * 60 * MINUTE } }).slice(-1), [
      'uptime 99.5833% is at or below 99.9%: 10 × the fee for 3h of downtime in 30d',
    ])
    assert.equal(reasons({})[0], 'objective "portal-uptime" was not measured: no availability credit')
  })

  test('a minimum in another currency than the fee is refused by the agreement schema', () => {
    assert.throws(
      () => portalCredits('minimum: { amount: 1, currency: USD }'),
      /must be the basis currency, GBP: credits are paid in one currency/,
    )
  })
})

test('the worked example of docs/credits.md, on the reference helpdesk agreement', () => {
  const text = readFileSync(new URL('../../../../shared/examples/helpdesk-sla.yaml', import.meta.url), 'utf8')
  const parsed = parseAgreement(text)
  assert.ok(parsed.ok)
  const start = Date.parse('2026-10-22T00:00Z')
  const s = computeCredits({
    credits: parsed.agreement.spec.credits!,
    period: creditPeriod({ start, end: Date.parse('2026-11-01T00:00Z') }, 'UTC'),
    availability: new Map([['portal-uptime', { eligibleMs: 10 * DAY, downMs: 50 * MINUTE }]]),
    targets: [{ ...P1, total: 10, met: 8, breached: 2, goal: '90%' }],
  })
  assert.deepEqual(s, {
    currency: 'GBP',
    basis: '3870.97',
    lines: [
      {
        source: 'availability',
        ref: 'portal-uptime',
        percent: '5',
        amount: '193.55',
        reason: 'uptime 99.6527% is below 99.9%: 5%',
      },
      {
        source: 'target',
        ref: 'P1/resolution',
        percent: '5',
        amount: '193.55',
        reason: '8 of 10 met (80%), goal 90% missed: 5%',
      },
    ],
    total: '387.10',
    cap_applied: false,
    minimum_applied: false,
    claim_by: '2026-11-30',
    exclusions: [],
    sole_remedy: false,
  })
})
