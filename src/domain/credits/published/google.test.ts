// Google Compute Engine, instances in multiple zones, from the figures in
// ../shared/research/availability.md §3 (the current schedule: the last tier paid 50% before 2021).
// The schedule is written as Google writes it, with lower bounds: "99.0% – < 99.99%" and so on.
// Downtime counts in Downtime Periods of at least one consecutive minute, and partial minutes do
// not count: the objective counts whole minutes, with a one-minute minimum, and the availability
// engine measures the outages from status intervals.
import { describe } from 'node:test'
import { runs } from '../../availability/test-support/objective.ts'
import { agreementFrom, DAY, periodOf } from '../test-support/credit-case.ts'
import { measured, workedExamples } from '../test-support/published-case.ts'

const gce = agreementFrom(`
services: [{ id: compute, name: Compute Engine in one region, components: [zones] }]
availability:
  - id: multi-zone
    service: compute
    target: 99.99%
    period: month
    noData: up
    downtime: { classification: whole-minute, minimum: 1m }
  # The same service measured to the millisecond, to show what the minute rule is worth.
  - { id: exact, service: compute, target: 99.99%, period: month, noData: up }
credits:
  basis: { monthlyFee: { amount: 1000, currency: USD } }
  soleRemedy: true
  availability:
    - { objective: multi-zone, below: 99.99%, atOrAbove: 99.0%, credit: 10% }
    - { objective: multi-zone, below: 99.0%, atOrAbove: 95.0%, credit: 25% }
    - { objective: multi-zone, below: 95.0%, credit: 100% }
`)

const OCTOBER = periodOf('2026-10') // 44,640 minutes
const outage = (from: string, to: string) =>
  runs('zones', '2026-10-01T00:00Z', ['up', from], ['down', to], ['up', '2026-11-01T00:00Z'])
// 4 minutes 40 seconds: whole minutes 10:01 to 10:05 are down, the 20 seconds before them are not.
const FOUR_MINUTES_FORTY = outage('2026-10-14T10:00:20Z', '2026-10-14T10:05:00Z')

describe('Google Compute Engine, multiple zones (99.99%)', () => {
  workedExamples(gce, [
    {
      name: '4 min 40 s counts as 4 whole minutes: 44,636 / 44,640 = 99.9910% → nothing',
      period: OCTOBER,
      down: measured(gce, 'multi-zone', '2026-10', FOUR_MINUTES_FORTY),
      line: ['0', '0.00', 'uptime 99.9910% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: 'the same outage counted exactly (280 s) would be 99.9895% → 10%: the minute rule decides the money',
      period: OCTOBER,
      down: measured(gce, 'exact', '2026-10', FOUR_MINUTES_FORTY),
      line: ['10', '100.00', 'uptime 99.9895% is below 99.99% and at or above 99.0%: 10%'],
      total: '100.00',
    },
    {
      name: 'a 40-second blip is no Downtime Period → nothing',
      period: OCTOBER,
      down: measured(gce, 'multi-zone', '2026-10', outage('2026-10-14T10:00:10Z', '2026-10-14T10:00:50Z')),
      line: ['0', '0.00', 'uptime 100.0000% falls in no credit tier'],
      total: '0.00',
    },
    {
      name: 'exactly 99.0% (446.4 minutes) is in "99.0% – < 99.99%" → 10%',
      period: OCTOBER,
      down: 26_784_000,
      line: ['10', '100.00', 'uptime 99.0000% is below 99.99% and at or above 99.0%: 10%'],
      total: '100.00',
    },
    {
      name: '2 days in October: 93.5483% → 100%',
      period: OCTOBER,
      down: 2 * DAY,
      line: ['100', '1000.00', 'uptime 93.5483% is below 95.0%: 100%'],
      total: '1000.00',
    },
  ])
})
