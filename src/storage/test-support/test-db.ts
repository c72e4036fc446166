// A fresh, migrated database for a test file: in-process PGlite, or, when
// UPHELD_TEST_DATABASE_URL names a PostgreSQL server, a new database created on it.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type Db, dumpDatabase, openDb } from '../db.ts'
import { migrate } from '../migrate.ts'

export const TEST_DATABASE_URL = process.env.UPHELD_TEST_DATABASE_URL || undefined

/** `url` names the PostgreSQL database, for tests that start other processes on it. */
export type TestDb = { db: Db; engine: 'pglite' | 'postgres'; url?: string; drop(): Promise<void> }

export async function createTestDb(options: { migrated?: boolean } = {}): Promise<TestDb> {
  const migrated = options.migrated ?? true
  if (!TEST_DATABASE_URL) {
    const db = await openDb({ loadDataDir: await pgliteTemplate(migrated) })
    return { db, engine: 'pglite', drop: () => db.close() }
  }
  const name = `upheld_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await adminQuery(`create database ${name}`)
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  const db = await openDb({ databaseUrl: url.toString(), maxConnections: 4 })
  if (migrated) await migrate(db)
  return {
    db,
    engine: 'postgres',
    url: url.toString(),
    async drop() {
      await db.close()
      await dropDatabase(name)
    },
  }
}

/**
 * The pool's end resolves while its connections may still be closing; a forced drop would
 * kill them mid-close and their clients would throw. So wait (briefly) for them to go, and
 * force only what is left after that.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      await adminQuery(`drop database if exists ${name}`)
      return
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  await adminQuery(`drop database if exists ${name} with (force)`)
}

const MIGRATIONS = new URL('../migrations/', import.meta.url)
const PGLITE_PACKAGE = new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url)

/**
 * A new PGlite spends seconds on initdb; one started from a dump of a database made (and
 * migrated) before takes a fraction of that. The dump is kept in the temporary directory,
 * named by the migrations' content, so every test process of a run (and the next run) shares
 * it; it is written under another name and renamed, so a process never reads half of one.
 */
async function pgliteTemplate(migrated: boolean): Promise<Blob> {
  // The engine's own files too: a dump is only good for the PGlite that wrote it.
  const hash = createHash('sha256').update(readFileSync(PGLITE_PACKAGE))
  for (const file of readdirSync(MIGRATIONS).sort())
    hash.update(file).update(readFileSync(new URL(file, MIGRATIONS)))
  const file = join(
    tmpdir(),
    `upheld-test-pglite-${migrated ? 'migrated' : 'blank'}-${hash.digest('hex').slice(0, 16)}.tar`,
  )
  if (existsSync(file)) return new Blob([readFileSync(file)])
  const db = await openDb({})
  if (migrated) await migrate(db)
  const dump = await dumpDatabase(db)
  await db.close()
  const partial = `${file}.${process.pid}.partial`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, file)
  return dump
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
