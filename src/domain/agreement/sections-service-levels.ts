// Support hours, channels, severities, the target matrix, the clock policy, VIP rules,
// escalation and problem referral: what the clock engine measures.
import { z } from 'zod'
import {
  DurationSchema,
  EmailSchema,
  IdSchema,
  MarkdownSchema,
  PercentSchema,
  RefSchema,
  TextSchema,
} from './primitives.ts'

/** Calendars are checked in full by the calendar engine after parsing (see parse-agreement.ts). */
export const AgreementCalendarSchema = z.looseObject({ id: IdSchema })

export const CHANNEL_KINDS = ['phone', 'email', 'portal', 'chat', 'onsite', 'api'] as const
export const ChannelSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(CHANNEL_KINDS),
  address: TextSchema,
  calendar: RefSchema,
  /** The channel's own first-response promise; a ticket on it gets the tighter of this and its severity's. */
  response: DurationSchema.optional(),
  severities: z.array(RefSchema).optional(),
  languages: z.array(TextSchema).optional(),
})

export const SeveritySchema = z.strictObject({
  id: IdSchema,
  rank: z.number().int().min(1),
  name: TextSchema,
  definition: MarkdownSchema,
  examples: z.array(TextSchema).optional(),
  impact: z.enum(['extensive', 'significant', 'moderate', 'minor']).optional(),
  urgency: z.enum(['critical', 'high', 'medium', 'low']).optional(),
})

export const METRICS = ['first_response', 'next_response', 'periodic_update', 'resolution'] as const
export type Metric = (typeof METRICS)[number]
export const MetricSchema = z.enum(METRICS)

export const REQUEST_TYPES = ['incident', 'service-request', 'problem', 'feature-request'] as const

export const TargetSchema = z
  .strictObject({
    id: IdSchema.optional(),
    severity: RefSchema,
    metric: MetricSchema,
    within: DurationSchema.optional(),
    every: DurationSchema.optional(),
    calendar: RefSchema,
    goal: PercentSchema.optional(),
    requestType: z.enum(REQUEST_TYPES).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.within === undefined && t.every === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [t.metric === 'periodic_update' ? 'every' : 'within'],
        message:
          t.metric === 'periodic_update'
            ? 'is required: how often an update is due'
            : 'is required: the target duration',
      })
    }
  })

export const TICKET_STATUSES = [
  'open',
  'waiting_on_customer',
  'waiting_on_third_party',
  'scheduled',
  'resolved',
  'closed',
  'reopened',
] as const

export const ClockPolicySchema = z.strictObject({
  pauseOn: z.array(TextSchema).optional(),
  statuses: z.array(IdSchema).optional(),
  qualifyingResponse: z
    .strictObject({
      author: z.enum(['agent', 'any-staff']).optional(),
      public: z.boolean().optional(),
      automated: z.boolean().optional(),
      channels: z.array(RefSchema).optional(),
    })
    .optional(),
  onSeverityChange: z.enum(['recompute', 'keep-elapsed', 'new-clock']).optional(),
  onReopen: z.enum(['resume', 'new-cycle']).optional(),
  warnAt: z.array(PercentSchema).optional(),
  start: z.enum(['next-business-instant', 'immediately']).optional(),
})

export const VipRuleSchema = z
  .strictObject({
    id: IdSchema,
    match: z.strictObject({
      requesters: z.array(EmailSchema).optional(),
      groups: z.array(TextSchema).optional(),
      organisations: z.array(RefSchema).optional(),
    }),
    raiseSeverity: z.number().int().min(1).optional(),
    severity: RefSchema.optional(),
    tightenTargets: PercentSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.raiseSeverity === undefined && v.severity === undefined && v.tightenTargets === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'must say what it does: raiseSeverity, severity or tightenTargets',
      })
    }
  })

export const EscalationLevelSchema = z.strictObject({
  id: IdSchema.optional(),
  level: z.number().int().min(1),
  severities: z.array(RefSchema).min(1),
  metric: MetricSchema,
  at: PercentSchema,
  notify: z.array(RefSchema).min(1),
  kind: z.enum(['functional', 'hierarchical']).optional(),
  notifyAgent: z.boolean().optional(),
  respectContactHours: z.boolean().optional(),
  actions: MarkdownSchema.optional(),
})

export const ReferralLevelSchema = z.strictObject({
  id: IdSchema.optional(),
  level: IdSchema,
  contact: RefSchema,
  channel: RefSchema.optional(),
  handles: z.array(TextSchema).optional(),
  calendar: RefSchema.optional(),
})

export const REPORT_SECTIONS = [
  'first_response',
  'next_response',
  'periodic_update',
  'resolution',
  'availability',
  'satisfaction',
  'incidents',
  'backlog',
  'credits',
] as const

export const ReportingSchema = z.strictObject({
  every: z.enum(['month', 'quarter']),
  to: z.array(RefSchema).optional(),
  include: z.array(z.enum(REPORT_SECTIONS)).optional(),
  timezone: z.string().optional(),
  format: z.array(z.enum(['pdf', 'html', 'csv', 'json'])).optional(),
})

export const KpiSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  measure: z.enum(['response-time', 'resolution-time', 'satisfaction', 'incident-count', 'uptime', 'other']),
  target: TextSchema.optional(),
  description: MarkdownSchema.optional(),
})
