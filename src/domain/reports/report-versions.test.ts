// Hand-computed reports across versions and zones: an agreement revised mid-month, each clock
// counted under the version it pinned; a quarter in New York.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Report } from './report-schema.ts'
import {
  agent,
  historyOf,
  REPORT_TARGETS,
  reportAgreement,
  reportFromEvents,
  resolved,
  ticket,
} from './test-support/report-fixture.ts'

const MIN = 60_000
const HOUR = 60 * MIN

/** severity, metric, total, met, breached, compliance, goal met, timed, mean, median, p90 */
function figures(report: Report, version?: string) {
  return report.targets
    .filter((r) => version === undefined || r.version === version)
    .map(
      (r) =>
        [
          r.severity,
          r.metric,
          r.total,
          r.met,
          r.breached,
          r.compliance,
          r.goal_met,
          r.timed,
          r.mean_ms,
          r.median_ms,
          r.p90_ms,
        ] as const,
    )
}

describe('an agreement revised mid-month', () => {
  // v2, from 15 October: P1 resolution within 2h, goal 95%.
  const v2Targets = REPORT_TARGETS.map((t) =>
    t.severity === 'P1' && t.metric === 'resolution' ? { ...t, within: '2h', goal: '95%' } : t,
  )
  const revised = historyOf(
    [reportAgreement(), '2026-01-01T00:00:00Z'],
    [reportAgreement({ targets: v2Targets }), '2026-10-15T00:00:00Z'],
  )
  const tickets = [
    ticket('R-1', 'P1', '2026-10-10 10:00', agent('2026-10-10 10:05'), resolved('2026-10-10 13:00')),
    // Created under v1, resolved under v2's reign: still measured by v1's 4h.
    ticket('R-2', 'P1', '2026-10-14 23:00', agent('2026-10-14 23:05'), resolved('2026-10-15 02:00')),
    ticket('R-3', 'P1', '2026-10-20 10:00', agent('2026-10-20 10:05'), resolved('2026-10-20 13:00')),
  ]
  const report = reportFromEvents(revised, '2026-10', '2026-12-01T00:00:00Z', tickets)

  test('each clock is counted under the version it pinned, against that version’s goal', () => {
    const p1 = (version: string) => figures(report, version).filter(([s, , total]) => s === 'P1' && total > 0)
    assert.deepEqual(p1('acme-helpdesk@1'), [
      ['P1', 'first_response', 2, 2, 0, '100.00', true, 2, 5 * MIN, 5 * MIN, 5 * MIN],
      ['P1', 'resolution', 2, 2, 0, '100.00', true, 2, 3 * HOUR, 3 * HOUR, 3 * HOUR],
    ])
    assert.deepEqual(p1('acme-helpdesk@2'), [
      ['P1', 'first_response', 1, 1, 0, '100.00', true, 1, 5 * MIN, 5 * MIN, 5 * MIN],
      ['P1', 'resolution', 1, 0, 1, '0.00', false, 1, 3 * HOUR, 3 * HOUR, 3 * HOUR],
    ])
    const resolution = report.targets.filter((r) => r.severity === 'P1' && r.metric === 'resolution')
    assert.deepEqual(
      resolution.map((r) => [r.version, r.target, r.goal]),
      [
        ['acme-helpdesk@1', '4h', '90'],
        ['acme-helpdesk@2', '2h', '95'],
      ],
    )
  })

  test('the report says which versions applied, and from when', () => {
    assert.deepEqual(
      report.versions.map((v) => [v.version, v.effective_from, v.in_force, v.clocks]),
      [
        [
          'acme-helpdesk@1',
          '2026-01-01T00:00:00.000Z',
          { start: '2026-10-01T00:00:00.000Z', end: '2026-10-15T00:00:00.000Z' },
          4,
        ],
        [
          'acme-helpdesk@2',
          '2026-10-15T00:00:00.000Z',
          { start: '2026-10-15T00:00:00.000Z', end: '2026-11-01T00:00:00.000Z' },
          2,
        ],
      ],
    )
  })

  test('November lists only v2: nothing v1 measured was counted there', () => {
    const later = reportFromEvents(revised, '2026-11', '2026-12-01T00:00:00Z', tickets)
    assert.deepEqual(
      later.versions.map((v) => v.version),
      ['acme-helpdesk@2'],
    )
  })
})

describe('a quarter in New York', () => {
  const quarterly = historyOf([
    reportAgreement({ reporting: { every: 'quarter', timezone: 'America/New_York' } }),
    '2026-01-01T00:00:00Z',
  ])
  const tickets = [
    // 23:00 on 30 September in New York: before the quarter. Its resolution falls inside it.
    ticket('Q-1', 'P1', '2026-10-01 03:00', agent('2026-10-01 03:10'), resolved('2026-10-01 05:00')),
    // 18:00 on 31 December in New York; due 22:00 there, resolved after the quarter: late.
    ticket('Q-2', 'P1', '2026-12-31 23:00', agent('2026-12-31 23:20'), resolved('2027-01-01 04:30')),
    ticket('Q-3', 'P1', '2027-01-01 06:00', agent('2027-01-01 06:10')),
  ]
  const report = reportFromEvents(quarterly, '2026-Q4', '2027-02-01T00:00:00Z', tickets)

  test('runs from local midnight on 1 October to local midnight on 1 January', () => {
    assert.deepEqual(report.period, {
      label: '2026-Q4',
      timezone: 'America/New_York',
      start: '2026-10-01T04:00:00.000Z',
      end: '2027-01-01T05:00:00.000Z',
    })
  })

  test('counts what fell inside it', () => {
    assert.deepEqual(
      figures(report).filter(([, , total]) => total > 0),
      [
        ['P1', 'first_response', 1, 1, 0, '100.00', true, 1, 20 * MIN, 20 * MIN, 20 * MIN],
        // Q-2's resolution was due 03:00 UTC and breached then, inside the quarter; resolved at
        // 04:30, still inside it, 5h30m after creation.
        ['P1', 'resolution', 2, 1, 1, '50.00', false, 2, 225 * MIN, 225 * MIN, 330 * MIN],
      ],
    )
    assert.deepEqual(
      report.incidents.filter((i) => i.count > 0),
      [{ severity: 'P1', count: 1 }],
    )
  })
})
