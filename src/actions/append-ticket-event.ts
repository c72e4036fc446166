// An event Upheld itself writes on a ticket (a reply, a status change from the web app): its id
// and instant are made here, and it goes through the same ingest as a helpdesk's events, in one
// transaction with reading the ticket back.
import { randomUUID } from 'node:crypto'
import { AppError } from '../domain/app-error.ts'
import type { TicketEventInput } from '../domain/clocks/ticket-events.ts'
import { findTicket } from '../storage/tickets.ts'
import type { Actor, Deps } from './deps.ts'
import { getTicket, type TicketDetail, visibleCustomer } from './get-ticket.ts'
import { ingestEvents } from './ingest-events.ts'

type Fields<E> = E extends unknown ? Omit<E, 'id' | 'ticket' | 'at'> : never
export type NewTicketEvent = Exclude<Fields<TicketEventInput>, { type: 'created' }>

export async function appendTicketEvent(
  deps: Deps,
  actor: Actor,
  ticketId: string,
  fields: NewTicketEvent,
  customer?: string,
): Promise<TicketDetail> {
  return deps.db.transaction(async (tx) => {
    const inTx = { ...deps, db: tx }
    const customerId = await visibleCustomer(tx, actor, ticketId, customer)
    if (customerId === undefined || !(await findTicket(tx, customerId, ticketId)))
      throw new AppError('not_found', `no ticket "${ticketId}"`)
    const event = {
      id: `ev_${randomUUID()}`,
      ticket: ticketId,
      at: new Date(deps.now()).toISOString(),
      ...fields,
    }
    await ingestEvents(inTx, actor, event, customerId)
    return getTicket(inTx, actor, ticketId, customerId)
  })
}
