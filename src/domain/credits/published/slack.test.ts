// Slack Business+ and Enterprise Grid (the 2024 text), from the figures in
// ../shared/research/availability.md §3: 99.99% a calendar quarter, and when Slack falls short,
// a credit of 10 times the fees for the time the service was down: a formula credit with a bound.
// Scheduled maintenance is left out of the measurement, not out of the fee.
import { describe } from 'node:test'
import { agreementFrom, MINUTE, periodOf } from '../test-support/credit-case.ts'
import { workedExamples } from '../test-support/published-case.ts'

const slack = agreementFrom(`
services: [{ id: slack, name: Slack }]
availability:
  - { id: uptime, service: slack, target: 99.99%, period: quarter, noData: up, exclude: [maintenance] }
credits:
  basis: { monthlyFee: { amount: 1250, currency: USD } }
  formula: { objective: uptime, multiplier: 10, of: downtime-fee, below: 99.99% }
`)

// 2026-Q1 has 90 days (129,600 minutes); the quarter's fee is $3,750.
const Q1 = periodOf('2026-Q1')

describe('Slack Business+ and Enterprise (99.99% a quarter, 10× the fee for the downtime)', () => {
  workedExamples(slack, [
    {
      name: '60 minutes: 99.9537%; 10 × $3,750 × 60 / 129,600 = $17.3611 → $17.36',
      period: Q1,
      down: 60 * MINUTE,
      line: ['0.4629', '17.36', 'uptime 99.9537% is below 99.99%: 10 × the fee for 1h of downtime in 90d'],
      total: '17.36',
    },
    {
      name: '12 minutes: 99.9907% → nothing',
      period: Q1,
      down: 12 * MINUTE,
      line: ['0', '0.00', 'uptime 99.9907% is not below 99.99%: no formula credit'],
      total: '0.00',
    },
    {
      name: '12.96 minutes is exactly 99.99%, which is not short of it → nothing',
      period: Q1,
      down: 777_600,
      line: ['0', '0.00', 'uptime 99.9900% is not below 99.99%: no formula credit'],
      total: '0.00',
    },
    {
      name: '13 minutes: 99.9899%; 10 × $3,750 × 13 / 129,600 = $3.7615 → $3.76',
      period: Q1,
      down: 13 * MINUTE,
      line: ['0.1003', '3.76', 'uptime 99.9899% is below 99.99%: 10 × the fee for 13m of downtime in 90d'],
      total: '3.76',
    },
  ])
})
