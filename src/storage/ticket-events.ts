import type { Db } from './db.ts'

export type StoredEvent = {
  customer_id: string
  event_id: string
  ticket_id: string
  seq: number
  type: string
  at: Date
  body: Record<string, unknown>
}
export type NewEvent = {
  customerId: string
  eventId: string
  ticketId: string
  type: string
  at: Date
  body: Record<string, unknown>
  bodyHash: string
}

/** The customers that have a ticket of each id named (one customer's only, when given). */
export async function ticketCustomers(
  db: Db,
  ticketIds: readonly string[],
  customerId?: string,
): Promise<Map<string, string[]>> {
  if (ticketIds.length === 0) return new Map()
  const rows = await db.query<{ ticket_id: string; customer_id: string }>(
    `select ticket_id, customer_id from ticket_directory
      where ticket_id = any($1::text[]) and ($2::text is null or customer_id = $2)
      order by customer_id`,
    [ticketIds, customerId ?? null],
  )
  const found = new Map<string, string[]>()
  for (const r of rows) found.set(r.ticket_id, [...(found.get(r.ticket_id) ?? []), r.customer_id])
  return found
}

export async function registerTickets(
  db: Db,
  entries: readonly { ticketId: string; customerId: string }[],
): Promise<void> {
  if (entries.length === 0) return
  await db.execute(
    `insert into ticket_directory (ticket_id, customer_id)
     select * from unnest($1::text[], $2::text[]) on conflict (customer_id, ticket_id) do nothing`,
    [entries.map((e) => e.ticketId), entries.map((e) => e.customerId)],
  )
}

/** Hashes of events already stored under these ids, to tell a retry from a conflict. */
export async function existingEventHashes(
  db: Db,
  customerId: string,
  eventIds: readonly string[],
): Promise<Map<string, string>> {
  if (eventIds.length === 0) return new Map()
  const rows = await db.query<{ event_id: string; body_hash: string }>(
    'select event_id, body_hash from ticket_events where customer_id = $1 and event_id = any($2::text[])',
    [customerId, eventIds],
  )
  return new Map(rows.map((r) => [r.event_id, r.body_hash]))
}

/** Appends events; an id already stored is skipped. Returns how many were new. */
export async function appendEvents(db: Db, events: readonly NewEvent[]): Promise<number> {
  if (events.length === 0) return 0
  return db.execute(
    `insert into ticket_events (customer_id, event_id, ticket_id, type, at, body, body_hash)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[], $7::text[])
     on conflict (customer_id, event_id) do nothing`,
    [
      events.map((e) => e.customerId),
      events.map((e) => e.eventId),
      events.map((e) => e.ticketId),
      events.map((e) => e.type),
      events.map((e) => e.at),
      events.map((e) => JSON.stringify(e.body)),
      events.map((e) => e.bodyHash),
    ],
  )
}

export async function eventsOfTicket(db: Db, customerId: string, ticketId: string): Promise<StoredEvent[]> {
  return db.query<StoredEvent>(
    `select customer_id, event_id, ticket_id, seq, type, at, body from ticket_events
      where customer_id = $1 and ticket_id = $2 order by at, seq`,
    [customerId, ticketId],
  )
}

/** The events of several tickets of one customer, each ticket's in order. */
export async function eventsOfTickets(
  db: Db,
  customerId: string,
  ticketIds: readonly string[],
): Promise<Map<string, StoredEvent[]>> {
  const rows = await db.query<StoredEvent>(
    `select customer_id, event_id, ticket_id, seq, type, at, body from ticket_events
      where customer_id = $1 and ticket_id = any($2::text[]) order by ticket_id, at, seq`,
    [customerId, ticketIds],
  )
  const byTicket = new Map<string, StoredEvent[]>()
  for (const row of rows) {
    const list = byTicket.get(row.ticket_id)
    if (list) list.push(row)
    else byTicket.set(row.ticket_id, [row])
  }
  return byTicket
}

/** Tickets with an event at or after `since` (of one customer, or of all when null), by customer. */
export async function ticketsWithEventsSince(
  db: Db,
  customerId: string | null,
  since: Date,
): Promise<Map<string, string[]>> {
  const rows = await db.query<{ customer_id: string; ticket_id: string }>(
    `select distinct customer_id, ticket_id from ticket_events
      where at >= $2 and ($1::text is null or customer_id = $1) order by customer_id, ticket_id`,
    [customerId, since],
  )
  const byCustomer = new Map<string, string[]>()
  for (const r of rows) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r.ticket_id])
  return byCustomer
}
