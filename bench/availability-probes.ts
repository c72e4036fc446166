// Probes: 2,000 HTTP monitors at a 30-second interval, run by the real scheduler and HTTP check
// in this one process for BENCH_PROBE_SECONDS (default 180), writing raw results and status
// intervals to an embedded PGlite database. The targets are a local HTTP server in a second
// process (its work is not the prober's): most answer at once, some after up to half a second,
// a few refuse the connection. Reports how late checks started against their slots, checks a
// second, CPU, memory and the event loop's delay.
//   BENCH_PROBES=2000 BENCH_PROBE_SECONDS=180 npm run bench -- availability-probes
import { spawn } from 'node:child_process'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { startProbeScheduler } from '../src/jobs/probe-scheduler.ts'
import { type Db, openDb } from '../src/storage/db.ts'
import { migrate } from '../src/storage/migrate.ts'
import { insertOrganisation } from '../src/storage/organisations.ts'
import { upsertProbe } from '../src/storage/probes.ts'
import { seededRandom } from './lib/random.ts'
import { formatCount, formatTable } from './lib/table.ts'

const PROBES = Number(process.env.BENCH_PROBES ?? 2000)
const SECONDS = Number(process.env.BENCH_PROBE_SECONDS ?? 180)
const INTERVAL_MS = 30_000
const MB = 1024 * 1024

export async function run(): Promise<void> {
  const target = await startTarget()
  const db = await openDb({})
  try {
    await migrate(db)
    await seedProbes(db, target.port)
    report(await probeFor(db, SECONDS * 1000))
  } finally {
    await db.close()
    target.stop()
  }
}

/** Runs the scheduler for `ms`, watching every result, the CPU, the memory and the event loop. */
async function probeFor(db: Db, ms: number): Promise<Figures> {
  const lateness: number[] = []
  const outcomes = { up: 0, degraded: 0, down: 0 }
  const loop = monitorEventLoopDelay({ resolution: 10 })
  const rssBefore = process.memoryUsage().rss
  let peakRss = rssBefore
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 1000)
  const cpu = process.cpuUsage()
  const started = performance.now()
  loop.enable()
  const scheduler = startProbeScheduler(
    { db, now: Date.now },
    {
      name: 'bench',
      log: (line) => console.error(line),
      onResults: (batch) => {
        for (const o of batch) {
          lateness.push(o.lateMs)
          outcomes[o.result.outcome]++
        }
      },
    },
  )
  await new Promise((resolve) => setTimeout(resolve, ms))
  await scheduler.stop()
  loop.disable()
  clearInterval(sampler)
  const used = process.cpuUsage(cpu)
  const [stored] = await db.query<{ results: number; intervals: number }>(
    `select (select count(*)::int from probe_results) as results, (select count(*)::int from status_intervals) as intervals`,
  )
  const seconds = (performance.now() - started) / 1000
  return {
    lateness,
    outcomes,
    seconds,
    cpuMs: (used.user + used.system) / 1000,
    rssBefore,
    peakRss,
    loop,
    stored: stored!,
  }
}

// 90% answer at once, 8% after 50–500 ms, 2% point at a closed port (connection refused).
async function seedProbes(db: Db, port: number): Promise<void> {
  await insertOrganisation(db, { id: 'bench', name: 'Bench', kind: 'customer' })
  const random = seededRandom(42)
  for (let i = 0; i < PROBES; i++) {
    const r = random()
    const url =
      r < 0.9
        ? `http://127.0.0.1:${port}/ok?probe=${i}`
        : r < 0.98
          ? `http://127.0.0.1:${port}/slow?ms=${50 + Math.floor(random() * 450)}`
          : 'http://127.0.0.1:9/closed'
    await upsertProbe(db, {
      customer_id: 'bench',
      id: `p${i}`,
      service: `svc-${i % 200}`,
      component: `c${i}`,
      interval_ms: INTERVAL_MS,
      config: { url, timeout: '5s' },
      created_by: null,
    })
  }
}

async function startTarget(): Promise<{ port: number; stop(): void }> {
  const script = fileURLToPath(new URL('./lib/http-target.mjs', import.meta.url))
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = await new Promise<string[]>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (l) => resolve([l]))
    child.once('exit', (code) => reject(new Error(`the target server exited with ${code}`)))
  })
  return { port: Number(line), stop: () => child.kill('SIGTERM') }
}

type Figures = {
  lateness: number[]
  outcomes: Record<'up' | 'degraded' | 'down', number>
  seconds: number
  cpuMs: number
  rssBefore: number
  peakRss: number
  loop: ReturnType<typeof monitorEventLoopDelay>
  stored: { results: number; intervals: number }
}

function report(f: Figures): void {
  const sorted = [...f.lateness].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const ms = (n: number) => `${formatCount(n)} ms`
  console.log(
    `${formatCount(PROBES)} HTTP probes every ${INTERVAL_MS / 1000} s for ${f.seconds.toFixed(0)} s, one process, PGlite (expected ${formatCount(PROBES / (INTERVAL_MS / 1000))} checks/s)\n`,
  )
  console.log(
    formatTable(
      ['figure', 'value'],
      [
        ['checks', formatCount(f.lateness.length)],
        ['checks/s', formatCount(f.lateness.length / f.seconds)],
        ['outcomes up / degraded / down', `${f.outcomes.up} / ${f.outcomes.degraded} / ${f.outcomes.down}`],
        ['lateness p50', ms(at(0.5))],
        ['lateness p99', ms(at(0.99))],
        ['lateness max', ms(sorted.at(-1) ?? 0)],
        ['CPU (user + system), share of one core', `${((100 * f.cpuMs) / (f.seconds * 1000)).toFixed(1)}%`],
        [
          'RSS before probing (database open) / peak',
          `${formatCount(f.rssBefore / MB)} / ${formatCount(f.peakRss / MB)} MB`,
        ],
        ['heap used at the end', `${formatCount(process.memoryUsage().heapUsed / MB)} MB`],
        ['event loop delay p99 / max', `${ms(f.loop.percentile(99) / 1e6)} / ${ms(f.loop.max / 1e6)}`],
        [
          'rows written: probe_results / status_intervals',
          `${formatCount(f.stored.results)} / ${formatCount(f.stored.intervals)}`,
        ],
      ],
    ),
  )
}
