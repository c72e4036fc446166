// The timers table: re-armed from a ticket's clocks whenever they are recomputed, claimed and
// fired by the worker. Fired rows are never re-armed nor moved (at most once per clock cycle).
import type { Db } from './db.ts'

export type TimerKey = {
  customer_id: string
  ticket_id: string
  agreement_id: string
  metric: string
  cycle: number
  kind: 'warning' | 'breach' | 'escalation'
  level: number
}

export type ArmedTimer = TimerKey & {
  /** The share of the target in percent, as exact decimal text. */
  percent: string
  severity: string
  notify: string[]
  due_at: Date
}

export type TimerRow = ArmedTimer & {
  state: 'armed' | 'fired' | 'cancelled'
  armed_at: Date
  fired_at: Date | null
  late_ms: number | null
}

const KEY = 'customer_id, ticket_id, agreement_id, metric, cycle, kind, level'
const columns = (t: string) =>
  `${t}customer_id, ${t}ticket_id, ${t}agreement_id, ${t}metric, ${t}cycle, ${t}kind, ${t}level,
   ${t}percent::text as percent, ${t}severity, ${t}notify, ${t}due_at, ${t}state, ${t}armed_at, ${t}fired_at, ${t}late_ms`
// How far past its instant a timer fires, in ms (the instants are whole milliseconds).
const LATE = `((extract(epoch from $1::timestamptz) - extract(epoch from t.due_at)) * 1000)::bigint`

/**
 * Makes the armed timers of these tickets exactly `desired`: arms new ones (and ones cancelled
 * before), moves those whose instant or escalation changed, cancels the rest; fired ones stay.
 */
export async function syncTimersOfTickets(
  db: Db,
  customerId: string,
  ticketIds: readonly string[],
  desired: readonly ArmedTimer[],
  now: Date,
): Promise<void> {
  const col = <K extends keyof ArmedTimer>(k: K) => desired.map((d) => d[k])
  await db.execute(
    `update timers t set state = 'cancelled'
      where t.customer_id = $1 and t.ticket_id = any($2::text[]) and t.state = 'armed'
        and not exists (
          select 1 from unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[])
                     as d(ticket_id, agreement_id, metric, cycle, kind, level)
           where (d.ticket_id, d.agreement_id, d.metric, d.cycle, d.kind, d.level)
               = (t.ticket_id, t.agreement_id, t.metric, t.cycle, t.kind, t.level))`,
    [
      customerId,
      ticketIds,
      col('ticket_id'),
      col('agreement_id'),
      col('metric'),
      col('cycle'),
      col('kind'),
      col('level'),
    ],
  )
  if (desired.length === 0) return
  // The WHERE leaves unchanged rows alone, so recomputing a busy ticket rewrites nothing.
  await db.execute(
    `insert into timers (${KEY}, percent, severity, notify, due_at, state, armed_at)
     select d.*, 'armed', $12::timestamptz
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[],
                   $8::numeric[], $9::text[], $10::jsonb[], $11::timestamptz[]) as d
     on conflict (${KEY}) do update
        set due_at = excluded.due_at, percent = excluded.percent, severity = excluded.severity,
            notify = excluded.notify, state = 'armed', armed_at = excluded.armed_at
      where timers.state <> 'fired'
        and (timers.state = 'cancelled' or timers.due_at <> excluded.due_at
             or timers.severity <> excluded.severity or timers.notify <> excluded.notify
             or timers.percent <> excluded.percent)`,
    [
      col('customer_id'),
      col('ticket_id'),
      col('agreement_id'),
      col('metric'),
      col('cycle'),
      col('kind'),
      col('level'),
      col('percent'),
      col('severity'),
      desired.map((d) => JSON.stringify(d.notify)),
      col('due_at'),
      now,
    ],
  )
}

/**
 * Claims up to `limit` armed timers due by `now` and marks them fired, in the caller's
 * transaction. SKIP LOCKED lets other workers claim other rows meanwhile instead of waiting;
 * a row re-armed to later or cancelled since it was read fails the re-check and is left.
 * `late_ms` is set when the timer is more than `toleranceMs` past its instant.
 */
export async function claimDueTimers(
  db: Db,
  now: Date,
  limit: number,
  toleranceMs: number,
): Promise<TimerRow[]> {
  return db.query<TimerRow>(
    `with due as (
       select ${KEY} from timers
        where state = 'armed' and due_at <= $1
        order by due_at
        limit $2
        for update skip locked)
     update timers t
        set state = 'fired', fired_at = $1,
            late_ms = case when ${LATE} > $3 then ${LATE} end
       from due
      where (t.customer_id, t.ticket_id, t.agreement_id, t.metric, t.cycle, t.kind, t.level)
          = (due.customer_id, due.ticket_id, due.agreement_id, due.metric, due.cycle, due.kind, due.level)
     returning ${columns('t.')}`,
    [now, limit, toleranceMs],
  )
}

/** The firing records: one per fired threshold, its key the timer's. */
export async function insertFirings(db: Db, fired: readonly TimerRow[], worker: string): Promise<void> {
  if (fired.length === 0) return
  const col = <K extends keyof TimerRow>(k: K) => fired.map((f) => f[k])
  await db.execute(
    `insert into timer_firings (${KEY}, due_at, fired_at, late_ms, worker)
     select d.*, $11 from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[],
                                 $8::timestamptz[], $9::timestamptz[], $10::bigint[]) as d`,
    [
      col('customer_id'),
      col('ticket_id'),
      col('agreement_id'),
      col('metric'),
      col('cycle'),
      col('kind'),
      col('level'),
      col('due_at'),
      col('fired_at'),
      col('late_ms'),
      worker,
    ],
  )
}

/** When the next armed timer is due, to sleep until then; null when none is armed. */
export async function nextArmedDueAt(db: Db): Promise<Date | null> {
  const [row] = await db.query<{ due_at: Date | null }>(
    `select min(due_at) as due_at from timers where state = 'armed'`,
  )
  return row?.due_at ?? null
}

export async function timersOfTicket(db: Db, customerId: string, ticketId: string): Promise<TimerRow[]> {
  return db.query<TimerRow>(
    `select ${columns('')} from timers where customer_id = $1 and ticket_id = $2
      order by agreement_id, metric, cycle, due_at, kind, level`,
    [customerId, ticketId],
  )
}
