// Frozen reports of closed periods, revision by revision (see 0009_report_snapshots.sql).
import type { Db } from './db.ts'

export type SnapshotRow = {
  customer_id: string
  agreement_id: string
  period: string
  revision: number
  report: Record<string, unknown>
  report_hash: string
  ticket_events_seq: number
  status_events_seq: number
  frozen_at: Date
  frozen_by: string
  reason: string | null
  changes: unknown[]
}

export type HighWater = { ticket_events_seq: number; status_events_seq: number }

export async function latestSnapshot(
  db: Db,
  customerId: string,
  agreementId: string,
  period: string,
): Promise<SnapshotRow | undefined> {
  const [row] = await db.query<SnapshotRow>(
    `select * from report_snapshots where customer_id = $1 and agreement_id = $2 and period = $3
      order by revision desc limit 1`,
    [customerId, agreementId, period],
  )
  return row
}

export async function snapshotRevisions(
  db: Db,
  customerId: string,
  agreementId: string,
  period: string,
): Promise<Omit<SnapshotRow, 'report'>[]> {
  return db.query(
    `select customer_id, agreement_id, period, revision, report_hash, ticket_events_seq, status_events_seq,
            frozen_at, frozen_by, reason, changes
       from report_snapshots where customer_id = $1 and agreement_id = $2 and period = $3 order by revision`,
    [customerId, agreementId, period],
  )
}

/** Stores a revision; false when that revision exists already (another process froze it first). */
export async function insertSnapshot(db: Db, row: SnapshotRow): Promise<boolean> {
  const inserted = await db.execute(
    `insert into report_snapshots (customer_id, agreement_id, period, revision, report, report_hash,
                                   ticket_events_seq, status_events_seq, frozen_at, frozen_by, reason, changes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     on conflict do nothing`,
    [
      row.customer_id,
      row.agreement_id,
      row.period,
      row.revision,
      JSON.stringify(row.report),
      row.report_hash,
      row.ticket_events_seq,
      row.status_events_seq,
      row.frozen_at,
      row.frozen_by,
      row.reason,
      JSON.stringify(row.changes),
    ],
  )
  return inserted > 0
}

/** The customer's last ticket and status events so far. */
export async function highWater(db: Db, customerId: string): Promise<HighWater> {
  const [row] = await db.query<HighWater>(
    `select coalesce((select max(seq) from ticket_events where customer_id = $1), 0)::bigint as ticket_events_seq,
            coalesce((select max(seq) from status_events where customer_id = $1), 0)::bigint as status_events_seq`,
    [customerId],
  )
  return row!
}

/** How many events arrived after the high-water mark that concern instants before `end`. */
export async function eventsSince(db: Db, customerId: string, mark: HighWater, end: Date): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select ((select count(*) from ticket_events where customer_id = $1 and seq > $2 and at < $4)
           + (select count(*) from status_events where customer_id = $1 and seq > $3 and at < $4))::int as n`,
    [customerId, mark.ticket_events_seq, mark.status_events_seq, end],
  )
  return row!.n
}
