// The worker loop under a fake clock, and several workers sharing one database: each timer
// fires exactly once. On PostgreSQL (UPHELD_TEST_DATABASE_URL) two worker PROCESSES, each
// `upheld serve --role worker` with its own pool, share the timers; PGlite is one process's
// embedded database, so there two claim loops share it in one process through the same SQL.
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { TimerFiring } from '../actions/fire-timers.ts'
import { createChannel } from '../actions/manage-notification-channels.ts'
import { CLI_ARGS } from '../cli/test-support/run-cli.ts'
import { insertOrganisation } from '../storage/organisations.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import {
  checkFirings,
  firingsByWorker,
  insertClocksOfDueTimers,
  insertDueTimers,
} from './test-support/due-timers.ts'
import { type HttpReceiver, startHttpReceiver } from './test-support/receivers.ts'
import { startWorker } from './worker.ts'

const T0 = Date.parse('2026-11-23T09:00:00Z')
const MANY = 2_400

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the worker', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb()
  })
  beforeEach(async () => {
    await t.db.exec(
      `delete from notification_attempts; delete from notifications; delete from notification_channels;
       delete from timer_firings; delete from timers; delete from clocks`,
    )
  })
  after(() => t.drop())

  const SECRET = 'whsec_exactly_once_0123'
  /** A webhook receiver every fired timer is told to, through a signed channel. */
  async function webhookFor(now?: () => number): Promise<HttpReceiver> {
    const receiver = await startHttpReceiver({ secret: SECRET, now })
    await insertOrganisation(t.db, { id: 'acme', name: 'Acme', kind: 'customer' })
    const admin = { userId: 'u-admin', role: 'admin', organisationId: 'example-it' } as const
    await createChannel({ db: t.db, now: Date.now }, admin, {
      kind: 'webhook',
      name: 'ops',
      url: receiver.url,
      secret: SECRET,
    })
    return receiver
  }
  /** Each fired timer's notification reached the receiver once, signed; the outbox says delivered. */
  async function assertToldOnce(receiver: HttpReceiver, count: number): Promise<void> {
    const ids = receiver.received.map((r) => String(r.headers['upheld-delivery']))
    assert.equal(receiver.received.length, count, 'one request per fired timer')
    assert.equal(new Set(ids).size, count, 'no delivery twice')
    assert.ok(
      receiver.received.every((r) => r.status === 200 && r.verdict === 'ok'),
      'all signed and fresh',
    )
    const [row] = await t.db.query<{ delivered: number; once: number }>(
      `select count(*) filter (where state = 'delivered')::int as delivered,
              count(*) filter (where attempts = 1)::int as once from notifications`,
    )
    const errors = await t.db.query<{ last_error: string }>(
      `select last_error from notifications where state <> 'delivered' limit 3`,
    )
    assert.deepEqual(row, { delivered: count, once: count }, JSON.stringify(errors))
  }

  test('fires what is due by its clock, sleeps, fires the next when the clock gets there, and stops', async () => {
    await insertDueTimers(t.db, 3, T0, 3_600_000)
    let now = T0
    const worker = startWorker({ db: t.db, now: () => now }, { name: 'w', pollMs: 10 })
    try {
      await until(async () => worker.fired() === 1, 5_000, 'the first timer')
      await new Promise((resolve) => setTimeout(resolve, 50))
      assert.equal(worker.fired(), 1, 'nothing before its instant')
      now = T0 + 2 * 3_600_000
      await until(async () => worker.fired() === 3, 5_000, 'the other two')
    } finally {
      await worker.stop()
    }
    const records = await t.db.query<{ late_ms: number | null }>(
      'select late_ms from timer_firings order by due_at',
    )
    // The second was due an hour before the clock jumped: late by that hour.
    assert.deepEqual(
      records.map((r) => r.late_ms),
      [null, 3_600_000, null],
    )
  })

  test(`two claim loops in one process fire ${MANY} timers and deliver their notifications exactly once`, async () => {
    const receiver = await webhookFor(() => T0)
    await insertDueTimers(t.db, MANY, T0 - 60_000)
    await insertClocksOfDueTimers(t.db, MANY, T0 - 60_000)
    const seen: TimerFiring[] = []
    const deps = { db: t.db, now: () => T0 }
    const workers = ['a', 'b'].map((name) =>
      startWorker(deps, {
        name,
        batchSize: 50,
        pollMs: 10,
        onBatch: (f) => seen.push(...f),
        // A loaded machine may hold a request's answer for seconds: no send may time out here.
        delivery: { timeoutMs: 300_000 },
      }),
    )
    try {
      await until(async () => (await checkFirings(t.db)).fired === MANY, 240_000, 'every timer')
      await until(async () => receiver.received.length >= MANY, 240_000, 'every notification')
      await new Promise((resolve) => setTimeout(resolve, 300))
    } finally {
      await Promise.all(workers.map((w) => w.stop()))
      await receiver.close()
    }
    await assertToldOnce(receiver, MANY)
    assert.deepEqual(await checkFirings(t.db), {
      timers: MANY,
      fired: MANY,
      firings: MANY,
      keysFiredTwice: 0,
    })
    assert.equal(seen.length, MANY)
    assert.equal(new Set(seen.map((f) => f.idempotencyKey)).size, MANY)
    assert.ok(
      workers.every((w) => w.fired() > 0),
      `both loops fired some: ${workers.map((w) => w.fired())}`,
    )
  })

  test(`two worker processes on one database fire ${MANY} timers and send each notification exactly once (PostgreSQL; on PGlite, the loops above)`, async (ctx) => {
    if (t.engine !== 'postgres' || !t.url) {
      ctx.diagnostic('PGlite belongs to one process: the two loops in one process above cover it')
      return
    }
    const receiver = await webhookFor()
    const children = [startWorkerProcess(t.url), startWorkerProcess(t.url)]
    try {
      await Promise.all(children.map((c) => c.ready))
      const due = Date.now() - 60_000
      await insertClocksOfDueTimers(t.db, MANY, due)
      await insertDueTimers(t.db, MANY, due)
      await until(async () => (await checkFirings(t.db)).firings === MANY, 240_000, 'every timer')
      await until(async () => receiver.received.length >= MANY, 240_000, 'every notification')
      // Anything sent twice would arrive in the moments after the last one.
      await new Promise((resolve) => setTimeout(resolve, 300))
      for (const c of children) c.process.kill('SIGTERM')
      const codes = await Promise.all(children.map((c) => c.exit))
      assert.deepEqual(codes, [0, 0], children.map((c) => c.stderr()).join('\n'))
    } finally {
      for (const c of children) c.process.kill('SIGKILL')
      await receiver.close()
    }
    await assertToldOnce(receiver, MANY)
    assert.deepEqual(await checkFirings(t.db), {
      timers: MANY,
      fired: MANY,
      firings: MANY,
      keysFiredTwice: 0,
    })
    const byWorker = await firingsByWorker(t.db)
    assert.equal(byWorker.size, 2, `both processes fired some: ${[...byWorker]}`)
    assert.deepEqual(
      children.map((c) => c.stderr()),
      ['', ''],
      'no worker reported an error',
    )
  })
})

type WorkerProcess = { process: ChildProcess; ready: Promise<void>; exit: Promise<number>; stderr(): string }

function startWorkerProcess(databaseUrl: string): WorkerProcess {
  const child = spawn(process.execPath, [...CLI_ARGS, 'serve', '--role', 'worker'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      UPHELD_DATA_DIR: mkdtempSync(join(tmpdir(), 'upheld-worker-')),
      UPHELD_WORKER_BATCH: '25',
      UPHELD_WORKER_POLL_MS: '20',
    },
  })
  let out = ''
  let err = ''
  child.stdout?.setEncoding('utf8')
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    err += chunk
  })
  const exit = once(child, 'exit').then(([code]) => code as number)
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      out += chunk
      if (/firing timers/.test(out)) resolve()
    })
    exit.then((code) => reject(new Error(`the worker exited with ${code}: ${out}${err}`)))
  })
  return { process: child, ready, exit, stderr: () => err }
}
