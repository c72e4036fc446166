// `upheld availability` reads the database (embedded, or the PostgreSQL server the tests are
// given) and prints what `upheld uptime` prints for the same events in a file.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { SYSTEM_ACTOR } from '../actions/deps.ts'
import { ingestStatusEvents } from '../actions/ingest-status-events.ts'
import { HELPDESK_SLA, seedPeople } from '../actions/test-support/fixtures.ts'
import { uploadAgreement } from '../actions/upload-agreement.ts'
import { openDatabase } from '../database.ts'
import { createTestDb, TEST_DATABASE_URL, type TestDb } from '../storage/test-support/test-db.ts'
import { runCli } from './test-support/run-cli.ts'

const AT = '2026-11-27T10:00:00Z'
const EVENTS = [
  { id: 's-1', service: 'portal', at: '2026-09-30T00:00:00Z', status: 'up' },
  { id: 's-2', service: 'portal', at: '2026-10-03T10:00:00Z', status: 'down' },
  { id: 's-3', service: 'portal', at: '2026-10-03T11:30:00Z', status: 'up' },
]

describe('upheld availability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-cli-availability-'))
  let server: TestDb | undefined
  const env = () => ({
    UPHELD_DATA_DIR: join(dir, 'data'),
    ...(server?.url ? { DATABASE_URL: server.url } : {}),
  })
  const cli = (args: string[]) => runCli(args, { env: env() })

  before(async () => {
    if (TEST_DATABASE_URL) server = await createTestDb()
    const database = server ?? (await openDatabase({ dataDir: join(dir, 'data'), databaseUrl: undefined }))
    const deps = { db: database.db, now: () => Date.parse(AT) }
    try {
      await seedPeople(deps.db)
      await uploadAgreement(deps, SYSTEM_ACTOR, { text: HELPDESK_SLA })
      await ingestStatusEvents(deps, SYSTEM_ACTOR, { format: 'generic', body: EVENTS, customer: 'acme' })
    } finally {
      // The embedded database admits one process at a time: the command's.
      if (!server) await (database as Awaited<ReturnType<typeof openDatabase>>).close()
    }
  })
  after(async () => {
    await server?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  test('prints the figures upheld uptime computes from the same events in a file', () => {
    const stored = cli(['availability', '--customer', 'acme', '--period', '2026-10', '--at', AT, '--json'])
    assert.equal(stored.code, 0, stored.stderr)
    const agreement = join(dir, 'sla.yaml')
    const events = join(dir, 'status.jsonl')
    writeFileSync(agreement, HELPDESK_SLA)
    writeFileSync(events, EVENTS.map((e) => JSON.stringify(e)).join('\n'))
    const file = cli([
      'uptime',
      '--agreement',
      agreement,
      '--events',
      events,
      '--period',
      '2026-10',
      '--at',
      AT,
      '--json',
    ])
    assert.equal(file.code, 0, file.stderr)
    const fromDatabase = JSON.parse(stored.stdout)
    const fromFile = JSON.parse(file.stdout)
    assert.equal(fromDatabase.customer, 'acme')
    assert.deepEqual(fromDatabase.period, fromFile.period)
    const { agreement: id, agreement_version: version, ...figures } = fromDatabase.objectives[0]
    assert.deepEqual([id, version], ['acme-helpdesk', 1])
    assert.deepEqual(figures, fromFile.objectives[0])
    assert.equal(figures.uptime, '99.7961')
  })

  test('prints a table for people, and says what is missing', () => {
    const table = cli(['availability', '--customer', 'acme', '--period', '2026-10', '--at', AT])
    assert.equal(table.code, 0, table.stderr)
    assert.match(table.stdout, /^objective\s+service\s+period\s+uptime/)
    assert.match(
      table.stdout,
      /portal-uptime\s+portal\s+2026-10-01 00:00 to 2026-11-01 00:00 UTC\s+99\.7961%\s+99\.9%\s+NO/,
    )
    const missing = cli(['availability', '--period', '2026-10'])
    assert.notEqual(missing.code, 0)
    assert.match(missing.stderr, /--customer/)
    const badPeriod = cli(['availability', '--customer', 'acme', '--period', 'October'])
    assert.equal(badPeriod.code, 2)
    assert.match(badPeriod.stderr, /--period: "October" is neither a month/)
  })
})
