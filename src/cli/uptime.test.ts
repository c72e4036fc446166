// `upheld uptime`: the example on the reference agreement, an agreement built here with
// a local zone, two components, all three kinds of period and a window announced too late,
// and the errors a person meets.
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { runCli } from './test-support/run-cli.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-uptime-'))
const write = (name: string, lines: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}
const helpdesk = fileURLToPath(new URL('../../../shared/examples/helpdesk-sla.yaml', import.meta.url))

// The portal is up from before October, down for 30 minutes on 3 October.
const portalEvents = write('portal.jsonl', [
  '{"id":"s-0","service":"portal","component":"api","at":"2026-09-30T00:00:00Z","status":"up"}',
  '{"id":"s-1","service":"portal","component":"api","at":"2026-10-03T10:00:00Z","status":"down","source":"alertmanager"}',
  '{"id":"s-2","service":"portal","component":"api","at":"2026-10-03T10:30:00Z","status":"up"}',
])

const uptime = (...args: string[]) => runCli(['uptime', ...args])
// Measured as known on 1 December, after October is over, whenever the test runs.
const AFTER = ['--at', '2026-12-01T00:00:00Z']

describe('upheld uptime on the reference agreement', () => {
  // 31 days less four Sunday windows of 2h (Europe/London 02:00; the last after the clocks go
  // back) leaves 2,649,600,000 ms; 30 minutes down of it is 99.9320…%, inside 0.1% of it.
  test('--json prints the issue’s shape, exactly', () => {
    const r = uptime(
      '--agreement',
      helpdesk,
      '--events',
      portalEvents,
      '--period',
      '2026-10',
      '--json',
      ...AFTER,
    )
    assert.equal(r.code, 0, r.stderr)
    assert.equal(r.stderr, '')
    const out = JSON.parse(r.stdout) as { period: unknown; objectives: Record<string, unknown>[] }
    const keys = ['id', 'service', 'target', 'uptime', 'met', 'eligible_ms', 'down_ms', 'degraded_ms']
    keys.push('unknown_ms', 'maintenance_ms', 'budget_ms', 'budget_left_ms', 'incidents')
    const [objective] = out.objectives
    assert.deepEqual(Object.keys(objective!).slice(0, keys.length), keys)
    assert.equal(
      JSON.stringify({
        period: out.period,
        objectives: [Object.fromEntries(keys.map((k) => [k, objective![k]]))],
      }),
      '{"period":{"start":"2026-10-01T00:00:00.000Z","end":"2026-11-01T00:00:00.000Z"},"objectives":[{"id":"portal-uptime","service":"portal","target":"99.9","uptime":"99.9320","met":true,"eligible_ms":2649600000,"down_ms":1800000,"degraded_ms":0,"unknown_ms":0,"maintenance_ms":28800000,"budget_ms":2649600,"budget_left_ms":849600,"incidents":[{"start":"2026-10-03T10:00:00.000Z","end":"2026-10-03T10:30:00.000Z","duration_ms":1800000}]}]}',
    )
    assert.deepEqual(
      [objective!.burn_rate, objective!.mttr_ms, objective!.mtbf_ms],
      ['0.6793', 1_800_000, 2_647_800_000],
    )
    assert.equal(
      (objective!.maintenance as { start: string }[]).map((m) => m.start).at(-1),
      '2026-10-25T02:00:00.000Z',
    )
  })

  test('without --json, a table and the incidents', () => {
    const r = uptime('--agreement', helpdesk, '--events', portalEvents, '--period', '2026-10', ...AFTER)
    assert.equal(r.code, 0, r.stderr)
    const lines = r.stdout.split('\n')
    assert.match(
      lines[0]!,
      /^objective\s+service\s+period\s+uptime\s+target\s+met\s+down\s+budget left\s+incidents$/,
    )
    assert.match(
      lines[1]!,
      /^portal-uptime\s+portal\s+2026-10-01 00:00 to 2026-11-01 00:00 UTC\s+99\.9320%\s+99\.9%\s+yes\s+30m\s+14m 9s 600ms\s+1$/,
    )
    assert.ok(lines.includes('  incident  2026-10-03 10:00 to 2026-10-03 10:30 (30m)'), r.stdout)
  })
})

