// Ingesting ticket events (one or a batch of up to 1,000): validated whole, stored once per
// id, and the affected tickets' clocks recomputed, all in one transaction, so that an
// acknowledged batch is committed and a rejected one changes nothing.
import { contentHash } from '../domain/agreement/content-hash.ts'
import { fromZodIssues } from '../domain/agreement/zod-issues.ts'
import { AppError } from '../domain/app-error.ts'
import { type TicketEventInput, TicketEventSchema } from '../domain/clocks/ticket-events.ts'
import type { Issue } from '../domain/issues.ts'
import type { Db } from '../storage/db.ts'
import { findOrganisation } from '../storage/organisations.ts'
import {
  appendEvents,
  existingEventHashes,
  registerTickets,
  ticketCustomers,
} from '../storage/ticket-events.ts'
import { loadCustomerPolicies } from './customer-policies.ts'
import type { Actor, Deps } from './deps.ts'
import { recomputeTickets } from './recompute-ticket.ts'

export const MAX_BATCH = 1000

export type IngestResult = { accepted: number; duplicates: number; tickets: number }

/** `customer` places the events when the caller knows whose ticket it is (an id several customers use). */
export async function ingestEvents(
  deps: Deps,
  actor: Actor,
  raw: unknown,
  customer?: string,
): Promise<IngestResult> {
  const events = validateBatch(raw)
  return deps.db.transaction(async (tx) => {
    const customers = await customersOf(tx, actor, events, customer)
    if (actor.role === 'customer') refuseStaffEvents(events)
    const byCustomer = new Map<string, TicketEventInput[]>()
    for (const e of events) {
      const customer = customers.get(e.ticket)!
      byCustomer.set(customer, [...(byCustomer.get(customer) ?? []), e])
    }
    let accepted = 0
    let duplicates = 0
    let tickets = 0
    for (const [customerId, list] of byCustomer) {
      const hashes = new Map<TicketEventInput, string>(list.map((e) => [e, contentHash(e)]))
      const seen = await existingEventHashes(
        tx,
        customerId,
        list.map((e) => e.id),
      )
      // The same id stored before, or twice in this batch, with other content is a conflict.
      const unique = new Map<string, TicketEventInput>()
      const conflicts: TicketEventInput[] = []
      for (const e of list) {
        const earlier = seen.get(e.id) ?? (unique.has(e.id) ? hashes.get(unique.get(e.id)!) : undefined)
        if (earlier !== undefined && earlier !== hashes.get(e)) conflicts.push(e)
        else if (!seen.has(e.id) && !unique.has(e.id)) unique.set(e.id, e)
      }
      if (conflicts.length > 0) {
        throw new AppError(
          'conflict',
          `event ids already used for different content: ${conflicts.map((e) => e.id).join(', ')}`,
          conflicts.map((e) => ({
            path: [events.indexOf(e), 'id'],
            message: `"${e.id}" was stored before with other content`,
          })),
        )
      }
      const fresh = [...unique.values()]
      duplicates += list.length - fresh.length
      await registerTickets(
        tx,
        fresh.filter((e) => e.type === 'created').map((e) => ({ ticketId: e.ticket, customerId })),
      )
      accepted += await appendEvents(
        tx,
        eventRows(customerId, fresh, (e) => hashes.get(e)!),
      )
      const policies = await loadCustomerPolicies(tx, customerId)
      const touched = [...new Set(fresh.map((e) => e.ticket))]
      await recomputeTickets(tx, policies, customerId, touched, deps.now())
      tickets += touched.length
    }
    return { accepted, duplicates, tickets }
  })
}

/**
 * A customer speaks for the requester: new tickets, their own messages, satisfaction. Replies,
 * status, severity and assignment are the provider's to record, or a customer could stop (or
 * start) the clocks that measure the provider.
 */
