// The at-risk board (GET /api/board) over 10,000 open tickets, on the embedded PGlite and on a
// PostgreSQL server: the first page (50 tickets, with the tab counts and the filter values), a
// filtered first page, the breached tab, and a page further on by cursor. The open tickets go
// in through the ingest action as a helpdesk would send them (five customers on the reference
// helpdesk SLA, a mix of severities, services, agents, replies and waits); 100,000 closed
// tickets' clocks are added in SQL behind them, as a year of history would leave them.
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- board
import { readFileSync } from 'node:fs'
import type { Actor } from '../src/actions/deps.ts'
import { ingestEvents } from '../src/actions/ingest-events.ts'
import { type BoardQuery, listBoard } from '../src/actions/list-board.ts'
import { uploadAgreement } from '../src/actions/upload-agreement.ts'
import { presentBoard } from '../src/api/board-presenters.ts'
import { type Db, openDb } from '../src/storage/db.ts'
import { migrate } from '../src/storage/migrate.ts'
import { createPgDatabase } from './lib/pg-database.ts'
import { seededRandom } from './lib/random.ts'
import { formatCount, formatTable } from './lib/table.ts'

const OPEN = Number(process.env.BENCH_OPEN_TICKETS ?? 10_000)
const CLOSED = Number(process.env.BENCH_CLOSED_TICKETS ?? 100_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)
const NOW = Date.parse('2026-11-27T10:00:00Z')
const CUSTOMERS = ['acme', 'globex', 'initech', 'umbrella', 'hooli']
const AGENTS = Array.from({ length: 20 }, (_, i) => `agent-${String(i + 1).padStart(2, '0')}`)
const STAFF: Actor = { userId: 'bench', role: 'admin', organisationId: 'example-it' }
const AGREEMENT = readFileSync(new URL('../../shared/examples/helpdesk-sla.yaml', import.meta.url), 'utf8')

type Row = string[]
type Query = { name: string; query: Omit<BoardQuery, 'cursor'>; deep?: boolean }

const QUERIES: Query[] = [
  { name: 'first page, at risk', query: { state: 'at_risk', limit: 50 } },
  {
    name: 'first page, filtered (P2, one agent)',
    query: { state: 'at_risk', limit: 50, severity: 'P2', agent: 'agent-07' },
  },
  { name: 'first page, breached', query: { state: 'breached', limit: 50 } },
  { name: '11th page, by cursor', query: { state: 'at_risk', limit: 50 }, deep: true },
]

export async function run(): Promise<void> {
  const rows: Row[] = []
  const lite = await openDb({})
  try {
    rows.push(...(await measureEngine('PGlite (embedded)', lite)))
  } finally {
    await lite.close()
  }
  const database = await createPgDatabase('upheld_bench_board')
  if (database) {
    const db = await openDb({ databaseUrl: database.url })
    try {
      rows.push(...(await measureEngine('PostgreSQL', db)))
    } finally {
      await db.close()
      await database.drop()
    }
  } else rows.push(['PostgreSQL', 'not reachable at BENCH_PG_URL', '', '', ''])
  console.log(
    `\n${formatCount(OPEN)} open tickets, ${formatCount(CLOSED)} closed ones; median and slowest of ${RUNS} requests\n`,
  )
  console.log(formatTable(['database', 'request', 'items', 'median', 'slowest'], rows, 2))
}

async function measureEngine(label: string, db: Db): Promise<Row[]> {
  const seeding = performance.now()
  await seedBoard(db)
  console.log(`${label}: seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`)
  const deps = { db, now: () => NOW }
  const rows: Row[] = []
  for (const { name, query, deep } of QUERIES) {
    let cursor: string | undefined
    if (deep) {
      for (let page = 0; page < 10; page++)
        cursor = (await listBoard(deps, STAFF, { ...query, cursor })).nextCursor ?? undefined
    }
    const times: number[] = []
    let items = 0
    // Three requests to warm up (the agreement compiled, the plans cached), then the measured ones.
    for (let run = 0; run < RUNS + 3; run++) {
      const started = performance.now()
      const board = await listBoard(deps, STAFF, { ...query, cursor })
      JSON.stringify(presentBoard(board, query.state))
      if (run >= 3) times.push(performance.now() - started)
      items = board.items.length
    }
    times.sort((a, b) => a - b)
    const ms = (t: number) => `${t.toFixed(1)} ms`
    rows.push([label, name, String(items), ms(times[Math.floor(times.length / 2)]!), ms(times.at(-1)!)])
  }
  return rows
}

