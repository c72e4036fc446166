// The at-risk board: per open ticket its most urgent open clock, read from the stored clocks
// (never by replaying tickets), keyset-paged along the open clocks' due index. A ticket is
// breached while one of its open clocks is; otherwise it is at risk by its running clock due
// soonest, or, with none running, waits by its paused clock with the least time left.
import type { ClockRow } from './clocks.ts'
import type { Db } from './db.ts'
import type { TicketRow } from './tickets.ts'

export type BoardFilter = {
  customerId?: string
  severity?: string
  agent?: string
  service?: string
}
export type BoardRow = { ticket: TicketRow; clock: ClockRow }
/** Where a page starts: after this ticket, by its phase's sort key (a due instant, or the time left of a paused clock). */
export type BoardKey = { key: Date | number; customerId: string; ticketId: string }

const COLUMNS = `c.customer_id, c.ticket_id, c.agreement_id, c.metric, c.cycle, c.severity as clock_severity,
  c.state, c.breached, c.target_ms, c.elapsed_ms, c.due, c.started_at, c.stopped_at, c.version,
  t.service, t.severity, t.status, t.subject, t.requester, t.agent, t.channel, t.created_at, t.updated_at`
const FROM = 'clocks c join tickets t on t.customer_id = c.customer_id and t.id = c.ticket_id'
const SAME_TICKET = 'o.customer_id = c.customer_id and o.ticket_id = c.ticket_id'
// $1 is the instant of the board; $2–$5 the filters.
const FILTERS = `($2::text is null or c.customer_id = $2) and ($3::text is null or t.severity = $3)
  and ($4::text is null or t.agent = $4) and ($5::text is null or t.service = $5)`
const breachedNow = (x: string) => `(${x}.breached or (${x}.state = 'running' and ${x}.due < $1))`
// A breached paused clock whose target grew since may have no due instant: its start stands in.
const breachKey = (x: string) => `coalesce(${x}.due, ${x}.started_at)`
const left = (x: string) => `(${x}.target_ms - ${x}.elapsed_ms)`
const tieBreak = (x: string) => `${x}.agreement_id, ${x}.metric, ${x}.cycle`

const PHASES = {
  /** Tickets with a breached open clock, by the breach longest ago. */
  breached: {
    where: `c.state in ('running', 'paused') and ${breachedNow('c')}
      and not exists (select 1 from clocks o where ${SAME_TICKET} and o.state in ('running', 'paused')
        and ${breachedNow('o')} and (${breachKey('o')}, ${tieBreak('o')}) < (${breachKey('c')}, ${tieBreak('c')}))`,
    key: breachKey('c'),
    type: 'timestamptz',
  },
  /** Tickets at risk: none breached, by the running clock due soonest. */
  running: {
    where: `c.state = 'running' and c.due >= $1 and not c.breached
      and not exists (select 1 from clocks o where ${SAME_TICKET} and o.state in ('running', 'paused')
        and (o.breached or (o.state = 'running' and (o.due, ${tieBreak('o')}) < (c.due, ${tieBreak('c')}))))`,
    key: 'c.due',
    type: 'timestamptz',
  },
  /** Tickets whose open clocks are all paused, none breached: by the least time left. */
  paused: {
    // (The board's instant plays no part: a paused clock's time left stands still.)
    where: `c.state = 'paused' and not c.breached and $1::timestamptz is not null
      and not exists (select 1 from clocks o where ${SAME_TICKET} and (o.state = 'running'
        or (o.state = 'paused' and (o.breached or (${left('o')}, ${tieBreak('o')}) < (${left('c')}, ${tieBreak('c')})))))`,
    key: left('c'),
    type: 'bigint',
  },
} as const
export type BoardPhase = keyof typeof PHASES

type Raw = Omit<ClockRow, 'severity'> & Omit<TicketRow, 'customer_id' | 'id'> & { clock_severity: string }

