// The report's contract and its smaller parts: the schema, CSV per table, the checklist when
// the agreement has no KPIs, prose targets, satisfaction on several scales, period errors.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parsePeriodLabel } from '../availability/reporting-period.ts'
import { countLimit, shareTarget } from './checklist.ts'
import { REPORT_TABLES, toCsv } from './report-csv.ts'
import { reportPeriod } from './report-period.ts'
import { ReportSchema, reportJsonSchema } from './report-schema.ts'
import { satisfactionFigures } from './satisfaction.ts'
import {
  historyOf,
  OCTOBER_TICKETS,
  portalIntervals,
  reportAgreement,
  reportFromEvents,
} from './test-support/report-fixture.ts'

const history = historyOf([reportAgreement(), '2026-01-01T00:00:00Z'])
const october = reportFromEvents(
  history,
  '2026-10',
  '2027-01-01T00:00:00Z',
  OCTOBER_TICKETS,
  portalIntervals('2027-01-01T00:00:00Z'),
)

describe('the report contract', () => {
  test('a report passes its own schema, which exports as JSON Schema', () => {
    assert.deepEqual(ReportSchema.parse(october), october)
    const schema = reportJsonSchema() as { properties: Record<string, unknown>; required: string[] }
    assert.ok(schema.required.includes('targets') && 'credits' in schema.properties)
  })
})

describe('CSV, one document per table', () => {
  const csv = toCsv(october)

  test('every table, each with its header', () => {
    assert.deepEqual(Object.keys(csv), [...REPORT_TABLES])
    assert.equal(
      csv.targets.split('\r\n')[0],
      'severity,metric,version,target,calendar,total,met,breached,compliance,goal,goal_met,timed,mean_ms,median_ms,p90_ms',
    )
  })

  test('rows as in the JSON; absent figures empty', () => {
    assert.equal(
      csv.targets.split('\r\n')[1],
      'P1,first_response,acme-helpdesk@1,30m,always,4,2,2,50.00,95,false,3,1500000,1200000,2700000',
    )
    assert.equal(
      csv.breaches,
      [
        'ticket,severity,metric,cycle,version,due,late_ms,open',
        'T-10,P2,resolution,1,acme-helpdesk@1,2026-10-01T04:00:00.000Z,3600000,false',
        'T-2,P1,first_response,1,acme-helpdesk@1,2026-10-02T10:30:00.000Z,900000,false',
        'T-2,P1,resolution,1,acme-helpdesk@1,2026-10-02T14:00:00.000Z,3600000,false',
        'T-12,P2,first_response,1,acme-helpdesk@1,2026-10-20T10:00:00.000Z,1000800000,true',
        'T-12,P2,resolution,1,acme-helpdesk@1,2026-10-20T17:00:00.000Z,975600000,true',
        'T-7,P1,first_response,1,acme-helpdesk@1,2026-10-31T21:30:00.000Z,9000000,true',
        '',
      ].join('\r\n'),
    )
    assert.equal(
      csv.availability.split('\r\n')[1],
      'portal-uptime,portal,acme-helpdesk@1,UTC,99.9327,99.9,true,2678400000,1800000,2678400,878400,1,2026-10-01T00:00:00.000Z,2026-11-01T00:00:00.000Z',
    )
    assert.equal(csv.satisfaction.split('\r\n')[1], '5,3,1,8.00,10,3')
    assert.equal(
      csv.checklist.split('\r\n').at(-2),
      'k-reviews,Service reviews held,kpi,other,,,not_measured,measured outside Upheld: record it by hand',
    )
  })

  test('a field with a comma or a quote is quoted', () => {
    const line = csv.checklist.split('\r\n').find((l) => l.startsWith('k-resolution'))
    assert.equal(
      line,
      'k-resolution,Resolution time,kpi,resolution-time,,0 of 2 goals met over 7 clocks,missed,"missed: P1 resolution 66.66% < 90%, P2 resolution 50.00% < 80%"',
    )
  })

  test('a table without rows still has its header', () => {
    const quiet = reportFromEvents(history, '2026-12', '2027-01-01T00:00:00Z', [])
    assert.equal(toCsv(quiet).breaches, 'ticket,severity,metric,cycle,version,due,late_ms,open\r\n')
  })
})

