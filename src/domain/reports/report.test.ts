// Hand-computed reports (the tickets and their arithmetic are in test-support/report-fixture.ts):
// which clocks belong to a period, the figures per severity and metric, breaches, backlog,
// incidents, satisfaction, availability and the checklist; tickets straddling two months.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Report } from './report-schema.ts'
import {
  historyOf,
  OCTOBER_TICKETS,
  portalIntervals,
  reportAgreement,
  reportFromEvents,
} from './test-support/report-fixture.ts'

const MIN = 60_000
const HOUR = 60 * MIN
const history = historyOf([reportAgreement(), '2026-01-01T00:00:00Z'])
const portal = portalIntervals('2027-01-01T00:00:00Z')
const october = reportFromEvents(history, '2026-10', '2027-01-01T00:00:00Z', OCTOBER_TICKETS, portal)
const november = reportFromEvents(history, '2026-11', '2027-01-01T00:00:00Z', OCTOBER_TICKETS)

type Figures = [
  string,
  string,
  number,
  number,
  number,
  string | null,
  boolean | null,
  number,
  ...(number | null)[],
]
/** severity, metric, total, met, breached, compliance, goal met, timed, mean, median, p90 */
function figures(report: Report, version?: string): Figures[] {
  return report.targets
    .filter((r) => version === undefined || r.version === version)
    .map((r) => [
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
    ])
}

describe('a month: October 2026', () => {
  test('the period, its zone and the version that applied', () => {
    assert.deepEqual(october.period, {
      label: '2026-10',
      timezone: 'UTC',
      start: '2026-10-01T00:00:00.000Z',
      end: '2026-11-01T00:00:00.000Z',
    })
    assert.equal(october.complete, true)
    assert.deepEqual(october.versions, [
      {
        version: 'acme-helpdesk@1',
        effective_from: '2026-01-01T00:00:00.000Z',
        in_force: { start: '2026-10-01T00:00:00.000Z', end: '2026-11-01T00:00:00.000Z' },
        clocks: 16,
      },
    ])
  })

  test('figures per severity and metric', () => {
    assert.deepEqual(figures(october), [
      ['P1', 'first_response', 4, 2, 2, '50.00', false, 3, 25 * MIN, 20 * MIN, 45 * MIN],
      ['P1', 'resolution', 3, 2, 1, '66.66', false, 3, 200 * MIN, 3 * HOUR, 5 * HOUR],
      ['P2', 'first_response', 4, 3, 1, '75.00', false, 3, 15 * MIN, 10 * MIN, 30 * MIN],
      ['P2', 'resolution', 4, 2, 2, '50.00', false, 3, 5 * HOUR, 5 * HOUR, 9 * HOUR],
      ['P3', 'first_response', 1, 1, 0, '100.00', true, 1, 150 * MIN, 150 * MIN, 150 * MIN],
    ])
    const p1 = october.targets[0]!
    assert.deepEqual([p1.target, p1.calendar, p1.goal], ['30m', 'always', '95'])
  })

  test('the breaches, with how late; one still open at the end of the month', () => {
    assert.deepEqual(
      october.breaches.map((b) => [b.ticket, b.severity, b.metric, b.due, b.late_ms, b.open]),
      [
        ['T-10', 'P2', 'resolution', '2026-10-01T04:00:00.000Z', HOUR, false],
        ['T-2', 'P1', 'first_response', '2026-10-02T10:30:00.000Z', 15 * MIN, false],
        ['T-2', 'P1', 'resolution', '2026-10-02T14:00:00.000Z', HOUR, false],
        ['T-12', 'P2', 'first_response', '2026-10-20T10:00:00.000Z', 278 * HOUR, true],
        ['T-12', 'P2', 'resolution', '2026-10-20T17:00:00.000Z', 271 * HOUR, true],
        ['T-7', 'P1', 'first_response', '2026-10-31T21:30:00.000Z', 150 * MIN, true],
      ],
    )
  })

  test('incidents by severity (T-11 was raised to P1), and the backlog at the end', () => {
    assert.deepEqual(
      october.incidents.map((i) => [i.severity, i.count]),
      [
        ['P1', 5],
        ['P2', 3],
        ['P3', 1],
        ['P4', 0],
      ],
    )
    assert.deepEqual(
      october.backlog.map((b) => [b.severity, b.open, b.breached]),
      [
        ['P1', 2, 1],
        ['P2', 1, 1],
        ['P3', 1, 0],
        ['P4', 0, 0],
      ],
    )
  })

  test('satisfaction: the last rating of each ticket, read on the largest scale', () => {
    // 5/5, 3/5 (T-2 rated twice) and 8/10: (1 + 0.6 + 0.8) / 3 = 0.8 → 8.00 of 10.
    assert.deepEqual(october.satisfaction, {
      count: 3,
      scale: 10,
      average: '8.00',
      distribution: [
        { scale: 5, rating: 3, count: 1 },
        { scale: 5, rating: 5, count: 1 },
        { scale: 10, rating: 8, count: 1 },
      ],
    })
  })

  test('availability against its target', () => {
    const [row] = october.availability
    assert.deepEqual(
      [row?.id, row?.uptime, row?.target, row?.met, row?.down_ms, row?.eligible_ms, row?.incidents],
      ['portal-uptime', '99.9327', '99.9', true, 30 * MIN, 31 * 24 * HOUR, 1],
    )
  })

  test('the checklist: every KPI, what was measured, met or missed', () => {
    assert.deepEqual(
      october.checklist.map((c) => [c.id, c.status, c.measured, c.reason]),
      [
        [
          'k-response',
          'missed',
          '1 of 3 goals met over 9 clocks',
          'missed: P1 first_response 50.00% < 95%, P2 first_response 75.00% < 90%',
        ],
        [
          'k-resolution',
          'missed',
          '0 of 2 goals met over 7 clocks',
          'missed: P1 resolution 66.66% < 90%, P2 resolution 50.00% < 80%',
        ],
        ['k-uptime', 'met', 'portal-uptime 99.9327%', null],
        ['k-csat', 'met', '8.00 of 10 over 3 ratings', null], // exactly 4 of 5
        ['k-incidents', 'met', '9 incidents', null],
        ['k-reviews', 'not_measured', null, 'measured outside Upheld: record it by hand'],
      ],
    )
  })

  test('the credits are left to the credit computation', () => {
    assert.equal(october.credits, null)
  })
})

