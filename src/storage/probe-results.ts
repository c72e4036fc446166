// Raw probe results: one row per check, kept for a number of days (the intervals are the
// lasting record). Each row says how late the check started against its schedule.
import type { Db } from './db.ts'

export type ProbeResultRow = {
  customer_id: string
  probe: string
  at: Date
  late_ms: number
  outcome: 'up' | 'degraded' | 'down'
  failures: number
  latency_ms: number | null
  http_status: number | null
  error: string | null
  cert_expires_at: Date | null
  warning: string | null
}

export async function insertProbeResults(db: Db, rows: readonly ProbeResultRow[]): Promise<void> {
  if (rows.length === 0) return
  const col = <K extends keyof ProbeResultRow>(k: K) => rows.map((r) => r[k])
  // A check recorded twice (a takeover between two processes) keeps its first row.
  await db.execute(
    `insert into probe_results (customer_id, probe, at, late_ms, outcome, failures, latency_ms, http_status,
                                error, cert_expires_at, warning)
     select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::int[], $5::text[], $6::int[],
                          $7::int[], $8::int[], $9::text[], $10::timestamptz[], $11::text[])
     on conflict do nothing`,
    [
      col('customer_id'),
      col('probe'),
      col('at'),
      col('late_ms'),
      col('outcome'),
      col('failures'),
      col('latency_ms'),
      col('http_status'),
      col('error'),
      col('cert_expires_at'),
      col('warning'),
    ],
  )
}

/** Deletes the results older than `before`; returns how many. */
export async function pruneProbeResults(db: Db, before: Date): Promise<number> {
  return db.execute('delete from probe_results where at < $1', [before])
}
