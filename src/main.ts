// The composition root: reads the configuration and starts what the process runs.
import { serve } from '@hono/node-server'
import { createApp } from './api/app.ts'
import type { Config } from './config.ts'
import { VERSION } from './version.ts'

export type Running = { url: string; close(): Promise<void> }

export async function startServer(config: Config): Promise<Running> {
  const app = createApp({ version: VERSION })
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      resolve({
        url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
    server.once('error', reject)
  })
}
