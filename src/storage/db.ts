// One small database type over the two engines Upheld runs on: PGlite (embedded, under the
// data directory) and a PostgreSQL server. The same SQL and migrations serve both.
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

export type Row = Record<string, unknown>

export type Db = {
  readonly kind: 'pglite' | 'postgres'
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>
  /** Runs a statement and returns how many rows it touched. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Runs `fn` in a transaction; inside one already, it joins it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export type DbOptions = {
  databaseUrl?: string
  dataDir?: string
  maxConnections?: number
  /** An in-memory PGlite started from this dump (dumpDatabase) rather than from nothing. */
  loadDataDir?: Blob
}

// The PGlite behind each embedded Db, for dumpDatabase.
const engines = new WeakMap<Db, PGlite>()

export async function openDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10)
  const lite = options.dataDir
    ? await PGlite.create(options.dataDir)
    : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
  const db = pgliteDb(lite)
  engines.set(db, lite)
  return db
}

/** An embedded database's whole data directory, to start copies from (openDb's loadDataDir). */
export async function dumpDatabase(db: Db): Promise<Blob> {
  const lite = engines.get(db)
  if (!lite) throw new Error('only an embedded database can be dumped')
  return lite.dumpDataDir('none')
}

type LiteQueryable = Pick<PGlite, 'query' | 'exec'>

function pgliteDb(lite: PGlite): Db {
  const over = (q: LiteQueryable, inTransaction: boolean): Db => ({
    kind: 'pglite',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await q.query<T>(sql, params as unknown[])).rows
    },
    async execute(sql, params = []) {
      return (await q.query(sql, params as unknown[])).affectedRows ?? 0
    },
    async exec(sql) {
      await q.exec(sql)
    },
    transaction: (fn) => (inTransaction ? fn(over(q, true)) : lite.transaction((tx) => fn(over(tx, true)))),
    close: () => lite.close(),
  })
  return over(lite, false)
}

// bigint (int8) columns come back as numbers, as PGlite gives them: every value Upheld keeps
// in one (milliseconds, counters) is far below 2^53.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format as 'text')
  },
}

function openPostgres(url: string, max: number): Db {
  const pool = new pg.Pool({ connectionString: url, max, types })
  const over = (client: pg.Pool | pg.PoolClient, inTransaction: boolean): Db => ({
    kind: 'postgres',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await client.query<T>(sql, params as unknown[])).rows
    },
    async execute(sql, params = []) {
      return (await client.query(sql, params as unknown[])).rowCount ?? 0
    },
    async exec(sql) {
      await client.query(sql)
    },
    async transaction(fn) {
      if (inTransaction) return fn(over(client, true))
      const connection = await pool.connect()
      try {
        await connection.query('begin')
        const result = await fn(over(connection, true))
        await connection.query('commit')
        return result
      } catch (error) {
        await connection.query('rollback').catch(() => {})
        throw error
      } finally {
        connection.release()
      }
    },
    close: () => pool.end(),
  })
  return over(pool, false)
}
