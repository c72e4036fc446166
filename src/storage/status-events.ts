// Status events as received: stored once per id (the id makes a resend harmless), and read back
// per stream from an instant on, in time and then arrival order, when a late one is replayed.
import type { ServiceStatus } from '../domain/status-events.ts'
import type { Db } from './db.ts'
import type { StreamKey } from './status-intervals.ts'

export type StatusEventRow = {
  customer_id: string
  id: string
  service: string
  component: string
  stream: string
  source: string | null
  at: Date
  status: ServiceStatus
  message: string | null
  body_hash: string
}

/** The content hash of each of these ids that a customer has stored already. */
export async function storedStatusEventHashes(
  db: Db,
  customerId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; body_hash: string }>(
    'select id, body_hash from status_events where customer_id = $1 and id = any($2::text[])',
    [customerId, ids],
  )
  return new Map(rows.map((r) => [r.id, r.body_hash]))
}

export async function insertStatusEvents(db: Db, rows: readonly StatusEventRow[]): Promise<number> {
  if (rows.length === 0) return 0
  const col = <K extends keyof StatusEventRow>(k: K) => rows.map((r) => r[k])
  return db.execute(
    `insert into status_events (customer_id, id, service, component, stream, source, at, status, message, body_hash)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                          $7::timestamptz[], $8::text[], $9::text[], $10::text[])
     on conflict (customer_id, id) do nothing`,
    [
      col('customer_id'),
      col('id'),
      col('service'),
      col('component'),
      col('stream'),
      col('source'),
      col('at'),
      col('status'),
      col('message'),
      col('body_hash'),
    ],
  )
}

export type StreamEvent = StreamKey & { at: Date; status: ServiceStatus }

/** Each stream's events at or after its `t`, per stream in time and then arrival order. */
export async function streamEventsFrom(
  db: Db,
  keys: readonly (StreamKey & { t: Date })[],
): Promise<StreamEvent[]> {
  if (keys.length === 0) return []
  return db.query<StreamEvent>(
    `select e.customer_id, e.service, e.component, e.stream as source, e.at, e.status
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
              as k(customer_id, service, component, source, t)
       join status_events e
         on e.customer_id = k.customer_id and e.service = k.service and e.component = k.component
        and e.stream = k.source and e.at >= k.t
      order by e.customer_id, e.service, e.component, e.stream, e.at, e.seq`,
    [
      keys.map((k) => k.customer_id),
      keys.map((k) => k.service),
      keys.map((k) => k.component),
      keys.map((k) => k.source),
      keys.map((k) => k.t),
    ],
  )
}
