// One ticket with its clocks and events. The clocks are replayed from the log as of now, so a
// running clock's elapsed time and breach are current rather than as of the last event.
import { AppError } from '../domain/app-error.ts'
import { listAgreements } from '../storage/agreements.ts'
import type { ClockRow } from '../storage/clocks.ts'
import type { Db } from '../storage/db.ts'
import { eventsOfTicket, type StoredEvent, ticketCustomers } from '../storage/ticket-events.ts'
import { findTicket, type TicketRow } from '../storage/tickets.ts'
import { loadCustomerPolicies } from './customer-policies.ts'
import type { Actor, Deps } from './deps.ts'
import { deriveTicket } from './recompute-ticket.ts'

export type { ClockRow, StoredEvent, TicketRow }
export type TicketDetail = { ticket: TicketRow; clocks: ClockRow[]; events: StoredEvent[] }

/** `customer` tells apart tickets of the same id that several customers have (staff only). */
export async function getTicket(
  deps: Deps,
  actor: Actor,
  id: string,
  customer?: string,
): Promise<TicketDetail> {
  const customerId = await visibleCustomer(deps.db, actor, id, customer)
  const ticket = customerId === undefined ? undefined : await findTicket(deps.db, customerId, id)
  if (customerId === undefined || !ticket) throw new AppError('not_found', `no ticket "${id}"`)
  const events = await eventsOfTicket(deps.db, customerId, id)
  const derived = deriveTicket(events, await loadCustomerPolicies(deps.db, customerId), deps.now())
  const clocks = derived?.clocks ?? []
  // The provider's underpinning agreements are its own business, not its customers'.
  if (actor.role !== 'customer') return { ticket, clocks, events }
  const own = new Set((await listAgreements(deps.db, customerId)).map((a) => a.id))
  // Nor are the notes staff keep among themselves.
  const shown = events.filter((e) => !(e.type === 'message' && e.body.public === false))
  return { ticket, clocks: clocks.filter((c) => own.has(c.agreement_id)), events: shown }
}

// Another customer's ticket is not found, exactly as one that does not exist.
export async function visibleCustomer(
  db: Db,
  actor: Actor,
  id: string,
  customer?: string,
): Promise<string | undefined> {
  if (actor.role === 'customer') return actor.organisationId
  const customers = (await ticketCustomers(db, [id], customer)).get(id) ?? []
  if (customers.length > 1) {
    throw new AppError(
      'invalid_input',
      `several customers have a ticket "${id}" (${customers.join(', ')}); name one`,
      [{ path: ['customer'], message: 'is required when several customers use this ticket id' }],
    )
  }
  return customers[0]
}
