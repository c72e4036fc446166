// Numbered, forward-only, plain-SQL migrations (migrations/NNNN_name.sql), applied in order at
// start. An advisory lock lets several processes start together on one PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs'
import type { Db } from './db.ts'

const MIGRATIONS = new URL('./migrations/', import.meta.url)
const LOCK_KEY = 7_262_531

export type Migration = { version: number; name: string; sql: string }

export function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(new URL(file, MIGRATIONS), 'utf8'),
    }))
}

/** Applies the migrations not yet applied; returns the versions it applied. */
export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY])
    await tx.exec(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`)
    const done = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version),
    )
    const applied: number[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      await tx.exec(m.sql)
      await tx.execute('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name])
      applied.push(m.version)
    }
    return applied
  })
}

/** The migrations not yet applied (all of them when none ever ran): empty when the schema is current. */
export async function pendingMigrations(
  db: Db,
  migrations: Migration[] = loadMigrations(),
): Promise<number[]> {
  const exists = await db.query(`select to_regclass('schema_migrations') is not null as ok`)
  if (exists[0]?.ok !== true) return migrations.map((m) => m.version)
  const done = new Set(
    (await db.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version),
  )
  return migrations.filter((m) => !done.has(m.version)).map((m) => m.version)
}
