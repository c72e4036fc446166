// The at-risk board and the values the ticket filters can take.
import { z } from 'zod'
import { FlagSchema, named, PageQuery } from './common.ts'
import { TicketSchema } from './tickets.ts'

export const BoardClockSchema = named(
  'BoardClock',
  z.object({
    agreement: z.string(),
    version: z.string().describe('the agreement version the clock is pinned to, e.g. northwind-sla@2'),
    metric: z.string(),
    cycle: z.number().int(),
    severity: z.string(),
    state: z.enum(['running', 'paused']),
    target_ms: z.number().int(),
    elapsed_ms: z.number().int().describe('business time counted as of as_of'),
    remaining_ms: z
      .number()
      .int()
      .describe('business time left as of as_of; negative by the business time since the due instant'),
    due: z.string().nullable().describe('when the target is reached; null while paused short of it'),
    breached: z.boolean(),
    counting: z.boolean().describe('running and its calendar open at as_of: remaining_ms is going down'),
    next_change: z
      .string()
      .nullable()
      .describe('when the calendar next opens (not counting) or closes (counting), within a week; else null'),
    zone: z.string().nullable().describe("the calendar's time zone"),
  }),
  "A ticket's most urgent open clock, as of the board's instant.",
)

export const BoardItemSchema = named('BoardItem', TicketSchema.extend({ clock: BoardClockSchema }))

export const TicketFacetsSchema = named(
  'TicketFacets',
  z.object({
    customers: z.array(z.object({ id: z.string(), name: z.string() })),
    severities: z.array(z.string()),
    agents: z.array(z.string()),
    services: z.array(z.string()),
  }),
  'The values the ticket filters can take.',
)

export const BoardSchema = named(
  'Board',
  z.object({
    as_of: z.string().describe('the instant every remaining_ms is counted at'),
    state: z.enum(['at_risk', 'breached']),
    items: z.array(BoardItemSchema),
    next_cursor: z.string().nullable(),
    counts: z
      .object({ at_risk: z.number().int(), breached: z.number().int() })
      .nullable()
      .describe('open tickets in each tab with these filters; on the first page only'),
    facets: TicketFacetsSchema.nullable().describe('over all open tickets; on the first page only'),
  }),
  'Open tickets with their most urgent clock: at risk (soonest due first, then those paused) or breached (longest ago first).',
)

const filters = {
  customer: z.string().min(1).optional().describe("only this customer's tickets"),
  severity: z.string().min(1).optional().describe('only tickets of this severity, e.g. P1'),
  agent: z.string().min(1).optional().describe('only tickets assigned to this agent'),
  service: z.string().min(1).optional().describe('only tickets about this service'),
}

export const BoardQuerySchema = z.strictObject({
  ...filters,
  state: z
    .enum(['at_risk', 'breached'])
    .default('at_risk')
    .describe('at_risk (default): no open clock breached; breached: one is'),
  ...PageQuery,
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('items per page, 1 to 200; default 50'),
})

export const TicketFacetsQuerySchema = z.strictObject({
  customer: filters.customer,
  open: FlagSchema.optional().describe(
    '1 or true: over open tickets only (those with a running or paused clock)',
  ),
})
