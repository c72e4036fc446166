import { z } from 'zod'
import { ChannelInputSchema, ChannelUpdateSchema } from '../../domain/notifications/channel-input.ts'
import { named, PageQuery } from './common.ts'

export const CreateChannelSchema = ChannelInputSchema
export const UpdateChannelSchema = ChannelUpdateSchema

export const ChannelSchema = named(
  'NotificationChannel',
  z.object({
    id: z.string(),
    kind: z.enum(['email', 'webhook', 'slack']),
    name: z.string(),
    config: z
      .record(z.string(), z.unknown())
      .describe('SMTP host, port, secure, user, from, to; a webhook URL'),
    secret: z.literal('set').optional().describe('"set" when a secret is stored; the secret is never shown'),
    created_at: z.string(),
    disabled_at: z.string().nullable(),
  }),
  'A notification channel, without its secret.',
)
export const ChannelListSchema = named('NotificationChannelList', z.object({ items: z.array(ChannelSchema) }))

export const TestSendSchema = z.strictObject({
  to: z.email().optional().describe('for an email channel: whom to send the test to'),
})
export const TestSendResultSchema = named(
  'TestSendResult',
  z.object({ delivered: z.boolean(), detail: z.string() }),
  'What the channel answered to a test message.',
)

const STATES = ['pending', 'delivered', 'failed'] as const

export const NotificationQuerySchema = z.object({
  state: z.enum(STATES).optional().describe('only notifications in this state'),
  customer: z.string().min(1).optional().describe("only this customer's (staff)"),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('at most this many, newest first'),
  cursor: PageQuery.cursor,
})

export const NotificationSchema = named(
  'Notification',
  z.object({
    id: z.string(),
    customer: z.string(),
    event: z.string(),
    channel: z.string(),
    recipient: z.string(),
    subject: z.string(),
    state: z.enum(STATES),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable().describe('when it is tried next; null once delivered or failed'),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
    attempt_log: z.array(
      z.object({
        attempt: z.number().int(),
        at: z.string(),
        outcome: z.enum(['delivered', 'failed']),
        detail: z.string().nullable(),
      }),
    ),
  }),
  'A notification in the outbox, with every delivery attempt.',
)
export const NotificationListSchema = named(
  'NotificationList',
  z.object({ items: z.array(NotificationSchema), next_cursor: z.string().nullable() }),
)
