import { z } from 'zod'
import { IdSchema } from '../../domain/agreement/primitives.ts'
import { ProbeSchema } from '../../domain/agreement/sections-availability.ts'
import { parsePeriodLabel } from '../../domain/availability/reporting-period.ts'
import { SERVICE_STATUSES, StatusEventSchema } from '../../domain/status-events.ts'
import { FlagSchema, InstantSchema, named } from './common.ts'

export const StatusEventsBodySchema = named(
  'StatusEventsBody',
  z
    .union([StatusEventSchema, z.array(StatusEventSchema).min(1).max(1000)])
    .describe(
      'one status event, or a batch of up to 1,000 stored all or nothing; as application/x-ndjson, one event per line',
    ),
)

export const WebhookQuerySchema = z.strictObject({
  customer: IdSchema.optional().describe('the customer of events that do not name one'),
})

export const StatusIngestResultSchema = named(
  'StatusIngestResult',
  z.object({
    accepted: z.number().int().describe('events stored now'),
    duplicates: z.number().int().describe('events stored before under the same id and content'),
  }),
)

const StatusSchema = z.enum(SERVICE_STATUSES)

export const StreamRunSchema = named(
  'StatusInterval',
  z.object({
    component: z.string().describe('"" for the service as a whole'),
    source: z.string().describe('the monitor: events, alertmanager/…, uptime-kuma/…, probe:…'),
    status: StatusSchema,
    start: z.string(),
    end: z.string().nullable().describe('null while it is the current status'),
    holds_until: z.string().nullable().describe('a probe’s: until when its latest result vouches for it'),
  }),
  'One monitor’s status of one component over [start, end).',
)

export const ServiceStatusSchema = named(
  'ServiceStatus',
  z.object({
    customer: z.string(),
    service: z.string(),
    status: StatusSchema.describe('the worst of its monitors’ current statuses'),
    monitors: z.array(StreamRunSchema),
  }),
)
export const ServiceStatusListSchema = named(
  'ServiceStatusList',
  z.object({ items: z.array(ServiceStatusSchema) }),
)

export const StatusQuerySchema = z.strictObject({
  customer: z
    .string()
    .min(1)
    .optional()
    .describe("only this customer's services (a customer sees only their own)"),
  service: z.string().min(1).optional(),
})

export const HistoryQuerySchema = z.strictObject({
  customer: z.string().min(1).optional().describe('required for staff'),
  from: InstantSchema.optional().describe('default: 7 days before to'),
  to: InstantSchema.optional().describe('default: now'),
})

export const ServiceHistorySchema = named(
  'ServiceHistory',
  z.object({
    customer: z.string(),
    service: z.string(),
    from: z.string(),
    to: z.string(),
    intervals: z.array(StreamRunSchema).describe('every interval overlapping [from, to), oldest first'),
  }),
)

export const ServiceParam = z.object({ service: z.string().min(1).max(200) })

export const ProbeBodySchema = z.strictObject({
  customer: IdSchema,
  id: IdSchema,
  service: IdSchema,
  component: IdSchema.optional(),
  interval: z.string().optional().describe('how often, e.g. 30s or 1m; default 1m'),
  probe: ProbeSchema,
})

export const ProbeViewSchema = named(
  'Probe',
  z.object({
    customer: z.string(),
    id: z.string(),
    service: z.string(),
    component: z.string(),
    interval_ms: z.number().int(),
    probe: z.record(z.string(), z.unknown()),
    created_by: z.string().nullable(),
    created_at: z.string(),
  }),
  'A probe configured through the API; its results move the stream probe:api/<id>.',
)
export const ProbeListSchema = named('ProbeList', z.object({ items: z.array(ProbeViewSchema) }))

export const ProbeQuerySchema = z.strictObject({ customer: z.string().min(1).optional() })
export const ProbeDeleteQuerySchema = z.strictObject({ customer: z.string().min(1) })

export const AvailabilityQuerySchema = z.strictObject({
  customer: z.string().min(1).optional().describe('required for staff; a customer reads their own'),
  period: z
    .string()
    .regex(/^\d{4}-(\d{2}|[Qq][1-4])$/, 'must be a month (2026-10) or a quarter (2026-Q4)')
    .transform((v, ctx) => {
      // The pattern lets 2026-13 through; the label reader knows there is no such month.
      const label = parsePeriodLabel(v)
      if (label === null) ctx.addIssue({ code: 'custom', message: `${v} is not a month of the year` })
      return label ?? z.NEVER
    })
    .optional()
    .describe(
      "a month (2026-10) or a quarter (2026-Q4), in each objective's time zone; default: the one at falls in",
    ),
  at: InstantSchema.optional().describe(
    'the figures as known at this instant; rolling windows end here; default: now',
  ),
  objective: z.string().min(1).optional().describe('only this objective'),
  timeline: FlagSchema.optional().describe("1 or true: each objective's timeline too"),
})

const instant = z.string().describe('ISO 8601')
const SpanSchema = z.object({ start: instant, end: instant })

export const ObjectiveFiguresSchema = named(
  'ObjectiveFigures',
  z.object({
    id: z.string(),
    service: z.string(),
    agreement: z.string(),
    agreement_version: z.number().int(),
    target: z.string().describe('a percentage without the %: "99.9"'),
    uptime: z.string().nullable().describe('(eligible − down) / eligible in %, floored to four decimals'),
    met: z.boolean().nullable(),
    eligible_ms: z
      .number()
      .int()
      .describe('the period less excluded maintenance and, under noData: exclude, no data'),
    down_ms: z.number().int(),
    degraded_ms: z.number().int(),
    unknown_ms: z.number().int(),
    maintenance_ms: z.number().int(),
    budget_ms: z.number().int(),
    budget_left_ms: z.number().int().describe('negative once overspent'),
    incidents: z.array(z.object({ start: instant, end: instant, duration_ms: z.number().int() })),
    burn_rate: z.string().nullable(),
    mttr_ms: z.number().int().nullable(),
    mtbf_ms: z.number().int().nullable(),
    timezone: z.string(),
    period: SpanSchema,
    maintenance: z.array(
      z.object({
        window: z.string(),
        start: instant,
        end: instant,
        qualifies: z.boolean(),
        reason: z.string().optional().describe('why a window does not qualify'),
      }),
    ),
    timeline: z
      .array(z.object({ start: instant, end: instant, status: StatusSchema }))
      .optional()
      .describe(
        'with timeline=1: the service’s status over the period as the objective counts its components, ' +
          'adjacent spans oldest first (unknown where nothing reported)',
      ),
  }),
  'One availability objective over its period (docs/availability.md has the rules).',
)

export const AvailabilityReportSchema = named(
  'AvailabilityReport',
  z.object({
    customer: z.string(),
    period: SpanSchema.describe("the span of the objectives' periods"),
    objectives: z.array(ObjectiveFiguresSchema),
  }),
  'The shape `upheld uptime --json` prints, plus the customer and each objective’s agreement version.',
)