// A shop of two components in New York, where the clocks went forward on 8 March 2026.
const shop = write('shop.yaml', [
  'apiVersion: upheld/v1',
  'kind: ServiceLevelAgreement',
  'metadata: { id: shop, title: Shop availability }',
  'spec:',
  '  parties:',
  '    provider: { id: prov, name: Provider Ltd }',
  '    customer: { id: cust, name: Customer plc }',
  '  term: { effectiveFrom: 2026-01-01 }',
  '  services:',
  '    - { id: shop, name: Shop, components: [web, api] }',
  '  availability:',
  '    - { id: shop-any, service: shop, target: 99.5%, period: month, timezone: America/New_York, noData: down, exclude: [maintenance], downtime: { classification: any-overlap } }',
  '    - { id: shop-all, service: shop, aggregate: all-down, target: 99%, period: quarter, timezone: America/New_York, noData: up }',
  '    - { id: shop-api, service: shop, aggregate: named, components: [api], target: 99.9%, period: rolling, window: 7d, noData: exclude }',
  '  maintenance:',
  '    - { id: sunday, services: [shop], rrule: "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2", timezone: America/New_York, duration: 1h }',
  '    - { id: late, services: [shop], start: "2026-03-14T20:00", timezone: America/New_York, duration: 2h, notice: P3D, announcedAt: "2026-03-13T09:00-04:00" }',
])
// The API is down 20:30:20–21:00 on 14 March (New York), inside the window announced too late;
// on 20 March the web is down 12:00–12:10 UTC and the API 12:05–12:20. An event id seen before
// is a retry and is skipped, even when it says something else.
const shopEvents = write('shop.jsonl', [
  '{"id":"e1","service":"shop","component":"api","at":"2026-02-28T00:00:00Z","status":"up","source":"kuma"}',
  '{"id":"e2","service":"shop","component":"web","at":"2026-02-28T00:00:00Z","status":"up","source":"kuma"}',
  '{"id":"e3","service":"shop","component":"api","at":"2026-03-14T20:30:20-04:00","status":"down"}',
  '{"id":"e4","service":"shop","component":"api","at":"2026-03-14T21:00:00-04:00","status":"up"}',
  '{"id":"e5","service":"shop","component":"web","at":"2026-03-20T12:00:00Z","status":"down","source":"alertmanager"}',
  '{"id":"e6","service":"shop","component":"api","at":"2026-03-20T12:05:00Z","status":"down","source":"alertmanager"}',
  '{"id":"e7","service":"shop","component":"web","at":"2026-03-20T12:10:00Z","status":"up","source":"alertmanager"}',
  '{"id":"e8","service":"shop","component":"api","at":"2026-03-20T12:20:00Z","status":"up"}',
  '{"id":"e4","service":"shop","component":"api","at":"2026-03-25T00:00:00Z","status":"down"}',
])

type Row = Record<string, unknown> & { incidents: { start: string; end: string }[] }
function measure(...args: string[]): { period: { start: string; end: string }; objectives: Row[] } {
  const r = uptime(
    '--agreement',
    shop,
    '--events',
    shopEvents,
    '--at',
    '2026-04-10T00:00:00Z',
    '--json',
    ...args,
  )
  assert.equal(r.code, 0, r.stderr)
  return JSON.parse(r.stdout)
}
const figures = (row: Row) =>
  ['eligible_ms', 'down_ms', 'unknown_ms', 'maintenance_ms', 'uptime', 'met', 'budget_ms'].map((k) => row[k])

describe('upheld uptime on an agreement in a local zone', () => {
  test('a month with the clocks going forward, any component down, minutes touched', () => {
    const out = measure('--period', '2026-03', '--objective', 'shop-any')
    assert.deepEqual(out.period, { start: '2026-03-01T05:00:00.000Z', end: '2026-04-01T04:00:00.000Z' })
    const [row] = out.objectives
    // 743 hours less five Sunday windows of 1h (8 March: 02:00 does not exist, so 03:00 EDT);
    // the late window is ordinary time. Down: 20:30–21:00 (minutes touched) and 12:00–12:20.
    assert.deepEqual(figures(row!), [
      738 * 3_600_000,
      50 * 60_000,
      0,
      5 * 3_600_000,
      '99.8870',
      true,
      13_284_000,
    ])
    assert.deepEqual(
      row!.incidents.map((i) => [i.start, i.end]),
      [
        ['2026-03-15T00:30:00.000Z', '2026-03-15T01:00:00.000Z'],
        ['2026-03-20T12:00:00.000Z', '2026-03-20T12:20:00.000Z'],
      ],
    )
    const late = (row!.maintenance as Record<string, unknown>[]).find((m) => m.window === 'late')
    assert.deepEqual(late, {
      window: 'late',
      start: '2026-03-15T00:00:00.000Z',
      end: '2026-03-15T02:00:00.000Z',
      qualifies: false,
      reason: 'announced 2026-03-13T09:00-04:00, less than its notice of P3D before it started',
    })
  })

  test('a quarter, down only when all components are, no data counted up', () => {
    const [row] = measure('--period', '2026-Q1', '--objective', 'shop-all').objectives
    // 1 January 05:00Z to 1 April 04:00Z is 2,159 hours; no data until 28 February 00:00Z.
    assert.deepEqual(figures(row!), [
      2159 * 3_600_000,
      5 * 60_000,
      1387 * 3_600_000,
      0,
      '99.9961',
      true,
      77_724_000,
    ])
  })

  test('a rolling week of the API alone, ending at --at, over budget', () => {
    const r = uptime('--agreement', shop, '--events', shopEvents, '--at', '2026-03-21T00:00:00Z', '--json')
    const rows = (JSON.parse(r.stdout) as { objectives: Row[] }).objectives
    const api = rows.find((o) => o.id === 'shop-api')!
    assert.deepEqual(api.period, { start: '2026-03-14T00:00:00.000Z', end: '2026-03-21T00:00:00.000Z' })
    assert.deepEqual(figures(api), [7 * 86_400_000, 2_680_000, 0, 0, '99.5568', false, 604_800])
    assert.equal(api.budget_left_ms, 604_800 - 2_680_000)
    // Without --period the month objective is measured from its start up to --at.
    const month = rows.find((o) => o.id === 'shop-any')!
    assert.deepEqual(month.period, { start: '2026-03-01T05:00:00.000Z', end: '2026-03-21T00:00:00.000Z' })
  })
})

