// The last known state of each monitored service (see 0006_service_states.sql).
import type { Db } from './db.ts'

export type ServiceStateRow = {
  customer_id: string
  service: string
  state: 'up' | 'down'
  since: Date
  incident_ticket: string | null
  updated_at: Date
}

export async function serviceStatesOf(
  db: Db,
  customerId: string,
  services: readonly string[],
): Promise<ServiceStateRow[]> {
  return db.query<ServiceStateRow>(
    'select * from service_states where customer_id = $1 and service = any($2::text[]) for update',
    [customerId, services],
  )
}

export async function saveServiceState(db: Db, row: ServiceStateRow): Promise<void> {
  await db.execute(
    `insert into service_states (customer_id, service, state, since, incident_ticket, updated_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (customer_id, service) do update
       set state = excluded.state, since = excluded.since,
           incident_ticket = excluded.incident_ticket, updated_at = excluded.updated_at`,
    [row.customer_id, row.service, row.state, row.since, row.incident_ticket, row.updated_at],
  )
}
