// A ticket's clocks as a timeline with who is escalated next, and what the web app writes on a
// ticket: a message, a status.
import { z } from 'zod'
import { named } from './common.ts'

export const EscalationContactSchema = named(
  'EscalationContact',
  z.object({
    id: z.string(),
    name: z.string(),
    role: z.string().nullable(),
    org: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  'A contact of the agreement, as its contacts section names them.',
)

const span = z.object({ from: z.string(), to: z.string().nullable().describe('null: still going') })

export const ClockThresholdSchema = named(
  'ClockThreshold',
  z.object({
    kind: z.enum(['warning', 'breach', 'escalation']),
    level: z.number().int().describe('the escalation level; else the share of the target in basis points'),
    percent: z.string().describe('the share of the target, e.g. "75" or "200"'),
    at: z.string().nullable().describe('when the clock reaches it; null while paused or stopped short of it'),
    fired_at: z.string().nullable().describe('when the worker sent it'),
    notify: z.array(EscalationContactSchema),
  }),
)

export const TimelineClockSchema = named(
  'TimelineClock',
  z.object({
    agreement: z.string(),
    version: z.string(),
    metric: z.string(),
    cycle: z.number().int(),
    severity: z.string(),
    state: z.enum(['running', 'paused', 'met', 'cancelled']),
    breached: z.boolean(),
    target_ms: z.number().int(),
    elapsed_ms: z.number().int(),
    remaining_ms: z.number().int().describe('business time left as of as_of (negative once overdue)'),
    counting: z.boolean(),
    next_change: z.string().nullable(),
    due: z.string().nullable(),
    started_at: z.string(),
    stopped_at: z.string().nullable(),
    calendar: z.object({ id: z.string(), zone: z.string() }),
    runs: z.array(span).describe('when it ran (counting only in the open hours of its calendar)'),
    waits: z.array(span.extend({ reason: z.enum(['paused', 'resolved']) })).describe('when it did not run'),
    open_hours: z.array(span).describe("its calendar's open hours from its start to the end of its timeline"),
    thresholds: z.array(ClockThresholdSchema),
  }),
  'A clock with its spans and thresholds, as of the timeline’s instant.',
)

export const TicketTimelineSchema = named(
  'TicketTimeline',
  z.object({
    as_of: z.string(),
    clocks: z.array(TimelineClockSchema),
    next_escalations: z
      .array(
        z.object({
          agreement: z.string(),
          metric: z.string(),
          cycle: z.number().int(),
          level: z.number().int(),
          percent: z.string(),
          at: z.string(),
          notify: z.array(EscalationContactSchema),
        }),
      )
      .describe('escalations not yet sent, soonest first; one past its instant waits for the worker'),
    escalation_matrix: z.array(
      z.object({
        agreement: z.string(),
        version: z.string(),
        level: z.number().int(),
        severities: z.array(z.string()),
        metric: z.string(),
        percent: z.string(),
        notify: z.array(EscalationContactSchema),
      }),
    ),
    referral: z.array(
      z.object({
        agreement: z.string(),
        level: z.string(),
        contact: EscalationContactSchema,
        channel: z.string().nullable(),
      }),
    ),
  }),
  "A ticket's clocks on a timeline, and who is escalated next and when.",
)

export const NewMessageSchema = z.strictObject({
  body: z.string().min(1, 'write something').max(20_000),
  public: z
    .boolean()
    .optional()
    .describe('default true; false makes an internal note (staff only), which customers never see'),
})

export const NewStatusSchema = z.strictObject({
  status: z
    .string()
    .min(1)
    .max(100)
    .describe('e.g. in_progress, waiting_on_customer (pauses the resolution clock), resolved, closed'),
})
