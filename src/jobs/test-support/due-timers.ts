// Armed timers straight into the table, many at once, for the worker's tests and benchmark.
import type { Db } from '../../storage/db.ts'

/** `count` armed timers on `count / 4` tickets of one customer, due from `firstDue`, `stepMs` apart. */
export async function insertDueTimers(
  db: Db,
  count: number,
  firstDue: number,
  stepMs = 0,
  customerId = 'acme',
): Promise<void> {
  await db.execute(
    `insert into timers (customer_id, ticket_id, agreement_id, metric, cycle, kind, level, percent, severity,
                         due_at, state, armed_at)
     select $1, 'T-' || (i / 4), 'acme-helpdesk', 'resolution', 1, 'warning', 1000 + i % 4, (1000 + i % 4) / 100.0, 'P2',
            to_timestamp(($2::bigint + i * $3::bigint) / 1000.0), 'armed', to_timestamp($2::bigint / 1000.0)
       from generate_series(0, $4::int - 1) as i`,
    [customerId, firstDue, stepMs, count],
  )
}

/**
 * The running clocks those timers belong to (one per ticket), so that their firings have
 * something to tell; the agreement version they pin is not stored, so they name no contacts.
 */
export async function insertClocksOfDueTimers(
  db: Db,
  count: number,
  firstDue: number,
  customerId = 'acme',
): Promise<void> {
  await db.execute(
    `insert into clocks (customer_id, ticket_id, agreement_id, metric, cycle, severity, state, breached,
                         target_ms, elapsed_ms, due, started_at, version)
     select $1, 'T-' || i, 'acme-helpdesk', 'resolution', 1, 'P2', 'running', false,
            3600000, 0, to_timestamp(($2::bigint + 3600000) / 1000.0), to_timestamp($2::bigint / 1000.0),
            'acme-helpdesk@0'
       from generate_series(0, ($3::int - 1) / 4) as i`,
    [customerId, firstDue, count],
  )
}

export type FiringCheck = { timers: number; fired: number; firings: number; keysFiredTwice: number }

/** What the firing records say: every timer fired, and how many keys have more than one record. */
export async function checkFirings(db: Db): Promise<FiringCheck> {
  const [row] = await db.query<FiringCheck>(
    `select (select count(*)::int from timers) as timers,
            (select count(*)::int from timers where state = 'fired') as fired,
            (select count(*)::int from timer_firings) as firings,
            (select count(*)::int from (
               select 1 from timer_firings
                group by customer_id, ticket_id, agreement_id, metric, cycle, kind, level
               having count(*) > 1) twice) as "keysFiredTwice"`,
  )
  return row!
}

export async function firingsByWorker(db: Db): Promise<Map<string, number>> {
  const rows = await db.query<{ worker: string; n: number }>(
    'select worker, count(*)::int as n from timer_firings group by worker',
  )
  return new Map(rows.map((r) => [r.worker, r.n]))
}
