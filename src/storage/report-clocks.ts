// What a compliance report reads: the stored clocks of one agreement's tickets, aggregated where
// their rows are exactly what the tickets' events up to the period's end would give, and the
// list of tickets whose rows are not (those get replayed). The rules are those of
// src/domain/reports/standing.ts: a clock counts in the period its first outcome fell in, met at
// its stop or breached at its due instant; docs/reports.md explains the split.
import type { Db } from './db.ts'

/** The agreement's clocks of one customer over `[start, until)`. */
export type ReportScope = { customerId: string; agreementId: string; start: Date; until: Date }

export type TicketSplit = {
  /** Tickets whose stored rows may differ from their state at `until`. */
  replay: string[]
  /** The others, by severity: created in the period, open at its end, and of those breached. */
  counts: { severity: string; created: number; open: number; open_breached: number }[]
}

const RESOLVED = `('resolved', 'closed')`

/**
 * Runs a report's reads on one snapshot, so that events stored meanwhile cannot set one
 * statement against another, with the memory to group a month's clocks without spilling to
 * disk, and without pausing to compile queries that run once.
 */
export async function inReportSnapshot<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.exec('set transaction isolation level repeatable read, read only')
    await tx.exec(`set local work_mem = '64MB'; set local jit = off`)
    return fn(tx)
  })
}

/** Tickets whose events before `until` changed what their stored rows can keep. */
export type ChangedTickets = {
  /** A status other than resolved or closed after a first resolution: a row shows the last stop, not the first. */
  reopened: string[]
  /** A severity change: a breach latched under the old target is not kept in the row. */
  reclassified: string[]
}

export async function changedTickets(db: Db, s: ReportScope): Promise<ChangedTickets> {
  const rows = await db.query<{ ticket_id: string; reopened: boolean }>(
    `with changes as materialized (
       select ticket_id, at, type = 'severity' as reclassified,
              case when type = 'status' then body ->> 'status' in ${RESOLVED} end as resolves
         from ticket_events where customer_id = $1 and at < $2 and type in ('severity', 'status'))
     select ticket_id, coalesce(max(at) filter (where not resolves) >= min(at) filter (where resolves), false) as reopened
       from changes group by ticket_id
     having bool_or(reclassified) or max(at) filter (where not resolves) >= min(at) filter (where resolves)`,
    [s.customerId, s.until],
  )
  return {
    reopened: rows.flatMap((r) => (r.reopened ? [r.ticket_id] : [])),
    reclassified: rows.flatMap((r) => (r.reopened ? [] : [r.ticket_id])),
  }
}

/**
 * One pass over the agreement's clocks per ticket. A ticket with a clock that matters to the
 * period is replayed when its rows may not show its state at `until`: it has an event at or
 * after `until` (unless every clock stopped before the period, one of them its resolution, so
 * it was settled by then), it was reopened, it was reclassified and a clock has breached (a
 * breach can be latched only then), or a running or paused clock breached in the period (how
 * late it is at `until` needs its pauses). The others are counted here.
 */
export async function splitTickets(db: Db, s: ReportScope, changed: ChangedTickets): Promise<TicketSplit> {
  const rows = await db.query<{ ticket_id: string | null } & TicketSplit['counts'][number]>(
    `with active as materialized (
       -- A ticket resolved before the period with nothing since has nothing to count in it.
       select id, severity, status not in ${RESOLVED} as open, created_at >= $3 as created,
              updated_at >= $4 as later
         from tickets
        where customer_id = $1 and created_at < $4 and (updated_at >= $3 or status not in ${RESOLVED})),
     per_ticket as (
       -- A paused clock has no due instant: coalesce keeps each flag true or false, never null.
       select a.id as ticket_id, a.severity, a.open, a.created, a.later,
              bool_or(c.started_at < $4 and coalesce(c.stopped_at >= $3, true)) as relevant,
              bool_or(c.metric = 'resolution') as resolves,
              bool_or(c.state in ('running', 'paused') and coalesce(c.due >= $3 and c.due < $4, false)) as breaching,
              bool_or((c.state in ('met', 'cancelled') and c.breached)
                      or (c.state in ('running', 'paused') and coalesce(c.due < $4, false))) as breached,
              bool_or(c.breached) as flagged
         from active a join clocks c on c.customer_id = $1 and c.ticket_id = a.id and c.agreement_id = $2
        group by a.id, a.severity, a.open, a.created, a.later),
     candidates as (
       select ticket_id, breached, severity, open, created, later,
              case when later then relevant or not resolves
                   else relevant and (breaching or ticket_id = any($5::text[])
                                      or (ticket_id = any($6::text[]) and (breached or flagged))) end as replay
         from per_ticket)
     select ticket_id, null as severity, 0 as created, 0 as open, 0 as open_breached from candidates where replay
     union all
     select null, severity, (count(*) filter (where created))::int, (count(*) filter (where open))::int,
            (count(*) filter (where open and breached))::int
       from candidates where not replay and not later and (created or open)
      group by severity`,
    [s.customerId, s.agreementId, s.start, s.until, changed.reopened, changed.reclassified],
  )
  const replay = rows.flatMap((r) => (r.ticket_id === null ? [] : [r.ticket_id]))
  const counts = rows.flatMap(({ ticket_id, ...c }) => (ticket_id === null ? [c] : []))
  return { replay: replay.sort(), counts }
}