function refuseStaffEvents(events: TicketEventInput[]): void {
  const issues: Issue[] = events.flatMap((e, i) => {
    const own =
      e.type === 'created' || e.type === 'satisfaction' || (e.type === 'message' && e.author === 'requester')
    if (own) return []
    const what = e.type === 'message' ? `a message by "${e.author}"` : `a "${e.type}" event`
    return [
      {
        path: events.length === 1 ? [] : [i],
        message: `${what} is the provider's to record`,
        hint: 'customers send new tickets, their own messages (author "requester") and satisfaction ratings',
      },
    ]
  })
  if (issues.length > 0)
    throw new AppError('forbidden', 'customers cannot record these events; none was stored', issues)
}

/** How the event log keeps these events of one customer. */
export function eventRows(
  customerId: string,
  events: readonly TicketEventInput[],
  hashOf: (e: TicketEventInput) => string,
) {
  return events.map((e) => ({
    customerId,
    eventId: e.id,
    ticketId: e.ticket,
    type: e.type,
    at: new Date(e.at),
    body: e as Record<string, unknown>,
    bodyHash: hashOf(e),
  }))
}

function validateBatch(raw: unknown): TicketEventInput[] {
  const list = Array.isArray(raw) ? raw : [raw]
  if (list.length === 0) throw new AppError('invalid_input', 'the batch is empty')
  if (list.length > MAX_BATCH)
    throw new AppError('invalid_input', `a batch holds at most ${MAX_BATCH} events, not ${list.length}`)
  const issues: Issue[] = []
  const events: TicketEventInput[] = []
  list.forEach((item, index) => {
    const parsed = TicketEventSchema.safeParse(item, { reportInput: true })
    if (parsed.success) events.push(parsed.data)
    else
      for (const issue of fromZodIssues(TicketEventSchema, parsed.error.issues))
        issues.push({ ...issue, path: [index, ...issue.path] })
  })
  if (issues.length > 0) throw new AppError('invalid_input', 'invalid events; none was stored', issues)
  return events
}

// Each event's customer: a customer's own token speaks only for that customer; staff name the
// customer on the created event, and later events find it through their ticket.
async function customersOf(
  db: Db,
  actor: Actor,
  events: TicketEventInput[],
  customer: string | undefined,
): Promise<Map<string, string>> {
  // A customer's token sees only its own tickets: another customer's ticket of the same id is
  // simply not there, so nothing about it leaks.
  const own = actor.role === 'customer' ? actor.organisationId : customer
  const found = await ticketCustomers(db, [...new Set(events.map((e) => e.ticket))], own)
  const placed = new Map<string, string>()
  const issues: Issue[] = []
  for (const [index, e] of events.entries()) {
    const result = placeEvent(e, placed.get(e.ticket), found.get(e.ticket) ?? [], own)
    if ('issue' in result) issues.push({ ...result.issue, path: [index, ...result.issue.path] })
    else placed.set(e.ticket, result.customer)
  }
  for (const customer of new Set(placed.values())) {
    if (!(await findOrganisation(db, customer)))
      issues.push({ path: [], message: `no customer organisation "${customer}"` })
  }
  if (issues.length > 0)
    throw new AppError('invalid_input', 'events that cannot be placed; none was stored', issues)
  return placed
}

function placeEvent(
  e: TicketEventInput,
  placed: string | undefined,
  stored: string[],
  own: string | undefined,
): { customer: string } | { issue: Issue } {
  if (e.type === 'created') {
    if (own !== undefined && e.customer !== own) {
      return {
        issue: {
          path: ['customer'],
          message: `you send events for your own organisation only`,
          hint: `give "${own}"`,
        },
      }
    }
    if (placed !== undefined && placed !== e.customer) {
      return {
        issue: {
          path: ['customer'],
          message: `ticket "${e.ticket}" belongs to "${placed}", not "${e.customer}"`,
        },
      }
    }
    return { customer: e.customer }
  }
  if (placed !== undefined) return { customer: placed }
  if (stored.length === 1) return { customer: stored[0]! }
  if (stored.length > 1) {
    return {
      issue: {
        path: ['ticket'],
        message: `several customers have a ticket "${e.ticket}" (${stored.join(', ')})`,
        hint: "send its events with that customer's token",
      },
    }
  }
  return {
    issue: {
      path: ['ticket'],
      message: `ticket "${e.ticket}" has no created event`,
      hint: 'send its created event first, or in the same batch',
    },
  }
}
