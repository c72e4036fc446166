// The at-risk board (staff): open tickets with their most urgent clock and the business time it
// has left as of now, from the stored clocks. At risk: running clocks soonest due first, then
// tickets whose clocks all wait (paused). Breached: those with a breached open clock. Each
// clock's calendar comes from the agreement version it is pinned to, compiled once per process.

import type { Metric } from '../domain/agreement/sections-service-levels.ts'
import type { Calendar } from '../domain/calendar.ts'
import { type ClockStanding, clockStanding } from '../domain/clocks/clock-standing.ts'
import { untightenedTarget } from '../domain/clocks/ticket-state.ts'
import {
  type BoardFilter,
  type BoardKey,
  type BoardPhase,
  type BoardRow,
  boardCounts,
  boardPage,
  type TicketFacets,
  ticketFacets,
} from '../storage/board.ts'
import type { ClockRow } from '../storage/clocks.ts'
import type { Db } from '../storage/db.ts'
import type { TicketRow } from '../storage/tickets.ts'
import { customerScope, requireRole } from './access.ts'
import { readCursor, writeCursor } from './cursor.ts'
import { compiledVersion } from './customer-policies.ts'
import type { Actor, Deps } from './deps.ts'

export type BoardQuery = {
  customer?: string
  severity?: string
  agent?: string
  service?: string
  state: 'at_risk' | 'breached'
  limit: number
  cursor?: string
}
export type BoardItem = { ticket: TicketRow; clock: ClockRow; standing: ClockStanding; zone: string | null }
export type Board = {
  asOf: number
  items: BoardItem[]
  nextCursor: string | null
  /** On the first page only: how many tickets each tab holds, with these filters. */
  counts: { atRisk: number; breached: number } | null
  /** On the first page only: the values each filter can take, over all open tickets. */
  facets: TicketFacets | null
}

export async function listBoard(deps: Deps, actor: Actor, query: BoardQuery): Promise<Board> {
  requireRole(actor, 'admin', 'agent')
  const asOf = deps.now()
  const at = new Date(asOf)
  const filter: BoardFilter = {
    customerId: query.customer,
    severity: query.severity,
    agent: query.agent,
    service: query.service,
  }
  const start = startOf(query)
  const page = await pageOf(deps.db, at, filter, query.limit, start)
  const first = query.cursor === undefined
  const items: BoardItem[] = []
  for (const { row } of page.rows) {
    const calendar = await calendarOf(deps.db, row)
    items.push({
      ...row,
      standing: standingOf(calendar, row.clock, asOf),
      zone: calendar?.timezone ?? null,
    })
  }
  return {
    asOf,
    items,
    nextCursor: page.next,
    counts: first ? await boardCounts(deps.db, at, filter) : null,
    facets: first ? await openTicketFacets(deps) : null,
  }
}

// The filter values change slowly and cost a pass over the open tickets, while every open board
// asks for them every 30 seconds: each process keeps them for a minute.
const FACETS_FOR_MS = 60_000
const facetsKept = new WeakMap<Db, { at: number; facets: TicketFacets }>()

async function openTicketFacets(deps: Deps): Promise<TicketFacets> {
  const now = deps.now()
  const kept = facetsKept.get(deps.db)
  if (kept && now - kept.at >= 0 && now - kept.at < FACETS_FOR_MS) return kept.facets
  const facets = await ticketFacets(deps.db, { openOnly: true })
  facetsKept.set(deps.db, { at: now, facets })
  return facets
}

/** The values the ticket filters can take, over the tickets the actor may see. */
export async function listTicketFacets(
  deps: Deps,
  actor: Actor,
  options: { customer?: string; openOnly: boolean },
): Promise<TicketFacets> {
  return ticketFacets(deps.db, {
    customerId: customerScope(actor, options.customer),
    openOnly: options.openOnly,
  })
}

type Start = { phase: BoardPhase; after?: BoardKey }
type Paged = { rows: { phase: BoardPhase; row: BoardRow }[]; next: string | null }

// The at-risk tab runs on from its running clocks into its paused ones within one page.
async function pageOf(db: Db, at: Date, filter: BoardFilter, limit: number, start: Start): Promise<Paged> {
  const rows = (await boardPage(db, start.phase, at, filter, limit + 1, start.after)).map((row) => ({
    phase: start.phase,
    row,
  }))
  if (start.phase !== 'running' || rows.length > limit) return paged(rows, limit, null)
  const room = limit - rows.length
  const paused = (await boardPage(db, 'paused', at, filter, room + 1)).map((row) => ({
    phase: 'paused' as const,
    row,
  }))
  // A full page of running clocks with paused ones still to come goes on at the first of them.
  return paged([...rows, ...paused], limit, room === 0 && paused.length > 0 ? ['paused'] : null)
}

function paged(rows: Paged['rows'], limit: number, nextPhase: [BoardPhase] | null): Paged {
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
  if (nextPhase) return { rows: shown, next: writeCursor(nextPhase) }
  if (rows.length <= limit || !last) return { rows: shown, next: null }
  return { rows: shown, next: writeCursor([last.phase, ...keyOf(last.phase, last.row)]) }
}

function keyOf(phase: BoardPhase, { clock }: BoardRow): [string | number, string, string] {
  const key =
    phase === 'paused' ? clock.target_ms - clock.elapsed_ms : (clock.due ?? clock.started_at).toISOString()
  return [key, clock.customer_id, clock.ticket_id]
}

function startOf(query: BoardQuery): Start {
  const initial: BoardPhase = query.state === 'breached' ? 'breached' : 'running'
  if (query.cursor === undefined) return { phase: initial }
  const allowed: BoardPhase[] = query.state === 'breached' ? ['breached'] : ['running', 'paused']
  const isKey = (k: unknown[]): k is [BoardPhase, ...unknown[]] =>
    allowed.includes(k[0] as BoardPhase) &&
    (k.length === 1 ||
      (k.length === 4 &&
        typeof k[2] === 'string' &&
        typeof k[3] === 'string' &&
        (k[0] === 'paused' ? Number.isSafeInteger(k[1]) : !Number.isNaN(Date.parse(String(k[1]))))))
  const [phase, key, customerId, ticketId] = readCursor(query.cursor, isKey)
  if (key === undefined) return { phase }
  return {
    phase,
    after: {
      key: phase === 'paused' ? (key as number) : new Date(key as string),
      customerId: customerId as string,
      ticketId: ticketId as string,
    },
  }
}

/** A row's calendar: its pinned version's target for the clock's metric and severity (versions compile once). */
async function calendarOf(db: Db, { ticket, clock }: BoardRow): Promise<Calendar | undefined> {
  const compiled = await compiledVersion(db, clock.version)
  if (!compiled) return undefined
  return untightenedTarget(compiled.policy, clock.metric as Metric, clock.severity, {
    channel: ticket.channel ?? undefined,
    createdAt: ticket.created_at.getTime(),
  })?.calendar
}

// Without its calendar (a version since removed), a clock stands as it was last derived.
function standingOf(calendar: Calendar | undefined, clock: ClockRow, asOf: number): ClockStanding {
  const stored = { ...clock, due: clock.due?.getTime() ?? null }
  if (calendar) return clockStanding(calendar, stored, asOf)
  return {
    remainingMs: clock.target_ms - clock.elapsed_ms,
    elapsedMs: clock.elapsed_ms,
    breached: clock.breached,
    counting: false,
    nextChange: null,
  }
}