/** One page of a phase of the board as of `at`, after `after` when given. */
export async function boardPage(
  db: Db,
  phase: BoardPhase,
  at: Date,
  filter: BoardFilter,
  limit: number,
  after?: BoardKey,
): Promise<BoardRow[]> {
  const p = PHASES[phase]
  const rows = await db.query<Raw>(
    `select ${COLUMNS} from ${FROM}
      where ${p.where} and ${FILTERS}
        and ($6::${p.type} is null or (${p.key}, c.customer_id, c.ticket_id) > ($6::${p.type}, $7::text, $8::text))
      order by ${p.key}, c.customer_id, c.ticket_id
      limit $9`,
    [
      ...filterParams(at, filter),
      after?.key ?? null,
      after?.customerId ?? null,
      after?.ticketId ?? null,
      limit,
    ],
  )
  return rows.map(split)
}

/** How many open tickets match: breached, and the rest (at risk or waiting). */
export async function boardCounts(
  db: Db,
  at: Date,
  filter: BoardFilter,
): Promise<{ breached: number; atRisk: number }> {
  // The tickets table is read only for a filter on it: the counts otherwise come from the index.
  const byTicket = filter.severity ?? filter.agent ?? filter.service
  const [row] = await db.query<{ breached: number; open: number }>(
    `select (count(*) filter (where b))::int as breached, count(*)::int as open from (
       select bool_or(${breachedNow('c')}) as b from ${byTicket === undefined ? 'clocks c' : FROM}
        where c.state in ('running', 'paused')
          and ${byTicket === undefined ? '($2::text is null or c.customer_id = $2)' : FILTERS}
        group by c.customer_id, c.ticket_id) per_ticket`,
    filterParams(at, filter).slice(0, byTicket === undefined ? 2 : 5),
  )
  return { breached: row?.breached ?? 0, atRisk: (row?.open ?? 0) - (row?.breached ?? 0) }
}

export type TicketFacets = {
  customers: { id: string; name: string }[]
  severities: string[]
  agents: string[]
  services: string[]
}

const OPEN_TICKETS = `select t.customer_id, t.severity, t.agent, t.service
  from (select distinct customer_id, ticket_id from clocks
         where state in ('running', 'paused') and ($1::text is null or customer_id = $1)) c
  join tickets t on t.customer_id = c.customer_id and t.id = c.ticket_id`
const ALL_TICKETS = `select customer_id, severity, agent, service from tickets
  where $1::text is null or customer_id = $1`

/** The values the filters can take: over open tickets (with an open clock), or over all tickets. */
export async function ticketFacets(
  db: Db,
  options: { customerId?: string; openOnly: boolean },
): Promise<TicketFacets> {
  const rows = await db.query<{ kind: string; value: string; name: string | null }>(
    `with scope as materialized (${options.openOnly ? OPEN_TICKETS : ALL_TICKETS})
     select 'customer' as kind, s.customer_id as value, o.name
       from (select distinct customer_id from scope) s left join organisations o on o.id = s.customer_id
     union all select distinct 'severity', severity, null from scope
     union all select distinct 'agent', agent, null from scope where agent is not null
     union all select distinct 'service', service, null from scope where service is not null`,
    [options.customerId ?? null],
  )
  const values = (kind: string) =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => r.value)
      .sort(byText)
  return {
    customers: rows
      .filter((r) => r.kind === 'customer')
      .map((r) => ({ id: r.value, name: r.name ?? r.value }))
      .sort((a, b) => byText(a.name, b.name)),
    severities: values('severity'),
    agents: values('agent'),
    services: values('service'),
  }
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })

function filterParams(at: Date, f: BoardFilter): unknown[] {
  return [at, f.customerId ?? null, f.severity ?? null, f.agent ?? null, f.service ?? null]
}

function split(r: Raw): BoardRow {
  return {
    ticket: {
      customer_id: r.customer_id,
      id: r.ticket_id,
      service: r.service,
      severity: r.severity,
      status: r.status,
      subject: r.subject,
      requester: r.requester,
      agent: r.agent,
      channel: r.channel,
      created_at: r.created_at,
      updated_at: r.updated_at,
    },
    clock: {
      customer_id: r.customer_id,
      ticket_id: r.ticket_id,
      agreement_id: r.agreement_id,
      metric: r.metric,
      cycle: r.cycle,
      severity: r.clock_severity,
      state: r.state,
      breached: r.breached,
      target_ms: r.target_ms,
      elapsed_ms: r.elapsed_ms,
      due: r.due,
      started_at: r.started_at,
      stopped_at: r.stopped_at,
      version: r.version,
    },
  }
}
