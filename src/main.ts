// The composition root: opens the database (migrated), makes the first admin on a fresh one,
// and starts what the process's roles ask for: the HTTP app, the timer worker, or both.
import { hostname } from 'node:os'
import { serve } from '@hono/node-server'
import { bootstrapAdmin, type FirstStart } from './actions/bootstrap-admin.ts'
import type { Deps } from './actions/deps.ts'
import { createApp } from './api/app.ts'
import type { Config } from './config.ts'
import { openDatabase } from './database.ts'
import { type ProbeScheduler, startProbeScheduler } from './jobs/probe-scheduler.ts'
import { startWorker, type Worker } from './jobs/worker.ts'
import { VERSION } from './version.ts'

export type Running = {
  /** Where the API listens; null when the process runs no API (`--role worker`). */
  url: string | null
  /** Where the data is, for the start-up line. */
  database: string
  /** Set on the first start only: the admin token, to be shown once. */
  firstStart: FirstStart | null
  /** The timer worker, when the process runs one. */
  worker: Worker | null
  close(): Promise<void>
}

type Listening = { url: string; close(): Promise<void> }

export async function startServer(config: Config, now: () => number = Date.now): Promise<Running> {
  const database = await openDatabase(config)
  try {
    const deps: Deps = { db: database.db, now, publicUrl: config.publicUrl }
    const firstStart = await bootstrapAdmin(deps)
    const worker = config.roles.includes('worker')
      ? startWorker(deps, {
          name: `${hostname()}:${process.pid}`,
          batchSize: config.worker.batchSize,
          pollMs: config.worker.pollMs,
          baseUrl: config.publicUrl,
          log: (line) => process.stderr.write(`${line}\n`),
        })
      : null
    const probes: ProbeScheduler | null = config.roles.includes('worker')
      ? startProbeScheduler(deps, {
          name: `${hostname()}:${process.pid}`,
          retentionDays: config.probes.retentionDays,
          log: (line) => process.stderr.write(`${line}\n`),
        })
      : null
    const stopJobs = () => Promise.all([worker?.stop(), probes?.stop()])
    try {
      const http = config.roles.includes('api') ? await listen(deps, config) : null
      return {
        url: http?.url ?? null,
        database: database.describe,
        firstStart,
        worker,
        close: async () => {
          await http?.close()
          await stopJobs()
          await database.close()
        },
      }
    } catch (error) {
      await stopJobs()
      throw error
    }
  } catch (error) {
    await database.close()
    throw error
  }
}

function listen(deps: Deps, config: Config): Promise<Listening> {
  const app = createApp({ ...deps, version: VERSION })
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      resolve({
        url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      })
    })
    server.once('error', reject)
  })
}
