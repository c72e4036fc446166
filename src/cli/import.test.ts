import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { ADMIN, HELPDESK_SLA, seedPeople, T100_EVENTS } from '../actions/test-support/fixtures.ts'
import { uploadAgreement } from '../actions/upload-agreement.ts'
import { openDatabase } from '../database.ts'
import { runCli } from './test-support/run-cli.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-import-'))
const dataDir = join(dir, 'data')
const env = { UPHELD_DATA_DIR: dataDir, DATABASE_URL: '' }

async function query<T>(sql: string): Promise<T[]> {
  const database = await openDatabase({ dataDir, databaseUrl: undefined })
  try {
    return await database.db.query<T & Record<string, unknown>>(sql)
  } finally {
    await database.close()
  }
}

describe('upheld import', () => {
  before(async () => {
    const database = await openDatabase({ dataDir, databaseUrl: undefined })
    await seedPeople(database.db)
    await uploadAgreement({ db: database.db, now: Date.now }, ADMIN, { text: HELPDESK_SLA })
    await database.close()
  })

  test('imports JSONL events, out of order, and a second run stores nothing new', async () => {
    const file = join(dir, 'events.jsonl')
    // The created event last: the others wait for it.
    const lines = [...T100_EVENTS.slice(1), T100_EVENTS[0]].map((e) => JSON.stringify(e))
    writeFileSync(file, `${lines.join('\n')}\n`)
    const first = runCli(['import', file, '--json'], { env })
    assert.equal(first.code, 0, first.stderr)
    assert.deepEqual(
      (({ events, accepted, duplicates }) => ({ events, accepted, duplicates }))(JSON.parse(first.stdout)),
      { events: 10, accepted: 10, duplicates: 0 },
    )
    const again = runCli(['import', file, '--json'], { env })
    assert.equal(JSON.parse(again.stdout).duplicates, 10)
    const clocks = await query<{ metric: string; state: string }>(
      `select metric, state from clocks where ticket_id = 'T-100' order by metric`,
    )
    assert.ok(clocks.some((c) => c.metric === 'first_response' && c.state === 'met'))
  })

  test('imports a CSV ticket export through a column mapping', async () => {
    const file = join(dir, 'export.csv')
    writeFileSync(
      file,
      'Ticket ID,Opened,customer,Priority,service,first_response_at,resolved_at,satisfaction\n' +
        'C-1,2026-11-23 09:00,acme,P3,portal,2026-11-23 10:00,2026-11-24 09:00,5/5\n' +
        'C-2,2026-11-23T15:00:00Z,acme,P2,portal,,,\n',
    )
    const r = runCli(
      [
        'import',
        file,
        '--map',
        'Ticket ID=ticket',
        '--map',
        'Opened=created_at',
        '--map',
        'Priority=severity',
        '--timezone',
        'Europe/London',
        '--json',
      ],
      { env },
    )
    assert.equal(r.code, 0, r.stderr)
    assert.equal(JSON.parse(r.stdout).accepted, 5)
    const rows = await query<{ id: string; status: string; severity: string }>(
      `select id, status, severity from tickets where id like 'C-%' order by id`,
    )
    assert.deepEqual(rows, [
      { id: 'C-1', status: 'resolved', severity: 'P3' },
      { id: 'C-2', status: 'open', severity: 'P2' },
    ])
  })

  test('a file with bad lines imports nothing and names each line', async () => {
    const file = join(dir, 'bad.jsonl')
    writeFileSync(
      file,
      `${JSON.stringify({ ...T100_EVENTS[0], id: 'b-1', ticket: 'B-1' })}\nnot json\n{"id":"b-2","ticket":"B-1","type":"status","at":"soon","status":"open"}\n`,
    )
    const r = runCli(['import', file], { env })
    assert.equal(r.code, 2)
    assert.deepEqual(r.stderr.trim().split('\n'), [
      `upheld: ${file}:2: is not JSON`,
      `upheld: ${file}:3: at: must be an ISO 8601 instant with Z or an offset, such as 2026-11-20T16:30:00Z`,
    ])
    assert.equal((await query(`select 1 from ticket_events where ticket_id = 'B-1'`)).length, 0)
  })
})

describe('upheld token create', () => {
  test('prints a token once for a known user; an unknown user exits 3', () => {
    const r = runCli(['token', 'create', '--user', 'ann@acme.example', '--json'], { env })
    assert.equal(r.code, 0, r.stderr)
    const created = JSON.parse(r.stdout)
    assert.match(created.token, /^uph_[A-Za-z0-9_-]{43}$/)
    assert.equal(created.role, 'customer')
    const unknown = runCli(['token', 'create', '--user', 'nobody@example.com'], { env })
    assert.equal(unknown.code, 3)
    assert.equal(unknown.stderr.trim(), 'upheld: no user with the email nobody@example.com')
  })
})

describe('upheld tickets and clocks', () => {
  test("list the imported tickets and show one ticket's clocks", () => {
    const list = runCli(['tickets', '--json'], { env })
    assert.equal(list.code, 0, list.stderr)
    const ids = JSON.parse(list.stdout).map((t: { id: string }) => t.id)
    assert.ok(ids.includes('T-100') && ids.includes('C-1'), ids.join(','))
    const clocks = runCli(['clocks', 'T-100'], { env })
    assert.equal(clocks.code, 0, clocks.stderr)
    assert.match(clocks.stdout, /^T-100 \(acme, P1, /)
    assert.match(clocks.stdout, /^ {2}first_response +P2 +#1 met +\S+ of 2h +due 2026-11-23T09:30:00\.000Z$/m)
    const missing = runCli(['clocks', 'T-999'], { env })
    assert.equal(missing.code, 3)
  })
})
