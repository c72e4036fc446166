import type { Command } from 'commander'
import { readConfig } from '../config.ts'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the Upheld server (HTTP API and web app, and the timer worker)')
    .option(
      '--role <roles>',
      'what this process runs: api, worker or api,worker (default: UPHELD_ROLES or api,worker); several processes on one PostgreSQL share the timers',
    )
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option(
      '--data-dir <dir>',
      'where the embedded database lives when DATABASE_URL is unset (default: UPHELD_DATA_DIR or ./data)',
    )
    .action(async (opts: { port?: string; host?: string; dataDir?: string; role?: string }) => {
      const config = readConfig({
        ...process.env,
        ...(opts.port ? { PORT: opts.port } : {}),
        ...(opts.host ? { HOST: opts.host } : {}),
        ...(opts.dataDir ? { UPHELD_DATA_DIR: opts.dataDir } : {}),
        ...(opts.role ? { UPHELD_ROLES: opts.role } : {}),
      })
      const { startServer } = await import('../main.ts')
      const running = await startServer(config)
      const first = running.firstStart
      if (first) {
        process.stdout.write(
          `First start: created the organisation "${first.organisation}" and the admin ${first.email}; ` +
            `admin API token: ${first.token} ; keep this token, it is not shown again\n`,
        )
        process.stdout.write(
          `Sign in at ${running.url ?? config.publicUrl} as ${first.email} with password ${first.password} ; ` +
            `keep it or set another (upheld user password ${first.email}), it is not shown again\n`,
        )
      }
      const roles = [
        ...(running.url ? [`listening on ${running.url}`] : []),
        ...(running.worker ? ['firing timers'] : []),
      ]
      process.stdout.write(`Upheld is ${roles.join(' and ')} (data: ${running.database}; Ctrl-C to stop)\n`)
      const stop = () => {
        running.close().then(() => process.exit(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}