describe('the checklist without KPIs', () => {
  const plain = historyOf([reportAgreement({ kpis: undefined }), '2026-01-01T00:00:00Z'])
  const report = reportFromEvents(plain, '2026-10', '2027-01-01T00:00:00Z', OCTOBER_TICKETS)

  test('lists every goal and objective the agreement sets, with no status data as no data', () => {
    assert.deepEqual(
      report.checklist.map((c) => [c.id, c.source, c.target, c.status, c.measured]),
      [
        ['P1.first_response', 'target', '95%', 'missed', '50.00% of 4 clocks'],
        ['P1.resolution', 'target', '90%', 'missed', '66.66% of 3 clocks'],
        ['P2.first_response', 'target', '90%', 'missed', '75.00% of 4 clocks'],
        ['P2.resolution', 'target', '80%', 'missed', '50.00% of 4 clocks'],
        ['P3.first_response', 'target', '90%', 'met', '100.00% of 1 clock'],
        ['portal-uptime', 'objective', '99.9%', 'no_data', null],
      ],
    )
  })
})

describe('prose targets the checklist can compare', () => {
  const shares: [string, [bigint, bigint] | null][] = [
    ['4 out of 5 on average', [4n, 5n]],
    ['4.5/5', [45n, 50n]],
    ['at least 80% satisfied', [80n, 100n]],
    ['good', null],
  ]
  for (const [text, expected] of shares)
    test(`satisfaction "${text}"`, () => {
      const share = shareTarget(text)
      assert.deepEqual(share && [share.num, share.den], expected)
    })

  const limits: [string, ReturnType<typeof countLimit>][] = [
    ['at most 10 a month', { n: 10, inclusive: true }],
    ['≤ 3', { n: 3, inclusive: true }],
    ['fewer than 5', { n: 5, inclusive: false }],
    ['as few as possible', null],
  ]
  for (const [text, expected] of limits)
    test(`incidents "${text}"`, () => assert.deepEqual(countLimit(text), expected))
})

describe('satisfaction', () => {
  const r = (ticket: string, rating: number, scale: number, at = 0, seq = at) => ({
    ticket,
    at,
    seq,
    rating,
    scale,
  })

  test('no ratings: no average', () => {
    assert.deepEqual(satisfactionFigures([]).figures, {
      count: 0,
      scale: null,
      average: null,
      distribution: [],
    })
  })

  test('scales of 3 and 5 are read exactly on 5, floored', () => {
    // (2/3 + 4/5) / 2 = 11/15 → 3.666… of 5 → 3.66
    const { figures } = satisfactionFigures([r('a', 2, 3), r('b', 4, 5)])
    assert.deepEqual([figures.scale, figures.average], [5, '3.66'])
  })

  test('a ticket rated again counts its later rating; at one instant, the later arrival', () => {
    const { figures } = satisfactionFigures([
      r('a', 1, 5, 1),
      r('a', 5, 5, 2),
      r('b', 2, 5, 3, 3),
      r('b', 4, 5, 3, 4),
    ])
    assert.equal(figures.average, '4.50')
  })
})

describe('the period', () => {
  const label = parsePeriodLabel('2026-10')!

  test('an unknown reporting zone is an issue on its field', () => {
    const odd = historyOf([
      reportAgreement({ reporting: { every: 'month', timezone: 'Mars/Olympus' } }),
      '2026-01-01T00:00:00Z',
    ])
    const result = reportPeriod(odd, label, Date.parse('2027-01-01T00:00:00Z'))
    assert.equal(result.ok, false)
    assert.deepEqual(!result.ok && result.issues[0]?.path, ['spec', 'reporting', 'timezone'])
  })

  test('a period before the first version is an issue', () => {
    const later = historyOf([reportAgreement(), '2026-12-01T00:00:00Z'])
    const result = reportPeriod(later, label, Date.parse('2027-01-01T00:00:00Z'))
    assert.match(!result.ok ? result.issues[0]!.message : '', /no version in force by the end of 2026-10/)
  })
})
