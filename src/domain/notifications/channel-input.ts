// What an admin gives to add a channel. The secret (SMTP password, HMAC key, Slack URL) goes
// in and is never shown again: listings say only whether one is set.
import { z } from 'zod'

const Name = z.string().min(1).max(100).describe('a name to know the channel by, unique')
const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })

export const EmailChannelInputSchema = z.strictObject({
  kind: z.literal('email'),
  name: Name,
  host: z.string().min(1).describe('the SMTP server'),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z
    .boolean()
    .default(false)
    .describe('TLS from the start (port 465); otherwise STARTTLS when offered'),
  user: z.string().min(1).optional().describe('the SMTP user, when the server wants a login'),
  password: z.string().min(1).optional().describe('the SMTP password; stored, never shown'),
  from: z.string().min(3).describe('the From address, e.g. "Upheld <sla@example.com>"'),
  to: z
    .array(z.email())
    .default([])
    .describe('addresses told of every event, besides the agreement’s contacts'),
})
export const WebhookChannelInputSchema = z.strictObject({
  kind: z.literal('webhook'),
  name: Name,
  url: HttpUrl,
  secret: z
    .string()
    .min(16, 'must be at least 16 characters')
    .describe('the HMAC-SHA256 key the receiver checks Upheld-Signature with; stored, never shown'),
})
export const SlackChannelInputSchema = z.strictObject({
  kind: z.literal('slack'),
  name: Name,
  url: HttpUrl.describe('the incoming-webhook URL; its path is its key, so it is stored as a secret'),
})

export const ChannelInputSchema = z.discriminatedUnion('kind', [
  EmailChannelInputSchema,
  WebhookChannelInputSchema,
  SlackChannelInputSchema,
])
export type ChannelInput = z.input<typeof ChannelInputSchema>

/**
 * What an admin gives to change a channel: the same fields, its kind unchanged; a secret left
 * out keeps the one stored (a Slack URL, being the secret, too).
 */
export const ChannelUpdateSchema = z.discriminatedUnion('kind', [
  EmailChannelInputSchema,
  WebhookChannelInputSchema.extend({
    secret: WebhookChannelInputSchema.shape.secret.optional(),
  }),
  SlackChannelInputSchema.extend({ url: SlackChannelInputSchema.shape.url.optional() }),
])
export type ChannelUpdate = z.input<typeof ChannelUpdateSchema>
