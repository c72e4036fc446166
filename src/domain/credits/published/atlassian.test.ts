// Atlassian Cloud Premium, from the figures in ../shared/research/availability.md §3: 99.9% a
// calendar month in UTC; below 99.9% → 10% (Atlassian's own example: 60 minutes → 99.86% →
// 10%). The lower tiers, below 99.0% → 25% and below 95.0% → 50%, are the common reading and are
// not yet verified against the live page. Claims within 15 days of the month's end.
import { describe } from 'node:test'
import { agreementFrom, DAY, MINUTE, periodOf } from '../test-support/credit-case.ts'
import { workedExamples } from '../test-support/published-case.ts'

const atlassian = agreementFrom(`
services: [{ id: jira, name: Jira Cloud Premium }]
availability:
  - { id: uptime, service: jira, target: 99.9%, period: month, timezone: UTC, noData: up }
credits:
  basis: { monthlyFee: { amount: 1500, currency: USD } }
  claimWindow: P15D
  availability:
    - { objective: uptime, below: 99.9%, credit: 10% }
    - { objective: uptime, below: 99.0%, credit: 25% }
    - { objective: uptime, below: 95.0%, credit: 50% }
`)

const SEPTEMBER = periodOf('2026-09') // 43,200 minutes

describe('Atlassian Cloud Premium (99.9%)', () => {
  workedExamples(atlassian, [
    {
      name: '60 minutes in September: 43,140 / 43,200 = 99.8611% → 10% of $1,500',
      period: SEPTEMBER,
      down: 60 * MINUTE,
      line: ['10', '150.00', 'uptime 99.8611% is below 99.9%: 10%'],
      total: '150.00',
      claimBy: '2026-10-15',
    },
    {
      name: '43 minutes: 99.9004% → nothing',
      period: SEPTEMBER,
      down: 43 * MINUTE,
      line: ['0', '0.00', 'uptime 99.9004% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: '8 hours: 98.8888% → 25%',
      period: SEPTEMBER,
      down: 480 * MINUTE,
      line: ['25', '375.00', 'uptime 98.8888% is below 99.0%: 25%'],
      total: '375.00',
    },
    {
      name: '2 days: 93.3333% → 50%',
      period: SEPTEMBER,
      down: 2 * DAY,
      line: ['50', '750.00', 'uptime 93.3333% is below 95.0%: 50%'],
      total: '750.00',
    },
  ])
})
