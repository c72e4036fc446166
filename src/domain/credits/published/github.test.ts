// GitHub Enterprise Cloud (the 2020 text), from the figures in ../shared/research/availability.md
// §3: 99.9% a calendar quarter; at or below 99.9% but above 99.0% → 10% of the quarter's fee,
// below 99.0% → 25%. Read literally, exactly 99.0% is in neither tier; the schedule keeps that
// gap with a lower bound rather than guess. Claims within 30 days of the quarter's end.
import { describe } from 'node:test'
import { agreementFrom, MINUTE, periodOf } from '../test-support/credit-case.ts'
import { workedExamples } from '../test-support/published-case.ts'

const github = agreementFrom(`
services: [{ id: github, name: GitHub Enterprise Cloud }]
availability:
  - { id: uptime, service: github, target: 99.9%, period: quarter, noData: up }
credits:
  basis: { monthlyFee: { amount: 2100, currency: USD } }
  claimWindow: P30D
  availability:
    - { objective: uptime, atOrBelow: 99.9%, above: 99.0%, credit: 10% }
    - { objective: uptime, below: 99.0%, credit: 25% }
`)

// 2026-Q1 has 90 days (129,600 minutes); the quarter's fee is three monthly fees, $6,300.
const Q1 = periodOf('2026-Q1')

describe('GitHub Enterprise Cloud (99.9% a quarter)', () => {
  workedExamples(github, [
    {
      name: '129.6 minutes is exactly 99.9%, which is "at or below 99.9%" → 10% of $6,300',
      period: Q1,
      down: 7_776_000,
      line: ['10', '630.00', 'uptime 99.9000% is at or below 99.9% and above 99.0%: 10%'],
      total: '630.00',
      claimBy: '2026-04-30',
    },
    {
      name: '129 minutes: 99.9004% → nothing',
      period: Q1,
      down: 129 * MINUTE,
      line: ['0', '0.00', 'uptime 99.9004% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: 'exactly 99.0% (1,296 minutes) is in the gap between the tiers → nothing',
      period: Q1,
      down: 1296 * MINUTE,
      line: ['0', '0.00', 'uptime 99.0000% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: '1,300 minutes: 98.9969% → 25%',
      period: Q1,
      down: 1300 * MINUTE,
      line: ['25', '1575.00', 'uptime 98.9969% is below 99.0%: 25%'],
      total: '1575.00',
    },
  ])
})
