// The composition root: opens the database (migrated), makes the first admin on a fresh one,
// builds the HTTP app over them and listens.
import { serve } from '@hono/node-server'
import { bootstrapAdmin, type FirstStart } from './actions/bootstrap-admin.ts'
import { createApp } from './api/app.ts'
import type { Config } from './config.ts'
import { openDatabase } from './database.ts'
import { VERSION } from './version.ts'

export type Running = {
  url: string
  /** Where the data is, for the start-up line. */
  database: string
  /** Set on the first start only: the admin token, to be shown once. */
  firstStart: FirstStart | null
  close(): Promise<void>
}

export async function startServer(config: Config, now: () => number = Date.now): Promise<Running> {
  const database = await openDatabase(config)
  try {
    const deps = { db: database.db, now }
    const firstStart = await bootstrapAdmin(deps)
    const app = createApp({ ...deps, version: VERSION })
    return await new Promise((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
        resolve({
          url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${info.port}`,
          database: database.describe,
          firstStart,
          close: async () => {
            await new Promise<void>((done) => server.close(() => done()))
            await database.close()
          },
        })
      })
      server.once('error', reject)
    })
  } catch (error) {
    await database.close()
    throw error
  }
}
