// The webhook payload of each notification event, as zod schemas: the documented contract
// (docs/notifications.md) that receivers code against. A field is added, never renamed.
import { z } from 'zod'

export const NOTIFICATION_EVENTS = [
  'clock.warning',
  'clock.breached',
  'clock.escalated',
  'service.down',
  'service.up',
  'agreement.finding',
  'agreement.distributed',
  'report.ready',
] as const
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number]
export type ClockEvent = Extract<NotificationEvent, `clock.${string}`>

const ClockDataSchema = z.object({
  ticket: z.object({
    id: z.string(),
    subject: z.string().nullable(),
    severity: z.string(),
    url: z.string().describe('where a person reads the ticket'),
  }),
  customer: z.object({ id: z.string(), name: z.string() }),
  agreement: z.object({ id: z.string() }),
  target: z.object({
    metric: z.string().describe('first-response, next-response, periodic-update or resolution'),
    cycle: z.number().int(),
    target_ms: z.number().int().describe('the target, in business milliseconds'),
    due: z.string().nullable().describe('ISO 8601 instant the target falls due; null while paused'),
  }),
  business_ms_left: z
    .number()
    .int()
    .describe('business milliseconds left before the target; negative once it is late'),
  time_left: z.string().describe('the same for people, e.g. "1h 30m left" or "late by 45m"'),
  late_ms: z
    .number()
    .int()
    .nullable()
    .describe('how long after the threshold this was sent, when Upheld was not running then; else null'),
  contacts: z.array(
    z.object({ name: z.string(), email: z.string().nullable(), role: z.string().nullable() }),
  ),
})

const envelope = <T extends NotificationEvent, D extends z.ZodType>(type: T, data: D) =>
  z.object({
    type: z.literal(type),
    occurred_at: z
      .string()
      .describe('ISO 8601 instant it happened: a threshold reached, an outage, a finding, a distribution'),
    data,
  })

export const ClockWarningPayloadSchema = envelope(
  'clock.warning',
  ClockDataSchema.extend({ threshold_percent: z.number().describe('the share of the target used, e.g. 75') }),
)
export const ClockBreachedPayloadSchema = envelope('clock.breached', ClockDataSchema)
export const ClockEscalatedPayloadSchema = envelope(
  'clock.escalated',
  ClockDataSchema.extend({ level: z.number().int().describe('the escalation level reached, 1 first') }),
)

const ServiceDataSchema = z.object({
  service: z.object({ id: z.string(), name: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  agreement: z.object({ id: z.string() }),
  since: z.string().describe('ISO 8601 instant the outage began (service.down) or ended (service.up)'),
  monitors: z.array(z.string()).describe('the ids of the agreement monitors watching the service'),
  incident: z
    .object({ ticket_id: z.string(), url: z.string() })
    .nullable()
    .describe(
      'the incident ticket the outage opened (and its recovery resolves), if the agreement asks for one',
    ),
  url: z.string().describe('where a person reads the service status'),
  contacts: z.array(
    z.object({ name: z.string(), email: z.string().nullable(), role: z.string().nullable() }),
  ),
})

export const ServiceDownPayloadSchema = envelope('service.down', ServiceDataSchema)
export const ServiceUpPayloadSchema = envelope(
  'service.up',
  ServiceDataSchema.extend({
    down_ms: z.number().int().nullable().describe('how long the outage lasted, when its start is known'),
  }),
)

const ContactsSchema = z.array(
  z.object({ name: z.string(), email: z.string().nullable(), role: z.string().nullable() }),
)
const AgreementRefSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  content_hash: z.string().describe('hex SHA-256 of the version’s canonical JSON'),
})

export const AgreementFindingPayloadSchema = envelope(
  'agreement.finding',
  z.object({
    agreement: AgreementRefSchema,
    customer: z.object({ id: z.string(), name: z.string() }),
    finding: z.object({
      rule: z.string().describe('the lint rule, e.g. backup.restore-test-overdue'),
      level: z.enum(['error', 'warning']),
      path: z.string().describe('where, list items by key: spec.licenses[id=l-app].expiry'),
      message: z.string(),
      hint: z.string().nullable(),
      first_seen: z.string().describe('ISO 8601 instant the daily check first found it'),
    }),
    url: z.string().describe('where a person reads the agreement’s health list'),
    contacts: ContactsSchema.describe('the owners of the finding'),
  }),
)

export const AgreementDistributedPayloadSchema = envelope(
  'agreement.distributed',
  z.object({
    agreement: AgreementRefSchema,
    customer: z.object({ id: z.string(), name: z.string() }),
    document: z.object({
      filename: z.string(),
      sha256: z.string().describe('hex SHA-256 of the signed PDF (attached to the email)'),
      bytes: z.number().int(),
    }),
    url: z.string().describe('where a person reads the agreement'),
    contacts: ContactsSchema.describe('everyone the agreement was sent to'),
  }),
)

export const ReportReadyPayloadSchema = envelope(
  'report.ready',
  z.object({
    agreement: z.object({ id: z.string(), title: z.string() }),
    customer: z.object({ id: z.string(), name: z.string() }),
    period: z.object({
      label: z.string().describe('2026-10 or 2026-Q4'),
      start: z.string(),
      end: z.string(),
    }),
    revision: z.number().int().describe('the frozen report’s revision: 1 when the period closed'),
    targets_missed: z.number().int().describe('severity and metric goals missed in the period'),
    availability_missed: z.number().int().describe('availability objectives missed'),
    credits: z.object({ currency: z.string(), total: z.string() }).nullable(),
    url: z.string().describe('where a person reads the report'),
    contacts: z.array(
      z.object({ name: z.string(), email: z.string().nullable(), role: z.string().nullable() }),
    ),
  }),
)

export const WebhookPayloadSchema = z.discriminatedUnion('type', [
  ClockWarningPayloadSchema,
  ClockBreachedPayloadSchema,
  ClockEscalatedPayloadSchema,
  ServiceDownPayloadSchema,
  ServiceUpPayloadSchema,
  AgreementFindingPayloadSchema,
  AgreementDistributedPayloadSchema,
  ReportReadyPayloadSchema,
])
export type WebhookPayload = z.output<typeof WebhookPayloadSchema>
export type ClockPayload = Extract<WebhookPayload, { type: ClockEvent }>
export type ServicePayload = Extract<WebhookPayload, { type: `service.${string}` }>
export type AgreementPayload = Extract<WebhookPayload, { type: `agreement.${string}` }>
export type ReportPayload = Extract<WebhookPayload, { type: 'report.ready' }>
