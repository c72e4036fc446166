// Running clocks by due instant: "what is due next" across tickets. The stored breach flag is
// as of the ticket's last event, so a running clock past its due instant is reported breached.
import { type ClockRow, listRunningClocks } from '../storage/clocks.ts'
import { customerScope } from './access.ts'
import { readCursor, writeCursor } from './cursor.ts'
import type { Actor, Deps } from './deps.ts'

export type ClockQuery = { customer?: string; dueBefore?: number; limit: number; cursor?: string }
export type ClockPage = { clocks: ClockRow[]; nextCursor: string | null }

export async function listClocks(deps: Deps, actor: Actor, query: ClockQuery): Promise<ClockPage> {
  const now = deps.now()
  const rows = await listRunningClocks(deps.db, {
    customerId: customerScope(actor, query.customer),
    dueBefore: query.dueBefore === undefined ? undefined : new Date(query.dueBefore),
    after: afterClock(query.cursor),
    limit: query.limit + 1,
    // The provider's underpinning agreements are its own business, not its customers'.
    ownAgreementsOnly: actor.role === 'customer',
  })
  const clocks = rows
    .slice(0, query.limit)
    .map((c) => ({ ...c, breached: c.breached || (c.due !== null && c.due.getTime() < now) }))
  const last = clocks.at(-1)
  const key = last && [
    last.due!.toISOString(),
    last.customer_id,
    last.ticket_id,
    last.agreement_id,
    last.metric,
    last.cycle,
  ]
  return { clocks, nextCursor: rows.length > query.limit && key ? writeCursor(key) : null }
}

type ClockKey = [string, string, string, string, string, number]
const isClockKey = (key: unknown[]): key is ClockKey =>
  key.length === 6 &&
  key.slice(0, 5).every((k) => typeof k === 'string') &&
  Number.isInteger(key[5]) &&
  !Number.isNaN(Date.parse(key[0] as string))

function afterClock(cursor: string | undefined) {
  if (cursor === undefined) return undefined
  const [due, customer, ticket, agreement, metric, cycle] = readCursor(cursor, isClockKey)
  return {
    due: new Date(due),
    customer_id: customer,
    ticket_id: ticket,
    agreement_id: agreement,
    metric,
    cycle,
  }
}
