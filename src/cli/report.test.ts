// `upheld report` end to end: from files (JSON, CSV per table, a revision) and from the database
// (embedded, or the PostgreSQL server the tests are given), which print the same report for the
// same events; and the errors a person meets.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { SYSTEM_ACTOR } from '../actions/deps.ts'
import { ingestEvents } from '../actions/ingest-events.ts'
import { ingestStatusEvents } from '../actions/ingest-status-events.ts'
import { seedPeople } from '../actions/test-support/fixtures.ts'
import { uploadAgreement } from '../actions/upload-agreement.ts'
import { openDatabase } from '../database.ts'
import { REPORT_TABLES, toCsv } from '../domain/reports/report-csv.ts'
import {
  historyOf,
  OCTOBER_STATUS,
  OCTOBER_TICKETS,
  portalIntervals,
  REPORT_TARGETS,
  reportAgreement,
  reportFromEvents,
} from '../domain/reports/test-support/report-fixture.ts'
import { createTestDb, TEST_DATABASE_URL, type TestDb } from '../storage/test-support/test-db.ts'
import { runCli } from './test-support/run-cli.ts'

const AT = '2027-01-01T00:00:00Z'
const dir = mkdtempSync(join(tmpdir(), 'upheld-report-'))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const jsonl = (items: readonly object[]) => `${items.map((i) => JSON.stringify(i)).join('\n')}\n`

const v2 = reportAgreement({
  targets: REPORT_TARGETS.map((t) =>
    t.severity === 'P1' && t.metric === 'resolution' ? { ...t, within: '2h', goal: '95%' } : t,
  ),
})
const agreementFile = write('acme.json', JSON.stringify(reportAgreement()))
const revisionFile = write('acme-v2.json', JSON.stringify(v2))
const eventsFile = write('tickets.jsonl', jsonl(OCTOBER_TICKETS.flat()))
const statusFile = write('status.jsonl', jsonl(OCTOBER_STATUS))
const history = historyOf([reportAgreement(), '2026-01-01T00:00:00Z'])
const october = reportFromEvents(history, '2026-10', AT, OCTOBER_TICKETS, portalIntervals(AT))
const fromFiles = ['--agreement', agreementFile, '--events', eventsFile, '--status', statusFile]
const report = (...args: string[]) => runCli(['report', '--at', AT, ...args])

after(() => rmSync(dir, { recursive: true, force: true }))

describe('upheld report from files', () => {
  test('prints the report as JSON', () => {
    const r = report(...fromFiles, '--period', '2026-10')
    assert.equal(r.code, 0, r.stderr)
    assert.deepEqual(JSON.parse(r.stdout), october)
    assert.deepEqual(JSON.parse(r.stdout).targets[0], {
      severity: 'P1',
      metric: 'first_response',
      version: 'acme-helpdesk@1',
      target: '30m',
      calendar: 'always',
      total: 4,
      met: 2,
      breached: 2,
      compliance: '50.00',
      goal: '95',
      goal_met: false,
      timed: 3,
      mean_ms: 1_500_000,
      median_ms: 1_200_000,
      p90_ms: 2_700_000,
    })
  })

  test('one CSV table to stdout, or every table to a directory', () => {
    const one = report(...fromFiles, '--period', '2026-10', '--format', 'csv', '--table', 'breaches')
    assert.equal(one.code, 0, one.stderr)
    const expected = toCsv(october)
    assert.equal(one.stdout, expected.breaches)
    const out = join(dir, 'csv')
    const all = report(...fromFiles, '--period', '2026-10', '--format', 'csv', '-o', out)
    assert.equal(all.code, 0, all.stderr)
    for (const table of REPORT_TABLES)
      assert.equal(readFileSync(join(out, `${table}.csv`), 'utf8'), expected[table])
  })

  test('a revision takes effect from its instant; clocks keep the version they started under', () => {
    const r = report(
      ...fromFiles,
      '--revision',
      `${revisionFile}@2026-10-15T00:00:00Z`,
      '--period',
      '2026-10',
    )
    assert.equal(r.code, 0, r.stderr)
    const revised = historyOf([reportAgreement(), '2026-01-01T00:00:00Z'], [v2, '2026-10-15T00:00:00Z'])
    assert.deepEqual(
      JSON.parse(r.stdout),
      reportFromEvents(revised, '2026-10', AT, OCTOBER_TICKETS, portalIntervals(AT)),
    )
  })

  test('errors say what was wrong and where', () => {
    const badPeriod = report(...fromFiles, '--period', '2026-13')
    assert.equal(badPeriod.code, 2)
    assert.match(
      badPeriod.stderr,
      /--period: "2026-13" is neither a month \(2026-10\) nor a quarter \(2026-Q4\)/,
    )
    const badLine = write('bad.jsonl', `${JSON.stringify(OCTOBER_TICKETS[0]![0])}\n{"id":"x"\n`)
    const bad = report('--agreement', agreementFile, '--events', badLine, '--period', '2026-10')
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /bad\.jsonl:2: is not JSON/)
    const csv = report(...fromFiles, '--period', '2026-10', '--format', 'csv')
    assert.equal(csv.code, 2)
    assert.match(csv.stderr, /give --table \(one of targets, .*\) or -o DIRECTORY/)
    const missing = report(
      '--agreement',
      join(dir, 'nope.yaml'),
      '--events',
      eventsFile,
      '--period',
      '2026-10',
    )
    assert.equal(missing.code, 3)
    assert.match(missing.stderr, /nope\.yaml: no such file/)
  })
})