export type SettledTarget = {
  version: string
  severity: string
  metric: string
  breached: boolean
  count: number
  /** Elapsed business ms of the clocks met (in time or late), comma-separated; null for none. */
  times: string | null
}

export type SettledBreach = {
  ticket_id: string
  version: string
  severity: string
  metric: string
  cycle: number
  due: number
  late_ms: number
}

// A stored clock of a ticket not replayed that counts in the period: met in time with its stop
// in it, or stopped after a breach whose due instant fell in it.
const COUNTED = `c.customer_id = $1 and c.agreement_id = $2 and c.started_at < $4
  and not (c.ticket_id = any($5::text[]))
  and ((c.state = 'met' and not c.breached and c.stopped_at >= $3 and c.stopped_at < $4)
    or (c.breached and c.state in ('met', 'cancelled') and c.due >= $3 and c.due < $4))`

/** Per version, severity, metric and outcome: how many, and the times of those met. */
export async function settledTargets(
  db: Db,
  s: ReportScope,
  replayed: readonly string[],
): Promise<SettledTarget[]> {
  return db.query<SettledTarget>(
    `select c.version, c.severity, c.metric, c.breached, count(*)::int as count,
            string_agg(c.elapsed_ms::text, ',') filter (where c.state = 'met') as times
       from clocks c where ${COUNTED}
      group by c.version, c.severity, c.metric, c.breached`,
    [s.customerId, s.agreementId, s.start, s.until, replayed],
  )
}

export async function settledBreaches(
  db: Db,
  s: ReportScope,
  replayed: readonly string[],
): Promise<SettledBreach[]> {
  return db.query<SettledBreach>(
    `select c.ticket_id, c.version, c.severity, c.metric, c.cycle, (extract(epoch from c.due) * 1000)::bigint as due,
            greatest(c.elapsed_ms - c.target_ms, 0) as late_ms
       from clocks c where ${COUNTED} and c.breached`,
    [s.customerId, s.agreementId, s.start, s.until, replayed],
  )
}

export type RatingRow = { ticket_id: string; at: number; seq: number; rating: number; scale: number }

/** Satisfaction ratings given in the period to tickets the agreement measures. */
export async function ratingsBetween(db: Db, s: ReportScope): Promise<RatingRow[]> {
  return db.query<RatingRow>(
    `select e.ticket_id, (extract(epoch from e.at) * 1000)::bigint as at, e.seq,
            (e.body ->> 'rating')::int as rating, (e.body ->> 'scale')::int as scale
       from ticket_events e
      where e.customer_id = $1 and e.type = 'satisfaction' and e.at >= $3 and e.at < $4
        and exists (select 1 from clocks c
                     where c.customer_id = $1 and c.ticket_id = e.ticket_id and c.agreement_id = $2)`,
    [s.customerId, s.agreementId, s.start, s.until],
  )
}

export type EventBody = { ticket_id: string; seq: number; at: number; body: Record<string, unknown> }

/** The events before `until` of some tickets of one customer, each ticket's in order. */
export async function eventsBefore(
  db: Db,
  customerId: string,
  ticketIds: readonly string[],
  until: Date,
): Promise<EventBody[]> {
  if (ticketIds.length === 0) return []
  return db.query<EventBody>(
    `select ticket_id, seq, (extract(epoch from at) * 1000)::bigint as at, body from ticket_events
      where customer_id = $1 and ticket_id = any($2::text[]) and at < $3 order by ticket_id, at, seq`,
    [customerId, ticketIds, until],
  )
}
