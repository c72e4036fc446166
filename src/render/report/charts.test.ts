import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { AvailabilityRow, TargetRow } from '../../domain/reports/report-schema.ts'
import { budgetChart, timelineChart } from './availability-charts.ts'
import { complianceChart } from './compliance-chart.ts'
import { text } from './svg.ts'
import { octoberReport, renderAgreement } from './test-support/report-fixture.ts'
import { objectiveTimelines } from './timelines.ts'
import { timesChart } from './times-chart.ts'

const { report, agreement, intervals } = octoberReport()
const rect = (x: number | string, fill: string) =>
  new RegExp(`<rect x="${x}" y="[\\d.]+" width="[\\d.]+" height="[\\d.]+" fill="${fill}"`)

describe('the compliance chart', () => {
  const chart = complianceChart(report.targets, false)

  test('draws each row from 0 to 100% with its goal as a line, and says met or missed', () => {
    // 236 points for 100%: P1 first response, 2 of 4 met, is 118 wide; its goal of 95% is at 118 + 224.2.
    assert.match(chart.svg, /<rect x="118" y="[\d.]+" width="118" height="10" fill="#c62828"\/>/)
    assert.match(chart.svg, /<line x1="342.2" y1="[\d.]+" x2="342.2"/)
    assert.match(chart.svg, /<rect x="118" y="[\d.]+" width="236" height="10" fill="#1a7f37"\/>/)
    assert.equal(chart.svg.match(/>missed</g)?.length, 4)
    assert.equal(chart.svg.match(/>met</g)?.length, 1)
  })

  test('says the same in words', () => {
    assert.match(chart.alt, /P1 first response: 50\.00% of 4 met, goal 95%, missed\./)
    assert.match(chart.alt, /P3 first response: 100\.00% of 1 met, goal 90%, met\./)
  })

  test('names the version of each row when several measured the period', () => {
    const rows: TargetRow[] = [report.targets[0]!, { ...report.targets[0]!, version: 'acme-helpdesk@2' }]
    assert.match(complianceChart(rows, true).svg, />P1 first response \(acme-helpdesk@2\)</)
  })
})

describe('the business-time chart', () => {
  test('marks the median, the mean and the p90 in units of each row’s target', () => {
    const chart = timesChart(report.targets, false)!
    // The worst p90 is 1.5 targets (45m of 30m): the target line is at 118 + 250 / 1.5.
    assert.match(
      chart.svg,
      /<line x1="284.67" y1="[\d.]+" x2="284.67" y2="[\d.]+" fill="none" stroke="#1d2433" stroke-width="1" stroke-dasharray="3 2"\/>/,
    )
    // P1 first response: its p90 runs past the target (red), P2 first response's does not.
    assert.match(chart.svg, /<rect x="118" y="[\d.]+" width="250" height="6" fill="#e8a3a3"\/>/)
    assert.match(chart.svg, />p90 45m · target 30m</)
    assert.match(
      chart.alt,
      /P1 first response: median 20m, mean 25m, 90th percentile 45m over 3 clocks, target 30m\./,
    )
  })

  test('is left out when no clock stopped', () => {
    const rows = report.targets.map((r) => ({ ...r, timed: 0, mean_ms: null, median_ms: null, p90_ms: null }))
    assert.equal(timesChart(rows, false), null)
  })
})

describe('the availability charts', () => {
  const timelines = objectiveTimelines(report, { agreement, intervals })

  test('the timeline draws the outage where it was, and the maintenance', () => {
    const chart = timelineChart(report.availability, timelines, '-1')
    // 10 October 12:00 is 9.5 of October's 31 days along 300 points from x = 112.
    assert.match(chart.svg, rect('203.94', '#c62828'))
    // Four Sundays 02:00 London (01:00 UTC) left out; the late-announced window on the 21st, counted.
    assert.equal(chart.svg.match(/fill="#7fa3d6"\/>/g)?.length, 4 + 1)
    assert.match(chart.svg, rect('313.61', '#e0a84a'))
    assert.match(chart.svg, />8 October</)
    assert.match(
      chart.alt,
      /portal-uptime: 99\.9320% against 99\.9%, met; 1 outage, 30m down \(2026-10-10 12:00 for 30m\); 4 maintenance windows left out, 1 counted as ordinary time\./,
    )
  })

  test('the timeline runs from local midnight to local midnight in the objective’s zone', () => {
    const zoned = octoberReport(
      renderAgreement({
        availability: [
          {
            id: 'portal-uptime',
            service: 'portal',
            target: '99.9%',
            period: 'month',
            timezone: 'Asia/Kolkata',
            noData: 'exclude',
          },
        ],
      }),
    )
    const row = zoned.report.availability[0]!
    assert.equal(row.period.start, '2026-09-30T18:30:00.000Z')
    const chart = timelineChart(zoned.report.availability, objectiveTimelines(zoned.report, zoned), '-1')
    assert.match(
      chart.svg,
      /<text x="112" y="[\d.]+" text-anchor="middle" font-size="7" fill="#5b6475">1 October</,
    )
    // The outage at 12:00 UTC is 17:30 in Kolkata: 9 days 23 hours into the local month.
    assert.match(chart.alt, /2026-10-10 17:30 for 30m/)
  })

  test('outages are not drawn when the report does not say when they were', () => {
    const unknown = objectiveTimelines(report, { agreement })
    assert.equal(unknown.get('portal-uptime')!.outages, null)
    assert.equal(unknown.get('portal-uptime')!.maintenance.length, 5)
    const chart = timelineChart(report.availability, unknown, '-1')
    assert.doesNotMatch(chart.svg, /height="13" fill="#c62828"/)
    assert.match(chart.svg, /Outage times are not known here/)
    // Intervals that no longer give the report's down time are not trusted either.
    const other = objectiveTimelines(report, { agreement, intervals: new Map([['portal-uptime', []]]) })
    assert.equal(other.get('portal-uptime')!.outages, null)
  })

  test('the error budget shows the share used, past the budget in red', () => {
    // 30 minutes of a budget of 0.1% of 30 days 16 hours (October less 16 hours of maintenance).
    assert.match(
      budgetChart(report.availability, '-1').alt,
      /portal-uptime: 30m of a 44m 9s budget used, 14m 9s left\./,
    )
    assert.match(budgetChart(report.availability, '-1').svg, />67% used</)
    const over: AvailabilityRow = {
      ...report.availability[0]!,
      budget_left_ms: -1_800_000,
      down_ms: 4_449_600,
    }
    const chart = budgetChart([over], '-1')
    assert.match(chart.svg, /<text x="418" y="[\d.]+" fill="#c62828" font-weight="bold">167% used</)
    assert.match(chart.alt, /30m over/)
  })
})

test('chart text is escaped', () => {
  assert.equal(
    text(0, 0, '<b> & "x"'),
    '<text x="0" y="0" fill="#1d2433">&lt;b&gt; &amp; &quot;x&quot;</text>',
  )
})
