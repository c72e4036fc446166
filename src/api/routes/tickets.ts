// Tickets, their events and clocks. A customer's token sees only its organisation's; another
// customer's ticket is a 404, exactly like one that does not exist.

import { z } from 'zod'
import { changeTicketStatus } from '../../actions/change-ticket-status.ts'
import { createTicket } from '../../actions/create-ticket.ts'
import type { Deps } from '../../actions/deps.ts'
import { getTicket } from '../../actions/get-ticket.ts'
import { getTicketTimeline } from '../../actions/get-ticket-timeline.ts'
import { ingestEvents } from '../../actions/ingest-events.ts'
import { listClocks } from '../../actions/list-clocks.ts'
import { listTickets } from '../../actions/list-tickets.ts'
import { replyToTicket } from '../../actions/reply-to-ticket.ts'
import { presentTimeline } from '../board-presenters.ts'
import type { Metrics } from '../metrics.ts'
import { presentClock, presentTicket, presentTicketDetail } from '../presenters.ts'
import { type Route, route } from '../route.ts'
import { IdParam } from '../schemas/common.ts'
import * as T from '../schemas/ticket-timeline.ts'
import * as S from '../schemas/tickets.ts'

const HOUR_MS = 3_600_000
const NOT_FOUND = { 404: { description: 'no such ticket among those you may read' } }

