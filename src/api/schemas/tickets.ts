import { z } from 'zod'
import { REQUEST_TYPES } from '../../domain/agreement/sections-service-levels.ts'
import { TicketEventSchema } from '../../domain/clocks/ticket-events.ts'
import { DurationSchema, FlagSchema, InstantSchema, named, PageQuery } from './common.ts'

export const TicketSchema = named(
  'Ticket',
  z.object({
    id: z.string(),
    customer: z.string(),
    service: z.string().nullable(),
    severity: z.string(),
    status: z.string(),
    subject: z.string().nullable(),
    requester: z.string().nullable(),
    agent: z.string().nullable(),
    channel: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
)

export const ClockSchema = named(
  'Clock',
  z.object({
    ticket: z.string(),
    customer: z.string(),
    agreement: z.string(),
    version: z.string().describe('the agreement version the clock is pinned to, e.g. northwind-sla@2'),
    metric: z.string(),
    cycle: z.number().int(),
    severity: z.string(),
    state: z.enum(['running', 'paused', 'met', 'cancelled']),
    breached: z.boolean(),
    target_ms: z.number().int(),
    elapsed_ms: z.number().int().describe('business time counted'),
    due: z.string().nullable(),
    started_at: z.string(),
    stopped_at: z.string().nullable(),
  }),
  'A stopwatch per ticket, metric and cycle.',
)

export const StoredEventSchema = named(
  'StoredEvent',
  z.looseObject({ id: z.string(), ticket: z.string(), type: z.string(), at: z.string() }),
  'An event as stored: the fields it was sent with, its instant normalised to UTC.',
)

export const TicketDetailSchema = named(
  'TicketDetail',
  TicketSchema.extend({ clocks: z.array(ClockSchema), events: z.array(StoredEventSchema) }),
)
export const TicketPageSchema = named(
  'TicketPage',
  z.object({ items: z.array(TicketSchema), next_cursor: z.string().nullable() }),
)
export const ClockListSchema = named('ClockList', z.object({ items: z.array(ClockSchema) }))
export const ClockPageSchema = named(
  'ClockPage',
  z.object({ items: z.array(ClockSchema), next_cursor: z.string().nullable() }),
)

export const CreateTicketSchema = z.strictObject({
  id: z.string().min(1).max(200).optional().describe('staff only: the id the ticket has elsewhere'),
  customer: z.string().min(1).optional().describe('required for staff; customers raise their own'),
  service: z.string().min(1).optional(),
  severity: z.string().min(1),
  subject: z.string().max(1000).optional(),
  description: z
    .string()
    .max(20_000)
    .optional()
    .describe('what the requester wrote, kept on the created event'),
  request_type: z
    .enum(REQUEST_TYPES)
    .optional()
    .describe('incident (a problem), service-request (assistance), problem or feature-request'),
  requester: z.string().min(1).optional(),
  channel: z.string().min(1).optional().describe('default "api"'),
  groups: z.array(z.string()).optional(),
})

export const TicketQuerySchema = z.object({
  customer: z
    .string()
    .min(1)
    .optional()
    .describe("only this customer's tickets (a customer sees only their own)"),
  severity: z.string().min(1).optional().describe('only tickets of this severity, e.g. P1'),
  agent: z.string().min(1).optional().describe('only tickets assigned to this agent'),
  service: z.string().min(1).optional().describe('only tickets about this service'),
  status: z
    .enum(['open', 'closed'])
    .optional()
    .describe('open: neither resolved nor closed; closed: resolved or closed'),
  breached: FlagSchema.optional().describe('only tickets with a breached clock'),
  at_risk: FlagSchema.optional().describe(
    'only tickets with a running clock, not yet breached, due within the window',
  ),
  within: DurationSchema.optional().describe('the at-risk window, e.g. 30m or PT2H; default 1h'),
  ...PageQuery,
})

export const ClockQuerySchema = z.object({
  due_before: InstantSchema.optional().describe('only clocks due before this instant (ISO 8601)'),
  customer: z
    .string()
    .min(1)
    .optional()
    .describe("only this customer's clocks (a customer sees only their own)"),
  ...PageQuery,
})

export const EventsBodySchema = z
  .union([TicketEventSchema, z.array(TicketEventSchema).min(1).max(1000)])
  .describe('one event, or a batch of up to 1,000 stored all or nothing')

export const IngestResultSchema = named(
  'IngestResult',
  z.object({
    accepted: z.number().int().describe('events stored now'),
    duplicates: z.number().int().describe('events stored before under the same id and content'),
    tickets: z.number().int().describe('tickets recomputed'),
  }),
)

export const OneTicketQuerySchema = z.strictObject({
  customer: z
    .string()
    .min(1)
    .optional()
    .describe('the customer, when several customers have a ticket of this id (staff only)'),
})
