// Probes configured through the API (those of agreements live in the agreement versions), and
// the lease that makes one process at a time run the probes.
import type { Db } from './db.ts'

export type ProbeRow = {
  customer_id: string
  id: string
  service: string
  component: string
  interval_ms: number
  config: Record<string, unknown>
  created_by: string | null
  created_at: Date
}

/** Creates the probe, or replaces the one of that id. */
export async function upsertProbe(
  db: Db,
  p: Omit<ProbeRow, 'created_at'>,
): Promise<{ probe: ProbeRow; created: boolean }> {
  const [row] = await db.query<ProbeRow & { created: boolean }>(
    `insert into probes (customer_id, id, service, component, interval_ms, config, created_by)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (customer_id, id) do update
        set service = excluded.service, component = excluded.component, interval_ms = excluded.interval_ms,
            config = excluded.config, created_by = excluded.created_by
     returning *, (xmax = 0) as created`,
    [p.customer_id, p.id, p.service, p.component, p.interval_ms, JSON.stringify(p.config), p.created_by],
  )
  const { created, ...probe } = row!
  return { probe, created }
}

export async function listProbes(db: Db, customerId?: string): Promise<ProbeRow[]> {
  return db.query<ProbeRow>(
    'select * from probes where $1::text is null or customer_id = $1 order by customer_id, id',
    [customerId ?? null],
  )
}

export async function deleteProbe(db: Db, customerId: string, id: string): Promise<boolean> {
  return (await db.execute('delete from probes where customer_id = $1 and id = $2', [customerId, id])) === 1
}

/**
 * Takes or renews the lease `name` for `holder` until `until`: granted when nobody holds it,
 * when `holder` does, or when the holder's lease expired before `now`.
 */
export async function claimLease(
  db: Db,
  name: string,
  holder: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const rows = await db.query(
    `insert into probe_leases (name, holder, expires_at) values ($1, $2, $4)
     on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
      where probe_leases.holder = excluded.holder or probe_leases.expires_at < $3
     returning name`,
    [name, holder, now, until],
  )
  return rows.length === 1
}

/** Gives the lease up, so that another process need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute('delete from probe_leases where name = $1 and holder = $2', [name, holder])
}
