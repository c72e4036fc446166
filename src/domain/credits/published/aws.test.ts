// Amazon Web Services: EC2 at region level, and S3 Standard and Standard-IA, from the figures
// in ../shared/research/availability.md §3. Fees are ours; the schedules are AWS's.
import { describe } from 'node:test'
import { agreementFrom, DAY, HOUR, MINUTE, periodOf } from '../test-support/credit-case.ts'
import { workedExamples } from '../test-support/published-case.ts'

// EC2, region level: 99.99% a month of "Region Unavailable" minutes. Less than 99.99% but at
// least 99.0% → 10%; less than 99.0% but at least 95.0% → 30%; less than 95.0% → 100%. Since the
// worst applicable tier applies, the lower bounds need not be written. AWS issues a credit only
// when it is more than USD 1: in whole cents that is a minimum of 1.01. Claims by the end of the
// second billing cycle after the incident: two months after the period ends.
const ec2 = (fee: string) =>
  agreementFrom(`
services: [{ id: ec2, name: Amazon EC2 in one region }]
availability:
  - { id: region, service: ec2, target: 99.99%, period: month, noData: up }
credits:
  basis: { monthlyFee: { amount: "${fee}", currency: USD } }
  minimum: { amount: "1.01", currency: USD }
  claimWindow: P2M
  soleRemedy: true
  availability:
    - { objective: region, below: 99.99%, credit: 10% }
    - { objective: region, below: 99.0%, credit: 30% }
    - { objective: region, below: 95.0%, credit: 100% }
`)

const OCTOBER = periodOf('2026-10') // 44,640 minutes
const SEPTEMBER = periodOf('2026-09') // 43,200 minutes

describe('AWS EC2, region level (99.99%)', () => {
  workedExamples(ec2('1000'), [
    {
      name: '43 minutes in October: 44,597 / 44,640 = 99.9036% < 99.99% → 10% of $1,000',
      period: OCTOBER,
      down: 43 * MINUTE,
      line: ['10', '100.00', 'uptime 99.9036% is below 99.99%: 10%'],
      total: '100.00',
      claimBy: '2026-12-31',
    },
    {
      name: 'exactly 99.0% (446.4 minutes of October) is "at least 99.0%" → 10%, not 30%',
      period: OCTOBER,
      down: 26_784_000,
      line: ['10', '100.00', 'uptime 99.0000% is below 99.99%: 10%'],
      total: '100.00',
    },
    {
      name: '4 minutes in September: 99.9907%, within the 4.32 minutes allowed → nothing',
      period: SEPTEMBER,
      down: 4 * MINUTE,
      line: ['0', '0.00', 'uptime 99.9907% falls in no credit tier'],
      total: '0.00',
      claimBy: '2026-11-30',
    },
    {
      name: '5 minutes in September: 99.9884% → 10%',
      period: SEPTEMBER,
      down: 5 * MINUTE,
      line: ['10', '100.00', 'uptime 99.9884% is below 99.99%: 10%'],
      total: '100.00',
    },
    {
      name: '8 hours in September: 98.8888% → 30%',
      period: SEPTEMBER,
      down: 8 * HOUR,
      line: ['30', '300.00', 'uptime 98.8888% is below 99.0%: 30%'],
      total: '300.00',
    },
    {
      name: '3 days in September: 90% → 100%',
      period: SEPTEMBER,
      down: 3 * DAY,
      line: ['100', '1000.00', 'uptime 90.0000% is below 95.0%: 100%'],
      total: '1000.00',
    },
  ])
  workedExamples(ec2('10'), [
    {
      name: 'on a $10 bill, 10% is $1.00: not more than USD 1, so not issued',
      period: OCTOBER,
      down: 43 * MINUTE,
      line: ['10', '1.00', 'uptime 99.9036% is below 99.99%: 10%'],
      total: '0.00',
      minimumApplied: true,
    },
  ])
  workedExamples(ec2('10.10'), [
    {
      name: 'on a $10.10 bill, 10% is $1.01: issued',
      period: OCTOBER,
      down: 43 * MINUTE,
      line: ['10', '1.01', 'uptime 99.9036% is below 99.99%: 10%'],
      total: '1.01',
    },
  ])
})

// S3: uptime is 100% minus the mean of the error rates of the month's 5-minute intervals (an
// interval without requests has a 0% error rate). As figures: every interval is 5 eligible
// minutes, and an interval with error rate e is 5·e down minutes. September has 8,640 intervals.
const INTERVAL = 5 * MINUTE
const s3 = (id: string, target: string, tiers: [string, string][], fee: number) =>
  agreementFrom(`
services: [{ id: s3, name: Amazon S3 }]
availability:
  - { id: ${id}, service: s3, target: ${target}, period: month, noData: up }
credits:
  basis: { monthlyFee: { amount: ${fee}, currency: USD } }
  minimum: { amount: "1.01", currency: USD }
  claimWindow: P2M
  availability:
${tiers.map(([below, credit]) => `    - { objective: ${id}, below: ${below}, credit: ${credit} }`).join('\n')}
`)

describe('AWS S3 Standard (99.9%)', () => {
  const standard = s3(
    'standard',
    '99.9%',
    [
      ['99.9%', '10%'],
      ['99.0%', '25%'],
      ['95.0%', '100%'],
    ],
    2000,
  )
  workedExamples(standard, [
    {
      name: '100 intervals all errors and 50 at 20%: mean error 110 / 8,640 = 1.2731% → 98.7268% → 25%',
      period: SEPTEMBER,
      down: (100 + (50 * 20) / 100) * INTERVAL,
      line: ['25', '500.00', 'uptime 98.7268% is below 99.0%: 25%'],
      total: '500.00',
    },
    {
      name: '8 intervals all errors: 99.9074% → nothing',
      period: SEPTEMBER,
      down: 8 * INTERVAL,
      line: ['0', '0.00', 'uptime 99.9074% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: '9 intervals all errors: 99.8958% → 10%',
      period: SEPTEMBER,
      down: 9 * INTERVAL,
      line: ['10', '200.00', 'uptime 99.8958% is below 99.9%: 10%'],
      total: '200.00',
    },
  ])
})

describe('AWS S3 Standard-Infrequent Access (99.0%)', () => {
  const ia = s3(
    'standard-ia',
    '99.0%',
    [
      ['99.0%', '10%'],
      ['98.0%', '25%'],
      ['95.0%', '100%'],
    ],
    300,
  )
  workedExamples(ia, [
    {
      name: '86 intervals all errors: 99.0046% → nothing',
      period: SEPTEMBER,
      down: 86 * INTERVAL,
      line: ['0', '0.00', 'uptime 99.0046% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: '130 intervals all errors: 98.4953% → 10% of $300',
      period: SEPTEMBER,
      down: 130 * INTERVAL,
      line: ['10', '30.00', 'uptime 98.4953% is below 99.0%: 10%'],
      total: '30.00',
    },
    {
      name: '173 intervals all errors (98% allows 172.8): 97.9976% → 25%',
      period: SEPTEMBER,
      down: 173 * INTERVAL,
      line: ['25', '75.00', 'uptime 97.9976% is below 98.0%: 25%'],
      total: '75.00',
    },
  ])
})
