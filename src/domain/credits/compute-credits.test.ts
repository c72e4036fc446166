// Every credit rule, one case at a time, on the helpdesk agreement with a portal objective and a
// fee of 12,000 a month (GBP unless a case says otherwise). September 2026 has 30 days
// (43,200 minutes), October 31 (44,640), 2026-Q4 92 days.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { CreditStatement } from './compute-credits.ts'
import type { CreditPeriod } from './credit-period.ts'
import {
  DAY,
  HOUR,
  type Measured,
  MINUTE,
  P1,
  periodOf,
  portalCredits,
  SEPTEMBER,
  statementFor,
  TIERS,
} from './test-support/credit-case.ts'

const SEPTEMBER_MS = 30 * DAY

type Line = [source: string, ref: string, percent: string, amount: string]
type Case = {
  name: string
  credits: string
  fee?: string
  period?: CreditPeriod
  measured?: Measured
  lines: Line[]
  total: string
  basis?: string
  cap?: boolean
  minimum?: boolean
}

const CASES: Case[] = [
  {
    name: 'below is <: uptime exactly at the bound earns nothing',
    credits: 'availability: [{ objective: portal-uptime, below: 99.9%, credit: 5% }]',
    measured: { availability: { 'portal-uptime': SEPTEMBER_MS / 1000 } },
    lines: [['availability', 'portal-uptime', '0', '0.00']],
    total: '0.00',
  },
  {
    name: 'atOrBelow is ≤: uptime exactly at the bound earns the tier',
    credits: 'availability: [{ objective: portal-uptime, atOrBelow: 99.9%, credit: 5% }]',
    measured: { availability: { 'portal-uptime': SEPTEMBER_MS / 1000 } },
    lines: [['availability', 'portal-uptime', '5', '600.00']],
    total: '600.00',
  },
  {
    name: 'below: a millisecond more downtime than the bound earns the tier',
    credits: 'availability: [{ objective: portal-uptime, below: 99.9%, credit: 5% }]',
    measured: { availability: { 'portal-uptime': SEPTEMBER_MS / 1000 + 1 } },
    lines: [['availability', 'portal-uptime', '5', '600.00']],
    total: '600.00',
  },
  {
    name: 'the worst applicable tier applies, whatever order the tiers are written in (94%)',
    credits: TIERS,
    measured: { availability: { 'portal-uptime': (SEPTEMBER_MS * 6) / 100 } },
    lines: [['availability', 'portal-uptime', '25', '3000.00']],
    total: '3000.00',
  },
  {
    name: 'a middle tier (98.5%)',
    credits: TIERS,
    measured: { availability: { 'portal-uptime': (SEPTEMBER_MS * 15) / 1000 } },
    lines: [['availability', 'portal-uptime', '10', '1200.00']],
    total: '1200.00',
  },
  {
    name: 'a lower bound leaves a gap: exactly 99.0% is in neither "≤ 99.9% and > 99.0%" nor "< 99.0%"',
    credits: `availability:
  - { objective: portal-uptime, atOrBelow: 99.9%, above: 99.0%, credit: 10% }
  - { objective: portal-uptime, below: 99.0%, credit: 25% }`,
    measured: { availability: { 'portal-uptime': SEPTEMBER_MS / 100 } },
    lines: [['availability', 'portal-uptime', '0', '0.00']],
    total: '0.00',
  },
  {
    name: 'no eligible time: no availability credit, even though the service was never up',
    credits: TIERS,
    measured: { availability: { 'portal-uptime': [0, 0] } },
    lines: [['availability', 'portal-uptime', '0', '0.00']],
    total: '0.00',
  },
  {
    name: 'the cap applies to the total, after the lines are rounded; the lines keep their amounts',
    credits: `cap: 25%
${TIERS}
targets: [{ severity: P1, metric: resolution, missedGoal: true, credit: 5% }]`,
    measured: {
      availability: { 'portal-uptime': (SEPTEMBER_MS * 6) / 100 },
      targets: [{ ...P1, total: 12, met: 11, breached: 1, goal: '95%' }],
    },
    lines: [
      ['availability', 'portal-uptime', '25', '3000.00'],
      ['target', 'P1/resolution', '5', '600.00'],
    ],
    total: '3000.00',
    cap: true,
  },
  {
    name: 'a total exactly at the cap is not capped',
    credits: `cap: 25%\n${TIERS}`,
    measured: { availability: { 'portal-uptime': (SEPTEMBER_MS * 6) / 100 } },
    lines: [['availability', 'portal-uptime', '25', '3000.00']],
    total: '3000.00',
  },
  {
    name: 'the minimum is a threshold: 30.00 under a minimum of 50.00 is not paid',
    credits: `minimum: { amount: 50, currency: GBP }
availability: [{ objective: portal-uptime, below: 99.9%, credit: 0.25% }]`,
    measured: { availability: { 'portal-uptime': 60 * MINUTE } },
    lines: [['availability', 'portal-uptime', '0.25', '30.00']],
    total: '0.00',
    minimum: true,
  },
  {
    name: 'a total exactly at the minimum is paid',
    credits: `minimum: { amount: "60.00", currency: GBP }
availability: [{ objective: portal-uptime, below: 99.9%, credit: 0.5% }]`,
    measured: { availability: { 'portal-uptime': 60 * MINUTE } },
    lines: [['availability', 'portal-uptime', '0.5', '60.00']],
    total: '60.00',
  },
  {
    name: 'a partial month of 10 days of September is worth 10/30 of the fee (6 hours down: 97.5%)',
    credits: TIERS,
    period: periodOf(['2026-09-21T00:00Z', '2026-10-01T00:00Z']),
    measured: { availability: { 'portal-uptime': 6 * HOUR } },
    basis: '4000.00',
    lines: [['availability', 'portal-uptime', '10', '400.00']],
    total: '400.00',
  },
  {
    name: 'a partial month of 10 days of October is worth 10/31 of the fee, rounded only when shown',
    credits: TIERS,
    period: periodOf(['2026-10-22T00:00Z', '2026-11-01T00:00Z']),
    measured: { availability: { 'portal-uptime': 6 * HOUR } },
    basis: '3870.97',
    lines: [['availability', 'portal-uptime', '10', '387.10']],
    total: '387.10',
  },
  {
    name: 'a quarter of 92 days is worth three fees, not 92/30 of one',
    credits: TIERS,
    period: periodOf('2026-Q4'),
    measured: { availability: { 'portal-uptime': 3 * DAY } },
    basis: '36000.00',
    lines: [['availability', 'portal-uptime', '10', '3600.00']],
    total: '3600.00',
  },
  {
    name: 'a formula credit: 10 × the fee for 43 minutes of a 30-day month',
    credits: 'formula: { objective: portal-uptime, multiplier: 10, of: downtime-fee }',
    measured: { availability: { 'portal-uptime': 43 * MINUTE } },
    lines: [['formula', 'portal-uptime', '0.9953', '119.44']],
    total: '119.44',
  },
  {
    name: 'a formula credit with a bound pays nothing while uptime is not under it (99.9004%)',
    credits: 'formula: { objective: portal-uptime, multiplier: 10, of: downtime-fee, below: 99.9% }',
    measured: { availability: { 'portal-uptime': 43 * MINUTE } },
    lines: [['formula', 'portal-uptime', '0', '0.00']],
    total: '0.00',
  },
  {
    name: 'a formula credit with a bound pays once uptime is under it (99.8981%)',
    credits: 'formula: { objective: portal-uptime, multiplier: 10, of: downtime-fee, below: 99.9% }',
    measured: { availability: { 'portal-uptime': 44 * MINUTE } },
    lines: [['formula', 'portal-uptime', '1.0185', '122.22']],
    total: '122.22',
  },
  {
    name: 'per breach: 3 breaches × 2%',
    credits: 'targets: [{ severity: P1, metric: resolution, perBreach: true, credit: 2% }]',
    measured: { targets: [{ ...P1, total: 20, met: 17, breached: 3 }] },
    lines: [['target', 'P1/resolution', '6', '720.00']],
    total: '720.00',
  },
  {
    name: 'missed goal: 11 of 12 (91.67%) misses 95%',
    credits: 'targets: [{ severity: P1, metric: resolution, missedGoal: true, credit: 5% }]',
    measured: { targets: [{ ...P1, total: 12, met: 11, breached: 1, goal: '95%' }] },
    lines: [['target', 'P1/resolution', '5', '600.00']],
    total: '600.00',
  },
  {
    name: 'missed goal: 11 of 12 meets 90%',
    credits: 'targets: [{ severity: P1, metric: resolution, missedGoal: true, credit: 5% }]',
    measured: { targets: [{ ...P1, total: 12, met: 11, breached: 1, goal: '90%' }] },
    lines: [['target', 'P1/resolution', '0', '0.00']],
    total: '0.00',
  },
  {
    name: 'both kinds on one target give one line each, and every credit rule gets a line',
    credits: `targets:
  - { severity: P1, metric: resolution, missedGoal: true, perBreach: true, credit: 1% }
  - { severity: P2, metric: resolution, missedGoal: true, credit: 3% }`,
    measured: { targets: [{ ...P1, total: 10, met: 8, breached: 2, goal: '90%' }] },
    lines: [
      ['target', 'P1/resolution', '1', '120.00'],
      ['target', 'P1/resolution', '2', '240.00'],
      ['target', 'P2/resolution', '0', '0.00'],
    ],
    total: '360.00',
  },
  {
    name: 'rounding: 5% of 10.10 is 0.505, which rounds half up to 0.51',
    credits: 'availability: [{ objective: portal-uptime, below: 99.9%, credit: 5% }]',
    fee: '{ amount: "10.10", currency: GBP }',
    measured: { availability: { 'portal-uptime': DAY } },
    lines: [['availability', 'portal-uptime', '5', '0.51']],
    total: '0.51',
  },
  {
    name: 'rounding: 5% of 10.09 is 0.5045, which rounds to 0.50',
    credits: 'availability: [{ objective: portal-uptime, below: 99.9%, credit: 5% }]',
    fee: '{ amount: "10.09", currency: GBP }',
    measured: { availability: { 'portal-uptime': DAY } },
    lines: [['availability', 'portal-uptime', '5', '0.50']],
    total: '0.50',
  },
  {
    name: 'rounding: the total is the sum of the rounded lines (0.51 + 0.51), not the rounded sum (1.01)',
    credits: `availability: [{ objective: portal-uptime, below: 99.9%, credit: 5% }]
targets: [{ severity: P1, metric: resolution, perBreach: true, credit: 5% }]`,
    fee: '{ amount: "10.10", currency: GBP }',
    measured: {
      availability: { 'portal-uptime': DAY },
      targets: [{ ...P1, total: 1, met: 0, breached: 1 }],
    },
    lines: [
      ['availability', 'portal-uptime', '5', '0.51'],
      ['target', 'P1/resolution', '5', '0.51'],
    ],
    total: '1.02',
  },
  {
    name: 'yen have no minor unit: 10% of ¥100,005 is ¥10,000.5, paid as ¥10,001',
    credits: TIERS,
    fee: '{ amount: 100005, currency: JPY }',
    measured: { availability: { 'portal-uptime': DAY } },
    basis: '100005',
    lines: [['availability', 'portal-uptime', '10', '10001']],
    total: '10001',
  },
  {
    name: 'dinars have three decimals: 10% of 1,234.567 KWD',
    credits: TIERS,
    fee: '{ amount: "1234.567", currency: KWD }',
    measured: { availability: { 'portal-uptime': DAY } },
    basis: '1234.567',
    lines: [['availability', 'portal-uptime', '10', '123.457']],
    total: '123.457',
  },
]

const rows = (s: CreditStatement): Line[] => s.lines.map((l) => [l.source, l.ref, l.percent, l.amount])

describe('credit rules', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const s = statementFor(portalCredits(c.credits, c.fee), c.period ?? SEPTEMBER, c.measured)
      assert.deepEqual(rows(s), c.lines)
      assert.equal(s.total, c.total)
      if (c.basis !== undefined) assert.equal(s.basis, c.basis)
      assert.equal(s.cap_applied, c.cap ?? false)
      assert.equal(s.minimum_applied, c.minimum ?? false)
    })
  }
})