describe('tickets straddling October and November count once, where their outcome fell', () => {
  test('T-6 and T-7 resolve in November: counted there, their first responses in October', () => {
    assert.deepEqual(
      figures(november).filter(([, , total]) => total > 0),
      [['P1', 'resolution', 2, 1, 1, '50.00', false, 2, 4 * HOUR, 4 * HOUR, 5 * HOUR]],
    )
    assert.deepEqual(
      november.breaches.map((b) => [b.ticket, b.metric, b.due, b.late_ms, b.open]),
      [['T-7', 'resolution', '2026-11-01T01:00:00.000Z', HOUR, false]],
    )
  })

  test('November created nothing; T-3 and T-12 are still open', () => {
    assert.equal(
      november.incidents.reduce((n, i) => n + i.count, 0),
      0,
    )
    assert.deepEqual(
      november.backlog.filter((b) => b.open > 0),
      [
        { severity: 'P2', open: 1, breached: 1 },
        { severity: 'P3', open: 1, breached: 0 },
      ],
    )
  })

  test('a report made during the month knows only what has happened so far', () => {
    const midway = reportFromEvents(history, '2026-10', '2026-10-02T12:00:00Z', OCTOBER_TICKETS)
    assert.equal(midway.as_of, '2026-10-02T12:00:00.000Z')
    assert.equal(midway.complete, false)
    // T-1 and T-10 are done; T-2 has breached its first response and its resolution runs.
    assert.deepEqual(
      figures(midway).filter(([, , total]) => total > 0),
      [
        ['P1', 'first_response', 2, 1, 1, '50.00', false, 2, 32 * MIN + 30_000, 32 * MIN + 30_000, 45 * MIN],
        ['P1', 'resolution', 1, 1, 0, '100.00', true, 1, 2 * HOUR, 2 * HOUR, 2 * HOUR],
        ['P2', 'resolution', 1, 0, 1, '0.00', false, 1, 9 * HOUR, 9 * HOUR, 9 * HOUR],
      ],
    )
  })
})
