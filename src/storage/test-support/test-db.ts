// A fresh, migrated database for a test file: in-process PGlite, or, when
// UPHELD_TEST_DATABASE_URL names a PostgreSQL server, a new database created on it.
import pg from 'pg'
import { type Db, openDb } from '../db.ts'
import { migrate } from '../migrate.ts'

export const TEST_DATABASE_URL = process.env.UPHELD_TEST_DATABASE_URL || undefined

/** `url` names the PostgreSQL database, for tests that start other processes on it. */
export type TestDb = { db: Db; engine: 'pglite' | 'postgres'; url?: string; drop(): Promise<void> }

export async function createTestDb(options: { migrated?: boolean } = {}): Promise<TestDb> {
  const migrated = options.migrated ?? true
  if (!TEST_DATABASE_URL) {
    const db = await openDb({})
    if (migrated) await migrate(db)
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

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
