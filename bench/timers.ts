// Timers: how many due timers a second one worker fires (claim with FOR UPDATE SKIP LOCKED,
// mark fired, write the firing record, one transaction per batch), on the embedded PGlite and
// on a PostgreSQL server, for the default batch of 100 and a larger one; with no channel
// configured (nothing to tell) and with a webhook channel, when each firing also reads its
// clock and enqueues its notification in the same transaction (delivery is not timed).
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- timers
import { insertClocksOfDueTimers, insertDueTimers } from '../src/jobs/test-support/due-timers.ts'
import { startWorker } from '../src/jobs/worker.ts'
import { type Db, openDb } from '../src/storage/db.ts'
import { migrate } from '../src/storage/migrate.ts'
import { createPgDatabase } from './lib/pg-database.ts'
import { formatCount, formatTable } from './lib/table.ts'

const TIMERS = Number(process.env.BENCH_TIMERS ?? 20_000)
const BATCHES = [100, 500]
const MODES = ['no channel', 'webhook channel'] as const
type Mode = (typeof MODES)[number]

type Row = string[]

export async function run(): Promise<void> {
  const rows: Row[] = []
  const lite = await openDb({})
  try {
    await migrate(lite)
    for (const mode of MODES)
      for (const batch of BATCHES) rows.push(await measure('PGlite (embedded)', lite, batch, mode))
  } finally {
    await lite.close()
  }
  const database = await createPgDatabase('upheld_bench_timers')
  if (database) {
    const db = await openDb({ databaseUrl: database.url })
    try {
      await migrate(db)
      for (const mode of MODES)
        for (const batch of BATCHES) rows.push(await measure('PostgreSQL', db, batch, mode))
    } finally {
      await db.close()
      await database.drop()
    }
  } else rows.push(['PostgreSQL', '', 'not reachable at BENCH_PG_URL', '', ''])
  console.log(formatTable(['database', 'batch', 'notifications', 'fired/s', 'note'], rows, 3))
}

async function measure(label: string, db: Db, batchSize: number, mode: Mode): Promise<Row> {
  await db.exec(
    `delete from notification_attempts; delete from notifications; delete from notification_channels;
     delete from timer_firings; delete from timers; delete from clocks`,
  )
  const now = Date.parse('2026-11-23T12:00:00Z')
  await insertDueTimers(db, TIMERS, now - 3_600_000, 1)
  if (mode === 'webhook channel') {
    await insertClocksOfDueTimers(db, TIMERS, now - 3_600_000)
    await db.execute(
      `insert into organisations (id, name, kind) values ('acme', 'Acme', 'customer') on conflict do nothing`,
    )
    await db.execute(
      `insert into notification_channels (id, kind, name, config, secret)
       values ('ch-bench', 'webhook', 'bench', '{"url":"http://127.0.0.1:9/hook"}', 'whsec_bench_0123456789')`,
    )
  }
  await db.exec('analyze timers; analyze clocks')
  let fired = 0
  let done: () => void = () => {}
  const finished = new Promise<void>((resolve) => {
    done = resolve
  })
  const started = performance.now()
  const worker = startWorker(
    { db, now: () => now },
    {
      name: 'bench',
      batchSize,
      pollMs: 1_000,
      delivery: false,
      onBatch: (firings) => {
        fired += firings.length
        if (fired >= TIMERS) done()
      },
    },
  )
  await finished
  const seconds = (performance.now() - started) / 1000
  await worker.stop()
  return [
    label,
    String(batchSize),
    mode,
    formatCount(TIMERS / seconds),
    `${formatCount(TIMERS)} due timers in ${seconds.toFixed(2)} s`,
  ]
}
