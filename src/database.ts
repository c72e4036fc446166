// Opening Upheld's database for a process: PostgreSQL when DATABASE_URL is set, else the
// embedded PGlite under the data directory. The embedded database belongs to one process at
// a time, so a lock file in the data directory says which; a stale lock is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Config } from './config.ts'
import { AppError } from './domain/app-error.ts'
import { type Db, openDb } from './storage/db.ts'
import { migrate } from './storage/migrate.ts'

export type OpenDatabase = { db: Db; describe: string; close(): Promise<void> }

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const db = await openDb({ databaseUrl: config.databaseUrl })
    await migrate(db)
    return { db, describe: `PostgreSQL at ${redact(config.databaseUrl)}`, close: () => db.close() }
  }
  const dir = resolve(config.dataDir)
  mkdirSync(dir, { recursive: true })
  const release = lockDataDir(dir)
  try {
    const db = await openDb({ dataDir: join(dir, 'pglite') })
    await migrate(db)
    return {
      db,
      describe: `the embedded database in ${dir}`,
      async close() {
        await db.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}

function lockDataDir(dir: string): () => void {
  const lock = join(dir, 'upheld.lock')
  let holder: number | null = null
  try {
    holder = Number(readFileSync(lock, 'utf8').trim())
  } catch {
    holder = null
  }
  if (holder && holder !== process.pid && alive(holder)) {
    throw new AppError(
      'conflict',
      `the embedded database in ${dir} is in use by process ${holder} (an Upheld server?); stop it, or set DATABASE_URL to share a PostgreSQL server`,
    )
  }
  writeFileSync(lock, String(process.pid))
  return () => rmSync(lock, { force: true })
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
}