/** The board's data on a fresh database: the agreements, the open tickets, the closed ones. */
export async function seedBoard(db: Db): Promise<void> {
  await migrate(db)
  const deps = { db, now: () => NOW }
  for (const customer of CUSTOMERS) {
    await db.execute(`insert into organisations (id, name, kind) values ($1, $1, 'customer')`, [customer])
    const text = AGREEMENT.replaceAll('acme', customer).replace('Acme Corporation', customer)
    await uploadAgreement(deps, STAFF, { text })
  }
  const events = openTicketEvents()
  for (let i = 0; i < events.length; i += 1000) await ingestEvents(deps, STAFF, events.slice(i, i + 1000))
  await addClosedTickets(db)
  await db.exec('analyze')
}

// Created in the three days before now; most answered, some of those waiting on the customer.
function openTicketEvents(): object[] {
  const random = seededRandom(20261127)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const at = (t: number) => new Date(Math.min(t, NOW - 1)).toISOString()
  const events: object[] = []
  for (let n = 0; n < OPEN; n++) {
    const ticket = `B-${n}`
    const createdAt = NOW - Math.floor(random() * 3 * 86_400_000)
    events.push({
      id: `${ticket}-1`,
      ticket,
      type: 'created',
      at: at(createdAt),
      customer: CUSTOMERS[n % CUSTOMERS.length],
      severity: pick(['P1', 'P2', 'P2', 'P3', 'P3', 'P3', 'P4']),
      service: pick(['portal', 'email']),
      channel: pick(['email', 'portal', 'phone']),
      subject: `Ticket ${n}`,
      agent: pick(AGENTS),
    })
    const roll = random()
    if (roll >= 0.6) continue
    const reply = createdAt + Math.floor(random() * 3_600_000)
    events.push({ id: `${ticket}-2`, ticket, type: 'message', at: at(reply), author: 'agent', public: true })
    if (roll < 0.15)
      events.push({
        id: `${ticket}-3`,
        ticket,
        type: 'status',
        at: at(reply + 60_000),
        status: 'waiting_on_customer',
      })
  }
  return events
}

// Closed tickets leave stopped clocks behind: the board must not wade through them.
async function addClosedTickets(db: Db): Promise<void> {
  await db.execute(
    `insert into tickets (customer_id, id, service, severity, status, subject, requester, agent, channel, created_at, updated_at)
     select ($1::text[])[1 + n % 5], 'C-' || n, 'portal', 'P3', 'closed', 'Old ticket', null, 'agent-01', 'email',
            $2::timestamptz - make_interval(mins => n), $2::timestamptz - make_interval(mins => n)
       from generate_series(1, $3::int) n`,
    [CUSTOMERS, new Date(NOW - 7 * 86_400_000), CLOSED],
  )
  await db.execute(
    `insert into clocks (customer_id, ticket_id, agreement_id, metric, cycle, severity, state, breached, target_ms,
                         elapsed_ms, due, started_at, stopped_at, version)
     select t.customer_id, t.id, t.customer_id || '-helpdesk', m.metric, 1, 'P3', 'met', false, m.target, m.target / 2,
            t.created_at + interval '1 day', t.created_at, t.created_at + interval '2 hours', t.customer_id || '-helpdesk@1'
       from tickets t cross join (values ('first_response', 14400000::bigint), ('resolution', 144000000::bigint)) m(metric, target)
      where t.id like 'C-%'`,
  )
}