export function ticketRoutes(deps: Deps, metrics: Metrics): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/tickets',
      operationId: 'createTicket',
      tag: 'Tickets',
      summary: 'Raise a ticket',
      description:
        'Writes the ticket’s created event (its id and instant made here) and returns the ticket with its ' +
        'clocks. Customers raise tickets for their own organisation; staff name the customer.',
      body: { json: S.CreateTicketSchema },
      responses: {
        201: { description: 'the new ticket', schema: S.TicketDetailSchema },
        409: { description: 'a ticket with this id exists' },
      },
      handle: async (c, { body }) =>
        c.json(presentTicketDetail(await createTicket(deps, c.get('actor'), body)), 201),
    }),
    route({
      method: 'get',
      path: '/api/tickets',
      operationId: 'listTickets',
      tag: 'Tickets',
      summary: 'List tickets, newest first, filtered and paged',
      query: S.TicketQuerySchema,
      responses: { 200: { description: 'a page of tickets', schema: S.TicketPageSchema } },
      handle: async (c, { query }) => {
        const page = await listTickets(deps, c.get('actor'), {
          ...query,
          atRiskWithinMs: query.at_risk ? (query.within ?? HOUR_MS) : undefined,
        })
        return c.json({ items: page.tickets.map(presentTicket), next_cursor: page.nextCursor })
      },
    }),
    route({
      method: 'get',
      path: '/api/tickets/:id',
      operationId: 'getTicket',
      tag: 'Tickets',
      summary: 'A ticket with its clocks (as of now) and events',
      params: IdParam,
      query: S.OneTicketQuerySchema,
      responses: { 200: { description: 'the ticket', schema: S.TicketDetailSchema }, ...NOT_FOUND },
      handle: async (c, { params, query }) =>
        c.json(presentTicketDetail(await getTicket(deps, c.get('actor'), params.id, query.customer))),
    }),
    route({
      method: 'get',
      path: '/api/tickets/:id/clocks',
      operationId: 'getTicketClocks',
      tag: 'Clocks',
      summary: 'A ticket’s clocks, as of now',
      params: IdParam,
      query: S.OneTicketQuerySchema,
      responses: { 200: { description: 'the clocks', schema: S.ClockListSchema }, ...NOT_FOUND },
      handle: async (c, { params, query }) =>
        c.json({
          items: (await getTicket(deps, c.get('actor'), params.id, query.customer)).clocks.map(presentClock),
        }),
    }),
    route({
      method: 'get',
      path: '/api/tickets/:id/timeline',
      operationId: 'getTicketTimeline',
      tag: 'Clocks',
      summary: 'A ticket’s clocks on a timeline, and who is escalated next and when',
      description:
        'Each clock’s running and waiting spans, its calendar’s open hours, its warning, breach and escalation ' +
        'thresholds (when reached, whether sent), and the escalation matrix and referral levels of the agreement ' +
        'versions its clocks are pinned to. Customers see their own agreements’ clocks only.',
      params: IdParam,
      query: S.OneTicketQuerySchema,
      responses: { 200: { description: 'the timeline', schema: T.TicketTimelineSchema }, ...NOT_FOUND },
      handle: async (c, { params, query }) =>
        c.json(presentTimeline(await getTicketTimeline(deps, c.get('actor'), params.id, query.customer))),
    }),
    route({
      method: 'post',
      path: '/api/tickets/:id/messages',
      operationId: 'addTicketMessage',
      tag: 'Tickets',
      summary: 'Write a message on a ticket',
      description:
        'Staff write as the agent: public by default (a qualifying response, which meets the first-response ' +
        'clock), or an internal note with public false, which customers never see. Customers write as the ' +
        'requester, always publicly. The event’s id and instant are made here.',
      params: IdParam,
      query: S.OneTicketQuerySchema,
      body: { json: T.NewMessageSchema },
      responses: { 201: { description: 'the ticket after it', schema: S.TicketDetailSchema }, ...NOT_FOUND },
      handle: async (c, { params, query, body }) =>
        c.json(
          presentTicketDetail(await replyToTicket(deps, c.get('actor'), params.id, body, query.customer)),
          201,
        ),
    }),
    route({
      method: 'post',
      path: '/api/tickets/:id/status',
      operationId: 'changeTicketStatus',
      tag: 'Tickets',
      summary: 'Change a ticket’s status (staff)',
      description:
        'A status the agreement pauses on (waiting_on_customer by default) pauses the resolution clock; resolved ' +
        'or closed stops the clocks; another status after those reopens the ticket.',
      params: IdParam,
      query: S.OneTicketQuerySchema,
      body: { json: T.NewStatusSchema },
      responses: {
        200: { description: 'the ticket after it', schema: S.TicketDetailSchema },
        403: { description: 'customers do not change statuses' },
        ...NOT_FOUND,
      },
      handle: async (c, { params, query, body }) =>
        c.json(
          presentTicketDetail(
            await changeTicketStatus(deps, c.get('actor'), params.id, body.status, query.customer),
          ),
        ),
    }),
    route({
      method: 'get',
      path: '/api/clocks',
      operationId: 'listClocks',
      tag: 'Clocks',
      summary: 'Running clocks by due instant',
      description:
        'What is due next across tickets. A running clock past its due instant is reported breached.',
      query: S.ClockQuerySchema,
      responses: { 200: { description: 'a page of clocks, soonest due first', schema: S.ClockPageSchema } },
      handle: async (c, { query }) => {
        const page = await listClocks(deps, c.get('actor'), { ...query, dueBefore: query.due_before })
        return c.json({ items: page.clocks.map(presentClock), next_cursor: page.nextCursor })
      },
    }),
    route({
      method: 'post',
      path: '/api/events',
      operationId: 'ingestEvents',
      tag: 'Tickets',
      summary: 'Send ticket events: one, or a batch of up to 1,000',
      description:
        'The batch is validated whole and stored in one transaction: 202 means it is committed. An event id ' +
        'sent again with the same content is a duplicate (not an error); with other content, a 409.',
      body: { json: z.unknown(), doc: S.EventsBodySchema },
      responses: {
        202: { description: 'committed', schema: S.IngestResultSchema },
        409: { description: 'an event id already used for other content; nothing was stored' },
      },
      handle: async (c, { body }) => {
        const result = await ingestEvents(deps, c.get('actor'), body)
        metrics.eventsIngested.inc({ outcome: 'accepted' }, result.accepted)
        metrics.eventsIngested.inc({ outcome: 'duplicate' }, result.duplicates)
        return c.json(result, 202)
      },
    }),
  ]
}
