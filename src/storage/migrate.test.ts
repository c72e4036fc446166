import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { loadMigrations, migrate } from './migrate.ts'
import { createTestDb, type TestDb } from './test-support/test-db.ts'

describe('migrations', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb({ migrated: false })
  })
  after(() => t.drop())

  test('are numbered without gaps and named in snake case', () => {
    const migrations = loadMigrations()
    assert.ok(migrations.length >= 1)
    for (const [i, m] of migrations.entries()) assert.equal(m.version, i + 1, m.name)
  })

  test('apply once, in order, and a second run applies nothing', async () => {
    const first = await migrate(t.db)
    assert.deepEqual(
      first,
      loadMigrations().map((m) => m.version),
    )
    assert.deepEqual(await migrate(t.db), [])
    const rows = await t.db.query<{ version: number }>(
      'select version from schema_migrations order by version',
    )
    assert.deepEqual(
      rows.map((r) => r.version),
      first,
    )
  })

  test('every table that grows carries the customer id first in its key', async () => {
    for (const table of [
      'tickets',
      'ticket_events',
      'clocks',
      'timers',
      'timer_firings',
      'notifications',
      'notification_attempts',
      'status_intervals',
      'status_events',
      'probe_results',
      'probes',
      'agreement_revisions',
      'agreement_audit',
      'agreement_editions',
    ]) {
      const rows = await t.db.query<{ column_name: string }>(
        `select a.attname as column_name
           from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
          where i.indrelid = $1::regclass and i.indisprimary`,
        [table],
      )
      assert.equal(rows[0]?.column_name, 'customer_id', table)
    }
  })

  test('a failing migration changes nothing', async () => {
    const broken = [
      ...loadMigrations(),
      { version: 999, name: 'broken', sql: 'create table half_done (x int); select no_such_function();' },
    ]
    await assert.rejects(() => migrate(t.db, broken))
    const tables = await t.db.query(`select 1 from information_schema.tables where table_name = 'half_done'`)
    assert.equal(tables.length, 0)
    const versions = await t.db.query('select 1 from schema_migrations where version = 999')
    assert.equal(versions.length, 0)
  })
})

describe('Db', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb()
  })
  after(() => t.drop())

  test('returns bigints as numbers, timestamps as Dates and jsonb as values, on either engine', async () => {
    const [row] = await t.db.query<{ n: number; at: Date; body: unknown }>(
      `select 9007199254740991::int8 as n, '2026-11-20T16:30:00.123Z'::timestamptz as at, '{"a":[1]}'::jsonb as body`,
    )
    assert.equal(row?.n, Number.MAX_SAFE_INTEGER)
    assert.ok(row?.at instanceof Date)
    assert.equal(row?.at.toISOString(), '2026-11-20T16:30:00.123Z')
    assert.deepEqual(row?.body, { a: [1] })
  })

  test('a transaction that throws leaves nothing behind; one that returns commits', async () => {
    await t.db.exec('create table tx_probe (x int)')
    await assert.rejects(() =>
      t.db.transaction(async (tx) => {
        await tx.execute('insert into tx_probe values (1)')
        throw new Error('stop')
      }),
    )
    assert.equal((await t.db.query('select * from tx_probe')).length, 0)
    await t.db.transaction(async (tx) => {
      await tx.execute('insert into tx_probe values (2)')
      await tx.transaction((inner) => inner.execute('insert into tx_probe values (3)'))
    })
    assert.deepEqual(
      (await t.db.query<{ x: number }>('select x from tx_probe order by x')).map((r) => r.x),
      [2, 3],
    )
  })
})
