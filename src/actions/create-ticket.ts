// A ticket raised in Upheld itself (portal or API): its created event is written here, with
// ids made here, and goes through the same ingest as a helpdesk's events.
import { randomUUID } from 'node:crypto'
import type { REQUEST_TYPES } from '../domain/agreement/sections-service-levels.ts'
import { AppError } from '../domain/app-error.ts'
import { ticketCustomers } from '../storage/ticket-events.ts'
import { findUser } from '../storage/users.ts'
import type { Actor, Deps } from './deps.ts'
import { getTicket, type TicketDetail } from './get-ticket.ts'
import { ingestEvents } from './ingest-events.ts'

type RequestType = (typeof REQUEST_TYPES)[number]

export type NewTicket = {
  /** Staff may bring the id a ticket has elsewhere; otherwise Upheld makes one. */
  id?: string
  customer?: string
  service?: string
  severity: string
  subject?: string
  description?: string
  request_type?: RequestType
  requester?: string
  channel?: string
  groups?: string[]
}

export async function createTicket(deps: Deps, actor: Actor, input: NewTicket): Promise<TicketDetail> {
  const customer = customerOf(actor, input)
  if (actor.role === 'customer' && input.id !== undefined) {
    throw new AppError('invalid_input', 'a ticket raised by a customer gets its id from Upheld', [
      { path: ['id'], message: 'leave it out' },
    ])
  }
  const id = input.id ?? `TK-${randomUUID().slice(0, 8).toUpperCase()}`
  // A customer raising a ticket is its requester (VIP rules match people by email).
  const requester =
    input.requester ??
    (actor.role === 'customer' ? (await findUser(deps.db, actor.userId))?.email : undefined)
  const event = {
    id: `ev_${randomUUID()}`,
    ticket: id,
    type: 'created' as const,
    at: new Date(deps.now()).toISOString(),
    customer,
    ...(input.service === undefined ? {} : { service: input.service }),
    severity: input.severity,
    ...(input.subject === undefined ? {} : { subject: input.subject }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.request_type === undefined ? {} : { requestType: input.request_type }),
    ...(requester === undefined ? {} : { requester }),
    channel: input.channel ?? 'api',
    ...(input.groups === undefined ? {} : { groups: input.groups }),
  }
  return deps.db.transaction(async (tx) => {
    if ((await ticketCustomers(tx, [id], customer)).size > 0)
      throw new AppError('conflict', `a ticket "${id}" exists already`)
    await ingestEvents({ ...deps, db: tx }, actor, event)
    return getTicket({ ...deps, db: tx }, actor, id, customer)
  })
}

function customerOf(actor: Actor, input: NewTicket): string {
  if (actor.role === 'customer') {
    if (input.customer !== undefined && input.customer !== actor.organisationId) {
      throw new AppError('invalid_input', 'you raise tickets for your own organisation only', [
        { path: ['customer'], message: `leave it out, or give "${actor.organisationId}"` },
      ])
    }
    return actor.organisationId
  }
  if (input.customer === undefined) {
    throw new AppError('invalid_input', 'name the customer the ticket is for', [
      { path: ['customer'], message: 'is required for staff' },
    ])
  }
  return input.customer
}
