// A ticket's history is a stream of events: the same shape in the API, in files and in the
// database. Clocks are a pure function of this log, ordered by time and then by arrival.
import { z } from 'zod'
import { REQUEST_TYPES } from '../agreement/sections-service-levels.ts'
import { parseInstant } from '../time-zone.ts'

// An instant names its offset: without one, a reading would depend on the machine's zone.
const WITH_TIME_AND_OFFSET = /^\d{4}-\d{2}-\d{2}T.*(?:Z|[+-]\d{2}:?\d{2})$/i
const InstantSchema = z
  .string()
  .refine((v) => WITH_TIME_AND_OFFSET.test(v) && parseInstant(v, 'UTC') !== null, {
    message: 'must be an ISO 8601 instant with Z or an offset, such as 2026-11-20T16:30:00Z',
  })
const base = {
  id: z.string().min(1, 'must not be empty').max(200),
  ticket: z.string().min(1, 'must not be empty').max(200),
  at: InstantSchema,
}

export const TicketEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('created'),
    customer: z.string().min(1),
    service: z.string().min(1).optional(),
    severity: z.string().min(1),
    requester: z.string().min(1).optional(),
    groups: z.array(z.string()).optional(),
    channel: z.string().min(1).optional(),
    subject: z.string().max(1000).optional(),
    /** What the requester wrote when raising it, as written. */
    description: z.string().max(20_000).optional(),
    /** The kind of request, in the words of the agreement's targets. */
    requestType: z.enum(REQUEST_TYPES).optional(),
    agent: z.string().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('message'),
    author: z.enum(['agent', 'requester', 'system']),
    public: z.boolean(),
    automated: z.boolean().optional(),
    channel: z.string().optional(),
    by: z.string().optional(),
    body: z.string().max(20_000).optional().describe('what the message says, when it is kept here'),
  }),
  z.strictObject({ ...base, type: z.literal('status'), status: z.string().min(1) }),
  z.strictObject({ ...base, type: z.literal('severity'), severity: z.string().min(1) }),
  z.strictObject({ ...base, type: z.literal('assigned'), agent: z.string().min(1) }),
  z.strictObject({
    ...base,
    type: z.literal('satisfaction'),
    rating: z.number().int().min(0),
    scale: z.number().int().min(1),
    comment: z.string().optional(),
  }),
])

export type TicketEventInput = z.infer<typeof TicketEventSchema>

/** An event with its instant as epoch ms and its arrival order, which breaks ties of time. */
export type TicketEvent = TicketEventInput extends infer E
  ? E extends unknown
    ? Omit<E, 'at'> & { at: number; seq: number }
    : never
  : never

/** `input` has passed TicketEventSchema, so its instant reads. */
export function toTicketEvent(input: TicketEventInput, seq: number): TicketEvent {
  return { ...input, at: parseInstant(input.at, 'UTC')!, seq } as TicketEvent
}

type Ordered = { at: number; seq: number }

export function byTimeThenArrival(a: Ordered, b: Ordered): number {
  return a.at - b.at || a.seq - b.seq
}
