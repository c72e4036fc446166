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
import { fileURLToPath } from 'node:url'
import type { TimerFiring } from '../actions/fire-timers.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { checkFirings, firingsByWorker, insertDueTimers } from './test-support/due-timers.ts'
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
    await t.db.exec('delete from timer_firings; delete from timers')
  })
  after(() => t.drop())

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

  test(`two claim loops in one process fire ${MANY} timers exactly once`, async () => {
    await insertDueTimers(t.db, MANY, T0 - 60_000)
    const seen: TimerFiring[] = []
    const deps = { db: t.db, now: () => T0 }
    const workers = ['a', 'b'].map((name) =>
      startWorker(deps, { name, batchSize: 50, pollMs: 10, onBatch: (f) => seen.push(...f) }),
    )
    try {
      await until(async () => (await checkFirings(t.db)).fired === MANY, 60_000, 'every timer')
    } finally {
      await Promise.all(workers.map((w) => w.stop()))
    }
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

  test(`two worker processes on one database fire ${MANY} timers exactly once (PostgreSQL; on PGlite, the loops above)`, async (ctx) => {
    if (t.engine !== 'postgres' || !t.url) {
      ctx.diagnostic('PGlite belongs to one process: the two loops in one process above cover it')
      return
    }
    const children = [startWorkerProcess(t.url), startWorkerProcess(t.url)]
    try {
      await Promise.all(children.map((c) => c.ready))
      await insertDueTimers(t.db, MANY, Date.now() - 60_000)
      await until(async () => (await checkFirings(t.db)).firings === MANY, 60_000, 'every timer')
      for (const c of children) c.process.kill('SIGTERM')
      const codes = await Promise.all(children.map((c) => c.exit))
      assert.deepEqual(codes, [0, 0], children.map((c) => c.stderr()).join('\n'))
    } finally {
      for (const c of children) c.process.kill('SIGKILL')
    }
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
  const entry = fileURLToPath(new URL('../cli/run.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'serve', '--role', 'worker'], {
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
