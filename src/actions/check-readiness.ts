// Ready = the database answers and every migration this build knows has been applied.
import { pendingMigrations } from '../storage/migrate.ts'
import type { Deps } from './deps.ts'

export type Readiness = { ready: boolean; database: 'ok' | 'unreachable'; pendingMigrations: number[] }

export async function checkReadiness(deps: Deps): Promise<Readiness> {
  try {
    const pending = await pendingMigrations(deps.db)
    return { ready: pending.length === 0, database: 'ok', pendingMigrations: pending }
  } catch {
    return { ready: false, database: 'unreachable', pendingMigrations: [] }
  }
}
