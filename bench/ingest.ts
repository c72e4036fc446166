// Ingestion: events a second through the batch API (POST /api/events, 1,000 events a batch,
// 125 tickets of 8 events) on the embedded PGlite and on a PostgreSQL server, and the latency
// of single events at a steady load from a second process (autocannon). The server runs as it
// does in production (startServer), on a fresh database.
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- ingest
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readConfig } from '../src/config.ts'
import { startServer } from '../src/main.ts'
import { createPgDatabase } from './lib/pg-database.ts'
import { formatCount, formatTable } from './lib/table.ts'

const BATCHES = Number(process.env.BENCH_BATCHES ?? 20)
const RATE = Number(process.env.BENCH_RATE ?? 100)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONCURRENCY = 4
const AGREEMENT = readFileSync(new URL('../../shared/examples/helpdesk-sla.yaml', import.meta.url), 'utf8')

type Row = string[]

export async function run(): Promise<void> {
  const rows: Row[] = []
  rows.push(...(await measureEngine('PGlite (embedded)', {})))
  const database = await createPgDatabase('upheld_bench')
  if (database) {
    try {
      rows.push(...(await measureEngine('PostgreSQL 15', { DATABASE_URL: database.url })))
    } finally {
      await database.drop()
    }
  } else rows.push(['PostgreSQL', 'not reachable at BENCH_PG_URL', '', ''])
  console.log(formatTable(['database', 'measure', 'value', 'note'], rows, 2))
}

async function measureEngine(label: string, env: Record<string, string>): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-bench-'))
  const server = await startServer(readConfig({ PORT: '0', UPHELD_DATA_DIR: join(dir, 'data'), ...env }))
  try {
    const token = server.firstStart?.token
    if (!token) throw new Error('the fresh database gave no first-start token')
    const url = server.url
    if (!url) throw new Error('the server runs no API')
    const api = client(url, token)
    await api('POST', '/api/organisations', { id: 'acme', name: 'Acme', kind: 'customer' })
    await api('POST', '/api/agreements', AGREEMENT, 'application/yaml')
    await api('POST', '/api/events', batch(-1)) // warm-up: compiles the agreement, fills caches
    const events = BATCHES * 1000
    const oneAtATime = await postBatches(api, 0, 1)
    const concurrent = await postBatches(api, BATCHES, CONCURRENCY)
    const load = await steadyLoad(url, token)
    return [
      [
        label,
        'batch ingestion',
        `${formatCount(events / oneAtATime)} events/s`,
        `${formatCount(events)} events in ${BATCHES} batches, one at a time, ${oneAtATime.toFixed(1)} s`,
      ],
      [
        label,
        `batch ingestion, ${CONCURRENCY} clients`,
        `${formatCount(events / concurrent)} events/s`,
        `${formatCount(events)} more events, ${CONCURRENCY} batches in flight, ${concurrent.toFixed(1)} s`,
      ],
      [
        label,
        'single events, p50',
        `${load.p50} ms`,
        `steady ${RATE}/s for ${SECONDS} s from a second process (autocannon)`,
      ],
      [
        label,
        'single events, p99',
        `${load.p99} ms`,
        `${formatCount(load.total)} requests, ${load.failed} not 202`,
      ],
    ]
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Posts BATCHES batches (numbered from `first`) with `clients` in flight; returns the seconds taken. */
async function postBatches(api: ReturnType<typeof client>, first: number, clients: number): Promise<number> {
  const started = performance.now()
  let next = first
  const worker = async () => {
    while (next < first + BATCHES) await api('POST', '/api/events', batch(next++))
  }
  await Promise.all(Array.from({ length: clients }, worker))
  return (performance.now() - started) / 1000
}

/** 1,000 events: 125 tickets of 8 events each, all acknowledged in one transaction. */
function batch(b: number): object[] {
  const events: object[] = []
  for (let k = 0; k < 125; k++) {
    const ticket = `B${b}-${k}`
    const t0 = Date.UTC(2026, 4, 4, 9) + (b * 125 + k) * 60_000
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString()
    const e = (n: number, minutes: number, body: object) => ({
      id: `${ticket}-${n}`,
      ticket,
      at: at(minutes),
      ...body,
    })
    events.push(
      e(1, 0, {
        type: 'created',
        customer: 'acme',
        service: 'portal',
        severity: ['P1', 'P2', 'P3', 'P4'][k % 4],
        requester: 'ann@acme.example',
      }),
      e(2, 1, { type: 'message', author: 'system', public: true, automated: true }),
      e(3, 40, { type: 'message', author: 'agent', public: true }),
      e(4, 45, { type: 'status', status: 'waiting_on_customer' }),
      e(5, 300, { type: 'message', author: 'requester', public: true }),
      e(6, 300, { type: 'status', status: 'open' }),
      e(7, 360, { type: 'message', author: 'agent', public: true }),
      e(8, 600, { type: 'status', status: 'resolved' }),
    )
  }
  return events
}

function client(base: string, token: string) {
  return async (method: string, path: string, body: unknown, type = 'application/json') => {
    const response = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return response.json()
  }
}

// The load runs in its own process (the server must keep answering meanwhile).
async function steadyLoad(
  url: string,
  token: string,
): Promise<{ p50: number; p99: number; total: number; failed: number }> {
  const script = new URL('./lib/steady-load.mjs', import.meta.url).pathname
  const child = spawn(process.execPath, [script, url, token, String(RATE), String(SECONDS)])
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk) => {
    out += chunk
  })
  child.stderr.on('data', (chunk) => {
    err += chunk
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`the load process failed: ${err}`)
  const result = JSON.parse(out)
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  }
}
