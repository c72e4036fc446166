import type { Command } from 'commander'
import { readConfig } from '../config.ts'
import { startServer } from '../main.ts'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the Upheld server (HTTP API and web app)')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      const config = readConfig({
        ...process.env,
        ...(opts.port ? { PORT: opts.port } : {}),
        ...(opts.host ? { HOST: opts.host } : {}),
      })
      const running = await startServer(config)
      process.stdout.write(`Upheld is listening on ${running.url} (Ctrl-C to stop)\n`)
      const stop = () => {
        running.close().then(() => process.exit(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}
