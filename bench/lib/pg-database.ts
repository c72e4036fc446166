// A fresh database on the PostgreSQL server at BENCH_PG_URL, dropped afterwards; null when
// the server does not answer (the benchmark then says so instead of failing).
import pg from 'pg'

export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export async function createPgDatabase(
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> } | null> {
  const name = `${prefix}_${process.pid}`
  const admin = new pg.Client({ connectionString: PG_URL })
  try {
    await admin.connect()
  } catch {
    return null
  }
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}
