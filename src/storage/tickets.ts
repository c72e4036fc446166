import type { Db } from './db.ts'

export type TicketRow = {
  customer_id: string
  id: string
  service: string | null
  severity: string
  status: string
  subject: string | null
  requester: string | null
  agent: string | null
  channel: string | null
  created_at: Date
  updated_at: Date
}

export async function upsertTicket(db: Db, t: TicketRow): Promise<void> {
  await upsertTickets(db, [t])
}

/** Inserts or updates several tickets in one statement. */
export async function upsertTickets(db: Db, rows: readonly TicketRow[]): Promise<void> {
  if (rows.length === 0) return
  const col = <K extends keyof TicketRow>(k: K) => rows.map((r) => r[k])
  await db.execute(
    `insert into tickets (customer_id, id, service, severity, status, subject, requester, agent, channel, created_at, updated_at)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                          $9::text[], $10::timestamptz[], $11::timestamptz[])
     on conflict (customer_id, id) do update set service = excluded.service, severity = excluded.severity,
       status = excluded.status, subject = excluded.subject, requester = excluded.requester, agent = excluded.agent,
       channel = excluded.channel, created_at = excluded.created_at, updated_at = excluded.updated_at`,
    [
      col('customer_id'),
      col('id'),
      col('service'),
      col('severity'),
      col('status'),
      col('subject'),
      col('requester'),
      col('agent'),
      col('channel'),
      col('created_at'),
      col('updated_at'),
    ],
  )
}

export async function findTicket(db: Db, customerId: string, id: string): Promise<TicketRow | undefined> {
  return (
    await db.query<TicketRow>('select * from tickets where customer_id = $1 and id = $2', [customerId, id])
  )[0]
}

export type TicketFilter = {
  customerId?: string
  severity?: string
  agent?: string
  service?: string
  /** Open: not resolved nor closed; closed: resolved or closed. */
  status?: 'open' | 'closed'
  /** Only tickets with a clock that breached: flagged so, or still running past its due instant at this time. */
  breachedAt?: Date
  /** Only tickets with a running clock not yet breached at `from` and due before `to`. */
  dueWithin?: { from: Date; to: Date }
  limit: number
  /** Keyset paging: the tickets after this one, newest first (then by customer and id). */
  after?: { createdAt: Date; customerId: string; id: string }
}

export async function listTickets(db: Db, f: TicketFilter): Promise<TicketRow[]> {
  return db.query<TicketRow>(
    `select t.* from tickets t
      where ($1::text is null or t.customer_id = $1)
        and ($2::text is null or t.severity = $2)
        and ($3::text is null or t.agent = $3)
        and ($4::timestamptz is null or exists (
              select 1 from clocks c where c.customer_id = t.customer_id and c.ticket_id = t.id
                 and (c.breached or (c.state = 'running' and c.due < $4))))
        and ($5::timestamptz is null or exists (
              select 1 from clocks c where c.customer_id = t.customer_id and c.ticket_id = t.id
                 and c.state = 'running' and not c.breached and c.due >= $5 and c.due < $6))
        and ($10::text is null or t.service = $10)
        and ($11::text is null or (t.status in ('resolved', 'closed')) = ($11 = 'closed'))
        and ($7::timestamptz is null
             or t.created_at < $7 or (t.created_at = $7 and (t.customer_id, t.id) > ($8::text, $12::text)))
      order by t.created_at desc, t.customer_id, t.id
      limit $9`,
    [
      f.customerId ?? null,
      f.severity ?? null,
      f.agent ?? null,
      f.breachedAt ?? null,
      f.dueWithin?.from ?? null,
      f.dueWithin?.to ?? null,
      f.after?.createdAt ?? null,
      f.after?.customerId ?? null,
      f.limit,
      f.service ?? null,
      f.status ?? null,
      f.after?.id ?? null,
    ],
  )
}
