// Microsoft Azure virtual machines, from the figures in ../shared/research/availability.md §3.
// Uptime is over the "Maximum Available Minutes": only the minutes the VMs were deployed in the
// billing month. Here that is an objective with noData: exclude, measured by the availability
// engine from status intervals that start at deployment; the fee is prorated over the same days.
import { describe } from 'node:test'
import { runs } from '../../availability/test-support/objective.ts'
import { agreementFrom, HOUR, MINUTE, periodOf } from '../test-support/credit-case.ts'
import { measured, workedExamples } from '../test-support/published-case.ts'

const azure = (id: string, target: string, tiers: [string, string][]) =>
  agreementFrom(`
services: [{ id: vms, name: Azure virtual machines, components: [vm] }]
availability:
  - { id: ${id}, service: vms, target: ${target}, period: month, noData: exclude }
credits:
  basis: { monthlyFee: { amount: 1000, currency: USD } }
  availability:
${tiers.map(([below, credit]) => `    - { objective: ${id}, below: ${below}, credit: ${credit} }`).join('\n')}
`)

const SEPTEMBER = periodOf('2026-09') // 43,200 minutes

describe('Azure VMs across availability zones (99.99%)', () => {
  const zones = azure('zones', '99.99%', [
    ['99.99%', '10%'],
    ['99%', '25%'],
    ['95%', '100%'],
  ])
  // Deployed at 00:00 on 16 September, down for 3 minutes on the 20th.
  const threeMinutes = (from: string) =>
    runs('vm', from, ['up', '2026-09-20T10:00Z'], ['down', '2026-09-20T10:03Z'], ['up', '2026-10-01T00:00Z'])
  workedExamples(zones, [
    {
      name: '3 minutes in 15 deployed days: 21,597 / 21,600 = 99.9861% → 10% of the half-month fee',
      period: periodOf(['2026-09-16T00:00Z', '2026-10-01T00:00Z']),
      down: measured(zones, 'zones', '2026-09', threeMinutes('2026-09-16T00:00Z')),
      line: ['10', '50.00', 'uptime 99.9861% is below 99.99%: 10%'],
      total: '50.00',
    },
    {
      name: 'the same 3 minutes with the VMs deployed all month: 99.9930% → nothing',
      period: SEPTEMBER,
      down: measured(zones, 'zones', '2026-09', threeMinutes('2026-09-01T00:00Z')),
      line: ['0', '0.00', 'uptime 99.9930% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: '8 hours in September: 98.8888% → 25%',
      period: SEPTEMBER,
      down: 8 * HOUR,
      line: ['25', '250.00', 'uptime 98.8888% is below 99%: 25%'],
      total: '250.00',
    },
  ])
})

describe('Azure VMs in an availability set (99.95%)', () => {
  const set = azure('availability-set', '99.95%', [
    ['99.95%', '10%'],
    ['99%', '25%'],
    ['95%', '100%'],
  ])
  workedExamples(set, [
    {
      name: '21 minutes in September: 99.9513% → nothing',
      period: SEPTEMBER,
      down: 21 * MINUTE,
      line: ['0', '0.00', 'uptime 99.9513% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: '21.6 minutes is exactly 99.95%, which is not less than 99.95% → nothing',
      period: SEPTEMBER,
      down: 1_296_000,
      line: ['0', '0.00', 'uptime 99.9500% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: '22 minutes: 99.9490% → 10%',
      period: SEPTEMBER,
      down: 22 * MINUTE,
      line: ['10', '100.00', 'uptime 99.9490% is below 99.95%: 10%'],
      total: '100.00',
    },
  ])
})

describe('Azure single VM on Standard HDD disks (95%)', () => {
  const hdd = azure('single-hdd', '95%', [
    ['95%', '10%'],
    ['92%', '25%'],
    ['90%', '100%'],
  ])
  workedExamples(hdd, [
    {
      name: '36 hours in September is exactly 95% → nothing',
      period: SEPTEMBER,
      down: 36 * HOUR,
      line: ['0', '0.00', 'uptime 95.0000% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: '37 hours: 94.8611% → 10%',
      period: SEPTEMBER,
      down: 37 * HOUR,
      line: ['10', '100.00', 'uptime 94.8611% is below 95%: 10%'],
      total: '100.00',
    },
    {
      name: '72 hours is exactly 90%, below 92% but not below 90% → 25%',
      period: SEPTEMBER,
      down: 72 * HOUR,
      line: ['25', '250.00', 'uptime 90.0000% is below 92%: 25%'],
      total: '250.00',
    },
    {
      name: '73 hours: 89.8611% → 100%',
      period: SEPTEMBER,
      down: 73 * HOUR,
      line: ['100', '1000.00', 'uptime 89.8611% is below 90%: 100%'],
      total: '1000.00',
    },
  ])
})