describe('upheld report from the database', () => {
  let server: TestDb | undefined
  const env = () => ({
    UPHELD_DATA_DIR: join(dir, 'data'),
    ...(server?.url ? { DATABASE_URL: server.url } : {}),
  })
  const fromDb = (...args: string[]) => runCli(['report', '--at', AT, ...args], { env: env() })

  before(async () => {
    if (TEST_DATABASE_URL) server = await createTestDb()
    const database = server ?? (await openDatabase({ dataDir: join(dir, 'data'), databaseUrl: undefined }))
    const deps = { db: database.db, now: () => Date.parse('2026-12-01T00:00:00Z') }
    try {
      await seedPeople(deps.db)
      await uploadAgreement(deps, SYSTEM_ACTOR, { text: JSON.stringify(reportAgreement()) })
      await ingestEvents(deps, SYSTEM_ACTOR, OCTOBER_TICKETS.flat())
      await ingestStatusEvents(deps, SYSTEM_ACTOR, {
        format: 'generic',
        body: OCTOBER_STATUS,
        customer: 'acme',
      })
    } finally {
      // The embedded database admits one process at a time: the command's.
      if (!server) await (database as Awaited<ReturnType<typeof openDatabase>>).close()
    }
  })
  after(() => server?.drop())

  test('prints what the files give', () => {
    const r = fromDb('--agreement', 'acme-helpdesk', '--period', '2026-10')
    assert.equal(r.code, 0, r.stderr)
    const file = report(...fromFiles, '--period', '2026-10')
    assert.equal(r.stdout, file.stdout)
  })

  test('an unknown agreement is not found (exit 3), with a hint', () => {
    const r = fromDb('--agreement', 'acme-helpdsk', '--period', '2026-10')
    assert.equal(r.code, 3)
    assert.match(r.stderr, /no agreement "acme-helpdsk" \(did you mean "acme-helpdesk"\?\)/)
  })

  test('without --at a closed month is frozen; recompute needs a reason and makes revision 2', () => {
    const frozen = runCli(['report', '--agreement', 'acme-helpdesk', '--period', '2026-10'], { env: env() })
    assert.equal(frozen.code, 0, frozen.stderr)
    assert.equal(frozen.stdout, fromDb('--agreement', 'acme-helpdesk', '--period', '2026-10').stdout)
    const noReason = runCli(['report', 'recompute', '--agreement', 'acme-helpdesk', '--period', '2026-10'], {
      env: env(),
    })
    assert.equal(noReason.code, 2)
    assert.match(noReason.stderr, /--reason/)
    const again = runCli(
      [
        'report',
        'recompute',
        '--agreement',
        'acme-helpdesk',
        '--period',
        '2026-10',
        '--reason',
        'audit',
        '--json',
      ],
      { env: env() },
    )
    assert.equal(again.code, 0, again.stderr)
    const done = JSON.parse(again.stdout)
    assert.deepEqual(
      [done.before.revision, done.after.revision, done.after.reason, done.changes],
      [1, 2, 'audit', []],
    )
  })

  test('--status is for files only', () => {
    const r = fromDb('--agreement', 'acme-helpdesk', '--period', '2026-10', '--status', statusFile)
    assert.equal(r.code, 2)
    assert.match(r.stderr, /--status is for reports from files: give --events too/)
  })
})
