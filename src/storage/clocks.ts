import type { Db } from './db.ts'

export type ClockRow = {
  customer_id: string
  ticket_id: string
  agreement_id: string
  metric: string
  cycle: number
  severity: string
  state: 'running' | 'paused' | 'met' | 'cancelled'
  breached: boolean
  target_ms: number
  elapsed_ms: number
  due: Date | null
  started_at: Date
  stopped_at: Date | null
  version: string
}

/** The clocks of a ticket are derived from its events: they are replaced whole. */
export async function replaceClocks(
  db: Db,
  customerId: string,
  ticketId: string,
  clocks: readonly ClockRow[],
): Promise<void> {
  await replaceClocksOfTickets(db, customerId, [ticketId], clocks)
}

/** Replaces the clocks of several tickets of one customer in two statements. */
export async function replaceClocksOfTickets(
  db: Db,
  customerId: string,
  ticketIds: readonly string[],
  clocks: readonly ClockRow[],
): Promise<void> {
  await db.execute('delete from clocks where customer_id = $1 and ticket_id = any($2::text[])', [
    customerId,
    ticketIds,
  ])
  if (clocks.length === 0) return
  const col = <K extends keyof ClockRow>(k: K) => clocks.map((c) => c[k])
  await db.execute(
    `insert into clocks (customer_id, ticket_id, agreement_id, metric, cycle, severity, state, breached, target_ms,
                         elapsed_ms, due, started_at, stopped_at, version)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::boolean[],
                          $9::bigint[], $10::bigint[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::text[])`,
    [
      col('customer_id'),
      col('ticket_id'),
      col('agreement_id'),
      col('metric'),
      col('cycle'),
      col('severity'),
      col('state'),
      col('breached'),
      col('target_ms'),
      col('elapsed_ms'),
      col('due'),
      col('started_at'),
      col('stopped_at'),
      col('version'),
    ],
  )
}

export async function clocksOfTicket(db: Db, customerId: string, ticketId: string): Promise<ClockRow[]> {
  return db.query<ClockRow>(
    'select * from clocks where customer_id = $1 and ticket_id = $2 order by agreement_id, started_at, metric, cycle',
    [customerId, ticketId],
  )
}

/** Running clocks due in [from, to): one range scan of the partial index. */
export async function clocksDueBetween(
  db: Db,
  from: Date,
  to: Date,
  customerId?: string,
): Promise<ClockRow[]> {
  return db.query<ClockRow>(
    `select * from clocks where state = 'running' and due >= $1 and due < $2 and ($3::text is null or customer_id = $3)
      order by due`,
    [from, to, customerId ?? null],
  )
}

export type ClockKey = Pick<ClockRow, 'customer_id' | 'ticket_id' | 'agreement_id' | 'metric' | 'cycle'> & {
  due: Date
}

/** Running clocks by due instant (optionally before one, for one customer), keyset-paged. */
export async function listRunningClocks(
  db: Db,
  f: {
    dueBefore?: Date
    customerId?: string
    limit: number
    after?: ClockKey
    /** Only clocks of the customer's own agreements (not the provider's underpinning ones). */
    ownAgreementsOnly?: boolean
  },
): Promise<ClockRow[]> {
  const a = f.after
  return db.query<ClockRow>(
    `select * from clocks
      where state = 'running' and due is not null
        and ($1::timestamptz is null or due < $1)
        and ($2::text is null or customer_id = $2)
        and ($3::timestamptz is null
             or (due, customer_id, ticket_id, agreement_id, metric, cycle) > ($3, $4::text, $5::text, $6::text, $7::text, $8::int))
        and (not $10::boolean
             or agreement_id in (select id from agreements a where a.customer_id = clocks.customer_id))
      order by due, customer_id, ticket_id, agreement_id, metric, cycle
      limit $9`,
    [
      f.dueBefore ?? null,
      f.customerId ?? null,
      a?.due ?? null,
      a?.customer_id ?? null,
      a?.ticket_id ?? null,
      a?.agreement_id ?? null,
      a?.metric ?? null,
      a?.cycle ?? null,
      f.limit,
      f.ownAgreementsOnly ?? false,
    ],
  )
}

/** The clock of a fired threshold, with its ticket's agent: what its notification says. */
export type FiredClockRow = ClockRow & { agent: string | null }

/** The clocks of these (customer, ticket, agreement, metric, cycle) keys, in one statement. */
export async function clocksWithAgents(
  db: Db,
  keys: readonly Pick<ClockRow, 'customer_id' | 'ticket_id' | 'agreement_id' | 'metric' | 'cycle'>[],
): Promise<FiredClockRow[]> {
  if (keys.length === 0) return []
  return db.query<FiredClockRow>(
    `select c.*, t.agent
       from jsonb_to_recordset($1::jsonb)
            as k(customer_id text, ticket_id text, agreement_id text, metric text, cycle int)
       join clocks c on (c.customer_id, c.ticket_id, c.agreement_id, c.metric, c.cycle)
                      = (k.customer_id, k.ticket_id, k.agreement_id, k.metric, k.cycle)
       left join tickets t on t.customer_id = c.customer_id and t.id = c.ticket_id`,
    [JSON.stringify(keys)],
  )
}
