// Availability objectives, maintenance windows, monitoring and service credits.
import { z } from 'zod'
import {
  DurationSchema,
  IdSchema,
  LocalDateSchema,
  MarkdownSchema,
  MoneySchema,
  PercentSchema,
  PeriodSchema,
  RefSchema,
  TextSchema,
  TimeZoneSchema,
  UrlSchema,
} from './primitives.ts'

export const AvailabilityObjectiveSchema = z.strictObject({
  id: IdSchema,
  service: RefSchema,
  components: z.array(IdSchema).optional(),
  aggregate: z.enum(['any-down', 'all-down', 'named']).optional(),
  target: PercentSchema,
  period: z.enum(['month', 'quarter', 'rolling']),
  window: DurationSchema.optional(),
  timezone: TimeZoneSchema.optional(),
  downtime: z
    .strictObject({
      minimum: DurationSchema.optional(),
      classification: z.enum(['any-overlap', 'whole-minute', 'minimum-consecutive']).optional(),
      degradedCounts: z.boolean().optional(),
    })
    .optional(),
  noData: z.enum(['up', 'down', 'exclude']),
  exclude: z.array(z.enum(['maintenance', 'customer-caused', 'force-majeure'])).optional(),
  public: z.boolean().optional(),
})

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/

export const MaintenanceWindowSchema = z
  .strictObject({
    id: IdSchema,
    services: z.array(RefSchema).min(1),
    rrule: z
      .string()
      .regex(/^FREQ=/, 'must be an RFC 5545 RRULE starting with FREQ=')
      .optional(),
    start: z.string().regex(LOCAL_DATE_TIME, 'must be a date-time such as 2026-10-03T22:00').optional(),
    timezone: TimeZoneSchema,
    duration: DurationSchema,
    notice: PeriodSchema.optional(),
    announcedAt: z
      .string()
      .regex(LOCAL_DATE_TIME, 'must be a date-time such as 2026-09-20T09:00Z')
      .optional(),
    description: MarkdownSchema.optional(),
  })
  .superRefine((w, ctx) => {
    if ((w.rrule === undefined) === (w.start === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'needs either rrule (a recurring window) or start (a one-off window)',
      })
    }
  })

export const ProbeSchema = z.strictObject({
  url: UrlSchema.optional(),
  method: z.enum(['GET', 'HEAD', 'POST']).optional(),
  host: TextSchema.optional(),
  port: z.number().int().min(1).max(65535).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  expectStatus: z.array(z.number().int().min(100).max(599)).optional(),
  keyword: TextSchema.optional(),
  /** A JSON body's value at `path` (`data.items[0].state`): present, or equal to `equals`. */
  json: z
    .strictObject({ path: TextSchema, equals: z.union([z.string(), z.number(), z.boolean()]).optional() })
    .optional(),
  timeout: DurationSchema.optional(),
  retries: z.number().int().min(0).optional(),
  degradedAbove: DurationSchema.optional(),
  certificateWarning: DurationSchema.optional(),
})

export const MonitorSchema = z.strictObject({
  id: IdSchema,
  target: RefSchema,
  component: IdSchema.optional(),
  kind: z.enum(['uptime', 'synthetic', 'metric', 'log', 'manual']),
  tool: TextSchema,
  interval: DurationSchema.optional(),
  notify: z.array(RefSchema).optional(),
  objective: RefSchema.optional(),
  probe: ProbeSchema.optional(),
  openIncident: z.strictObject({ severity: RefSchema }).optional(),
  description: MarkdownSchema.optional(),
})

const bound = {
  below: PercentSchema.optional(),
  atOrBelow: PercentSchema.optional(),
}

// A lower bound is for schedules with a gap between tiers, such as GitHub's "≤ 99.9% but > 99.0%".
const lowerBound = {
  above: PercentSchema.optional(),
  atOrAbove: PercentSchema.optional(),
}

export const AvailabilityCreditSchema = z
  .strictObject({
    id: IdSchema.optional(),
    objective: RefSchema,
    ...bound,
    ...lowerBound,
    credit: PercentSchema,
  })
  .superRefine((t, ctx) => {
    if ((t.below === undefined) === (t.atOrBelow === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'needs exactly one bound: below (<) or atOrBelow (≤)' })
    }
    if (t.above !== undefined && t.atOrAbove !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs at most one lower bound: above (>) or atOrAbove (≥)' })
    }
  })

export const TargetCreditSchema = z
  .strictObject({
    id: IdSchema.optional(),
    severity: RefSchema,
    metric: z.enum(['first_response', 'next_response', 'periodic_update', 'resolution']),
    missedGoal: z.boolean().optional(),
    perBreach: z.boolean().optional(),
    credit: PercentSchema,
  })
  .superRefine((t, ctx) => {
    if (!t.missedGoal && !t.perBreach) {
      ctx.addIssue({
        code: 'custom',
        message: 'must say when it applies: missedGoal: true or perBreach: true',
      })
    }
  })

/** Pays `multiplier` times the fee for the downtime; with a bound, only when uptime falls under it. */
export const FormulaCreditSchema = z
  .strictObject({
    objective: RefSchema,
    multiplier: z.number().positive(),
    of: z.enum(['downtime-fee']),
    ...bound,
  })
  .superRefine((f, ctx) => {
    if (f.below !== undefined && f.atOrBelow !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs at most one bound: below (<) or atOrBelow (≤)' })
    }
  })

export const CreditsSchema = z
  .strictObject({
    basis: z.strictObject({ monthlyFee: MoneySchema }),
    cap: PercentSchema.optional(),
    minimum: MoneySchema.optional(),
    claimWindow: PeriodSchema.optional(),
    claimProcess: MarkdownSchema.optional(),
    exclusions: z.array(TextSchema).optional(),
    soleRemedy: z.boolean().optional(),
    availability: z.array(AvailabilityCreditSchema).optional(),
    targets: z.array(TargetCreditSchema).optional(),
    formula: FormulaCreditSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.minimum !== undefined && c.minimum.currency !== c.basis.monthlyFee.currency) {
      ctx.addIssue({
        code: 'custom',
        path: ['minimum', 'currency'],
        message: `must be the basis currency, ${c.basis.monthlyFee.currency}: credits are paid in one currency`,
      })
    }
  })

export const ExclusionDateSchema = LocalDateSchema
