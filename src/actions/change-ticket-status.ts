// Staff move a ticket on from the web app: a status the agreement pauses on (waiting on the
// customer) pauses its resolution clock, resolved or closed stops its clocks, and any other
// status after those reopens it.
import { requireRole } from './access.ts'
import { appendTicketEvent } from './append-ticket-event.ts'
import type { Actor, Deps } from './deps.ts'
import type { TicketDetail } from './get-ticket.ts'

export async function changeTicketStatus(
  deps: Deps,
  actor: Actor,
  ticketId: string,
  status: string,
  customer?: string,
): Promise<TicketDetail> {
  requireRole(actor, 'admin', 'agent')
  return appendTicketEvent(deps, actor, ticketId, { type: 'status', status }, customer)
}
