// The compliance report as data: the contract between the computation and everything built on
// it (JSON and CSV output, the PDF and HTML renderers, frozen snapshots, the API). Instants are
// ISO 8601 in UTC, durations integer milliseconds, percentages and averages exact decimals as
// strings, floored (docs/reports.md says what each figure means).
import { z } from 'zod'
import { METRICS, REPORT_SECTIONS } from '../agreement/sections-service-levels.ts'

const Instant = z.string().describe('an instant, ISO 8601 in UTC')
const Decimal = z.string().regex(/^\d+(\.\d+)?$/)
const Ms = z.number().int()
const Span = z.strictObject({ start: Instant, end: Instant })

const Money = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .describe('an amount in the currency, to its minor unit')

export const CreditStatementSchema = z.strictObject({
  currency: z.string(),
  basis: Money.describe('the monthly fee prorated over the period'),
  lines: z.array(
    z.strictObject({
      source: z.enum(['availability', 'target', 'formula']),
      ref: z.string().describe('the objective id, or severity/metric'),
      percent: Decimal.describe('of the basis'),
      amount: Money,
      reason: z.string(),
    }),
  ),
  total: Money.describe('the sum of the lines, capped; zero when under the minimum'),
  cap_applied: z.boolean(),
  minimum_applied: z.boolean(),
  claim_by: z.string().nullable().describe('the last local date a claim may be made'),
  exclusions: z.array(z.string()),
  sole_remedy: z.boolean(),
})

export const ReportVersionSchema = z.strictObject({
  /** `agreement@version`, as each clock pins it. */
  version: z.string(),
  effective_from: Instant.nullable().describe('null: in force from the start'),
  /** The part of the period the version was in force; null if only clocks pinned earlier used it. */
  in_force: Span.nullable(),
  /** Clocks counted in the period that this version measured. */
  clocks: z.number().int(),
})

export const TargetRowSchema = z.strictObject({
  severity: z.string(),
  metric: z.enum(METRICS),
  version: z.string(),
  /** The target as written in the version (`within`, or `every` for periodic updates). */
  target: z.string().nullable(),
  calendar: z.string().nullable(),
  total: z.number().int(),
  met: z.number().int(),
  breached: z.number().int(),
  /** met / total as a percentage floored to two decimals; null without clocks. */
  compliance: Decimal.nullable(),
  /** The version's compliance goal without the `%`; null when it sets none. */
  goal: Decimal.nullable(),
  goal_met: z.boolean().nullable(),
  /** Clocks met (in time or late) by the period's end: the ones the times below are over. */
  timed: z.number().int(),
  mean_ms: Ms.nullable(),
  median_ms: Ms.nullable(),
  p90_ms: Ms.nullable(),
})

export const BreachSchema = z.strictObject({
  ticket: z.string(),
  severity: z.string(),
  metric: z.enum(METRICS),
  cycle: z.number().int(),
  version: z.string(),
  /** The due instant it passed: when the breach became known. */
  due: Instant,
  /** Business time past the target: at the stop, or at the period's end while still open. */
  late_ms: Ms,
  open: z.boolean(),
})

export const SatisfactionSchema = z.strictObject({
  count: z.number().int(),
  /** The largest scale rated on in the period; every rating is read on it. */
  scale: z.number().int().nullable(),
  average: Decimal.nullable(),
  distribution: z.array(
    z.strictObject({ scale: z.number().int(), rating: z.number().int(), count: z.number().int() }),
  ),
})

export const AvailabilityRowSchema = z.strictObject({
  id: z.string(),
  service: z.string(),
  version: z.string(),
  timezone: z.string(),
  period: Span,
  uptime: Decimal.nullable(),
  target: Decimal,
  met: z.boolean().nullable(),
  eligible_ms: Ms,
  down_ms: Ms,
  budget_ms: Ms,
  budget_left_ms: Ms,
  incidents: z.number().int(),
})

export const CHECK_STATUSES = ['met', 'missed', 'measured', 'no_data', 'not_measured'] as const

export const ChecklistItemSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** A KPI of the agreement, or a goal or objective no KPI covers. */
  source: z.enum(['kpi', 'target', 'objective']),
  measure: z.string(),
  target: z.string().nullable(),
  measured: z.string().nullable(),
  status: z.enum(CHECK_STATUSES),
  reason: z.string().nullable(),
})

export const ReportSchema = z.strictObject({
  agreement: z.string(),
  customer: z.string(),
  period: z.strictObject({ label: z.string(), timezone: z.string(), start: Instant, end: Instant }),
  /** What the figures are known as of: the period's end, or earlier while it runs. */
  as_of: Instant,
  complete: z.boolean(),
  /** `reporting.include`: the sections a rendering shows (the data holds them all). */
  sections: z.array(z.enum(REPORT_SECTIONS)),
  versions: z.array(ReportVersionSchema),
  targets: z.array(TargetRowSchema),
  breaches: z.array(BreachSchema),
  satisfaction: SatisfactionSchema,
  incidents: z.array(z.strictObject({ severity: z.string(), count: z.number().int() })),
  backlog: z.array(
    z.strictObject({ severity: z.string(), open: z.number().int(), breached: z.number().int() }),
  ),
  availability: z.array(AvailabilityRowSchema),
  checklist: z.array(ChecklistItemSchema),
  /** The service credits owed (docs/credits.md); null when the agreement has no credits section. */
  credits: CreditStatementSchema.nullable(),
})

export type Report = z.infer<typeof ReportSchema>
export type TargetRow = z.infer<typeof TargetRowSchema>
export type Breach = z.infer<typeof BreachSchema>
export type AvailabilityRow = z.infer<typeof AvailabilityRowSchema>
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>
export type Satisfaction = z.infer<typeof SatisfactionSchema>

/** The JSON Schema of a report, for consumers outside TypeScript. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ReportSchema),
    $id: 'https://upheld.dev/schema/report-v1.json',
    title: 'Upheld compliance report',
  }
}
