// Tickets, newest first, filtered and paged by an opaque cursor (the last ticket of the previous page).
import { listTickets as listTicketRows, type TicketRow } from '../storage/tickets.ts'
import { customerScope } from './access.ts'
import { readCursor, writeCursor } from './cursor.ts'
import type { Actor, Deps } from './deps.ts'

export type TicketQuery = {
  customer?: string
  severity?: string
  agent?: string
  service?: string
  status?: 'open' | 'closed'
  breached?: boolean
  /** Only tickets with a running clock due within this many milliseconds from now. */
  atRiskWithinMs?: number
  limit: number
  cursor?: string
}
export type TicketPage = { tickets: TicketRow[]; nextCursor: string | null }

export async function listTickets(deps: Deps, actor: Actor, query: TicketQuery): Promise<TicketPage> {
  const now = deps.now()
  const rows = await listTicketRows(deps.db, {
    customerId: customerScope(actor, query.customer),
    severity: query.severity,
    agent: query.agent,
    service: query.service,
    status: query.status,
    breachedAt: query.breached ? new Date(now) : undefined,
    dueWithin:
      query.atRiskWithinMs === undefined
        ? undefined
        : { from: new Date(now), to: new Date(now + query.atRiskWithinMs) },
    after: afterTicket(query.cursor),
    limit: query.limit + 1,
  })
  const tickets = rows.slice(0, query.limit)
  const last = tickets.at(-1)
  return {
    tickets,
    nextCursor:
      rows.length > query.limit && last
        ? writeCursor([last.created_at.toISOString(), last.customer_id, last.id])
        : null,
  }
}

const isTicketKey = (key: unknown[]): key is [string, string, string] =>
  key.length === 3 && key.every((k) => typeof k === 'string') && !Number.isNaN(Date.parse(key[0] as string))

function afterTicket(
  cursor: string | undefined,
): { createdAt: Date; customerId: string; id: string } | undefined {
  if (cursor === undefined) return undefined
  const [createdAt, customerId, id] = readCursor(cursor, isTicketKey)
  return { createdAt: new Date(createdAt), customerId, id }
}
