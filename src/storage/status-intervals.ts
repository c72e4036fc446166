// Status intervals: per stream (a customer's service component as one monitor sees it), the
// run-length history of its status. A stream's intervals are rewritten from an instant on when
// a report arrives; everything before that instant stays as it was.
import type { ServiceStatus } from '../domain/status-events.ts'
import type { Db } from './db.ts'

export type StreamKey = { customer_id: string; service: string; component: string; source: string }

export type IntervalRow = StreamKey & {
  start_at: Date
  end_at: Date | null
  holds_until: Date | null
  status: ServiceStatus
}

const STREAMS = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
                   as k(customer_id, service, component, source, t)`
const SAME_STREAM = `i.customer_id = k.customer_id and i.service = k.service
                     and i.component = k.component and i.source = k.source`

function streamParams(keys: readonly (StreamKey & { t: Date })[]): unknown[] {
  return [
    keys.map((k) => k.customer_id),
    keys.map((k) => k.service),
    keys.map((k) => k.component),
    keys.map((k) => k.source),
    keys.map((k) => k.t),
  ]
}

/**
 * Serialises writers of the same streams until the transaction ends (two batches replaying one
 * stream at once would each delete and insert its intervals). Locks are taken in one order.
 */
export async function lockStreams(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db.query(
    `select pg_advisory_xact_lock(h)
       from (select distinct hashtextextended(id, 7262532) as h from unnest($1::text[]) as id order by h) s`,
    [ids],
  )
}

/** Per stream, the interval in force just before `t` (that began before it and had not ended). */
export async function intervalsBefore(
  db: Db,
  keys: readonly (StreamKey & { t: Date })[],
): Promise<IntervalRow[]> {
  if (keys.length === 0) return []
  return db.query<IntervalRow>(
    `select i.* from ${STREAMS}
       cross join lateral (
         select * from status_intervals i
          where ${SAME_STREAM} and i.start_at < k.t and (i.end_at is null or i.end_at >= k.t)
          order by i.start_at desc limit 1) i`,
    streamParams(keys),
  )
}

/** The open (latest) interval of each stream that has one. */
export async function openIntervals(db: Db, keys: readonly StreamKey[]): Promise<IntervalRow[]> {
  if (keys.length === 0) return []
  return db.query<IntervalRow>(
    `select i.* from ${STREAMS} join status_intervals i on ${SAME_STREAM} and i.end_at is null`,
    streamParams(keys.map((k) => ({ ...k, t: new Date(0) }))),
  )
}

/** Replaces each stream's intervals that start at or after `from` with `rows`. */
export async function replaceIntervals(
  db: Db,
  streams: readonly (StreamKey & { from: Date })[],
  rows: readonly IntervalRow[],
): Promise<void> {
  if (streams.length === 0) return
  await db.execute(
    `delete from status_intervals i using ${STREAMS} where ${SAME_STREAM} and i.start_at >= k.t`,
    streamParams(streams.map((s) => ({ ...s, t: s.from }))),
  )
  if (rows.length === 0) return
  const col = <K extends keyof IntervalRow>(k: K) => rows.map((r) => r[k])
  await db.execute(
    `insert into status_intervals (customer_id, service, component, source, start_at, end_at, holds_until, status)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[],
                          $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::text[])`,
    [
      col('customer_id'),
      col('service'),
      col('component'),
      col('source'),
      col('start_at'),
      col('end_at'),
      col('holds_until'),
      col('status'),
    ],
  )
}

/** The open interval of every stream of a customer (or of every customer), by service. */
export async function currentIntervals(
  db: Db,
  filter: { customerId?: string; service?: string; services?: readonly string[] },
): Promise<IntervalRow[]> {
  return db.query<IntervalRow>(
    `select * from status_intervals
      where end_at is null and ($1::text is null or customer_id = $1) and ($2::text is null or service = $2)
        and ($3::text[] is null or service = any($3::text[]))
      order by customer_id, service, component, source`,
    [filter.customerId ?? null, filter.service ?? null, filter.services ?? null],
  )
}

/** A service's intervals, every stream, that overlap [from, to), oldest first. */
export async function intervalsBetween(
  db: Db,
  customerId: string,
  service: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<IntervalRow[]> {
  return db.query<IntervalRow>(
    `select * from status_intervals
      where customer_id = $1 and service = $2 and start_at < $4 and (end_at is null or end_at > $3)
      order by start_at, component, source
      limit $5`,
    [customerId, service, from, to, limit],
  )
}

/**
 * Every interval of a service, every stream, that overlaps [from, to), oldest first: what a
 * period's figures are measured from, so without a cap (run-length intervals stay few).
 */
export async function allIntervalsBetween(
  db: Db,
  customerId: string,
  service: string,
  from: Date,
  to: Date,
): Promise<IntervalRow[]> {
  return db.query<IntervalRow>(
    `select * from status_intervals
      where customer_id = $1 and service = $2 and start_at < $4 and (end_at is null or end_at > $3)
      order by start_at, component, source`,
    [customerId, service, from, to],
  )
}