describe('upheld uptime refuses what it cannot read', () => {
  test('bad event lines are all named by file and line, and nothing is measured', () => {
    const bad = write('bad.jsonl', [
      '{"id":"a","service":"portal","at":"2026-10-03T10:00:00Z","status":"up"}',
      '{"id":"b","service":"portal","at":"2026-10-03","status":"sideways"}',
      '{"id":"c","service":"portal","at":"2026-10-03T10:00:00Z","status":"up","colour":"red"}',
    ])
    const r = uptime('--agreement', helpdesk, '--events', bad, '--period', '2026-10')
    assert.equal(r.code, 2)
    assert.equal(r.stdout, '')
    const lines = r.stderr.trim().split('\n')
    assert.equal(lines.length, 3, r.stderr)
    assert.match(lines[0]!, new RegExp(`^upheld: ${bad}:2: at: must be an ISO 8601 instant`))
    assert.match(lines[1]!, new RegExp(`^upheld: ${bad}:2: status: "sideways" is not one of`))
    assert.match(lines[2]!, new RegExp(`^upheld: ${bad}:3: `))
  })

  test('a line that is not JSON', () => {
    const r = uptime(
      '--agreement',
      helpdesk,
      '--events',
      write('nojson.jsonl', ['{"id":', '']),
      '--period',
      '2026-10',
    )
    assert.equal(r.code, 2)
    assert.match(r.stderr, /nojson\.jsonl:1: is not JSON/)
  })

  const cases: [string, string[], number, RegExp][] = [
    ['a missing events file', ['--events', join(dir, 'none.jsonl')], 3, /none\.jsonl: no such file/],
    ['a period that is none', ['--period', '2026-13'], 2, /--period: "2026-13" is neither a month/],
    ['an objective the agreement lacks', ['--objective', 'portal-uptme'], 3, /did you mean "portal-uptime"/],
    ['an instant that is none', ['--at', 'yesterday'], 2, /--at: "yesterday" is not a date-time/],
  ]
  for (const [name, args, code, message] of cases) {
    test(name, () => {
      const r = uptime('--agreement', helpdesk, '--events', portalEvents, ...args)
      assert.equal(r.code, code, r.stderr)
      assert.match(r.stderr, message)
    })
  }

  test('an objective that cannot be measured is placed in the agreement file', () => {
    const agreement = write('nowindow.yaml', [
      'apiVersion: upheld/v1',
      'kind: ServiceLevelAgreement',
      'metadata: { id: shop, title: Shop availability }',
      'spec:',
      '  parties:',
      '    provider: { id: prov, name: Provider Ltd }',
      '    customer: { id: cust, name: Customer plc }',
      '  services: [{ id: shop, name: Shop }]',
      '  availability:',
      '    - { id: shop-week, service: shop, target: 99%, period: rolling, noData: up }',
    ])
    const r = uptime('--agreement', agreement, '--events', shopEvents)
    assert.equal(r.code, 2)
    assert.match(
      r.stderr,
      /nowindow\.yaml:10:7: spec\.availability\[0\]\.window: objective "shop-week" is rolling but has no window/,
    )
  })

  test('events for a service the agreement does not have are a warning', () => {
    const events = write('typo.jsonl', [
      '{"id":"t","service":"portl","at":"2026-10-03T10:00:00Z","status":"down"}',
    ])
    const r = uptime('--agreement', helpdesk, '--events', events, '--period', '2026-10', '--json')
    assert.equal(r.code, 0)
    assert.match(
      r.stderr,
      /warning: .*typo\.jsonl: 1 event for service "portl", which the agreement does not have \(did you mean "portal"\?\)/,
    )
  })
})
