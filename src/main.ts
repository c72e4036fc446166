// The composition root: opens the database (migrated), makes the first admin on a fresh one,
// and starts what the process's roles ask for: the HTTP app, the timer worker, or both.
import { hostname } from 'node:os'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { advanceAgreements } from './actions/advance-agreements.ts'
import { bootstrapAdmin, type FirstStart } from './actions/bootstrap-admin.ts'
import { checkAgreementHealth } from './actions/check-agreement-health.ts'
import { deliverClosedReports } from './actions/deliver-period-reports.ts'
import type { Deps } from './actions/deps.ts'
import { lifecycleInForce } from './actions/lifecycle-records.ts'
import { createApp } from './api/app.ts'
import { openWebApp } from './api/web-app.ts'
import type { Config } from './config.ts'
import { openDatabase } from './database.ts'
import { startProbeScheduler } from './jobs/probe-scheduler.ts'
import { startRepeating } from './jobs/repeat.ts'
import { startWorker, type Worker } from './jobs/worker.ts'
import { readSeal } from './signing.ts'
import { VERSION } from './version.ts'

export type Running = {
  /** Where the API listens; null when the process runs no API (`--role worker`). */
  url: string | null
  /** Where the data is, for the start-up line. */
  database: string
  /** Set on the first start only: the admin token and password, to be shown once. */
  firstStart: FirstStart | null
  /** The timer worker, when the process runs one. */
  worker: Worker | null
  close(): Promise<void>
}

const MINUTE = 60_000
/** Where `npm run build` puts the web app: dist/web, whether this runs from src/ or from dist/. */
const BUILT_WEB_APP = fileURLToPath(
  new URL(import.meta.url.includes('/dist/') ? './web/' : '../dist/web/', import.meta.url),
)
const log = (line: string) => process.stderr.write(`${line}\n`)

/** What a worker process runs beside the API: timers and notifications, probes, periodic jobs. */
function startJobs(deps: Deps, config: Config): { worker: Worker; stop(): Promise<void> } {
  const name = `${hostname()}:${process.pid}`
  const worker = startWorker(deps, {
    name,
    batchSize: config.worker.batchSize,
    pollMs: config.worker.pollMs,
    baseUrl: config.publicUrl,
    log,
  })
  const running = [
    worker,
    startProbeScheduler(deps, { name, retentionDays: config.probes.retentionDays, log }),
    // Closed periods' reports are frozen and sent within minutes of the period's end.
    startRepeating('period reports', 5 * MINUTE, () => deliverClosedReports(deps), log),
    // Signed agreements go in force, reviews fall due and terms end, to the hour.
    startRepeating('agreement states', 60 * MINUTE, () => advanceAgreements(deps), log),
    // The plan kept alive: the continuous lint rules over every agreement in force, daily.
    startRepeating(
      'agreement health',
      24 * 60 * MINUTE,
      () => checkAgreementHealth({ ...deps, inForce: lifecycleInForce }, deps.now()),
      log,
    ),
  ]
  return {
    worker,
    stop: async () => {
      await Promise.all(running.map((job) => job.stop()))
    },
  }
}

type Listening = { url: string; close(): Promise<void> }

export async function startServer(config: Config, now: () => number = Date.now): Promise<Running> {
  const database = await openDatabase(config)
  try {
    const deps: Deps = { db: database.db, now, publicUrl: config.publicUrl }
    const firstStart = await bootstrapAdmin(deps)
    const jobs = config.roles.includes('worker') ? startJobs(deps, config) : null
    const stopJobs = async () => jobs?.stop()
    try {
      const http = config.roles.includes('api') ? await listen(deps, config) : null
      return {
        url: http?.url ?? null,
        database: database.describe,
        firstStart,
        worker: jobs?.worker ?? null,
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
  const app = createApp({
    ...deps,
    version: VERSION,
    seal: readSeal(config),
    web: openWebApp(config.webDir ?? BUILT_WEB_APP),
  })
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
