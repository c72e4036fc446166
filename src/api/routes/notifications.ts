// Notification channels (admin) and the delivery log (customers see their own).
import type { z } from 'zod'
import type { Deps } from '../../actions/deps.ts'
import { listNotifications, type NotificationWithAttempts } from '../../actions/list-notifications.ts'
import {
  type ChannelView,
  createChannel,
  disableChannel,
  listChannels,
  updateChannel,
} from '../../actions/manage-notification-channels.ts'
import { testNotificationChannel } from '../../actions/test-notification-channel.ts'
import { type Route, route } from '../route.ts'
import { IdParam } from '../schemas/common.ts'
import * as S from '../schemas/notifications.ts'

const ADMIN_ONLY = { 403: { description: 'the token is not an admin’s' } }
const TAG = 'Notifications'

export function notificationRoutes(deps: Deps & { baseUrl?: string }): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/notification-channels',
      operationId: 'listNotificationChannels',
      tag: TAG,
      summary: 'List notification channels, without their secrets (admin)',
      responses: { 200: { description: 'every channel', schema: S.ChannelListSchema }, ...ADMIN_ONLY },
      handle: async (c) => c.json({ items: (await listChannels(deps, c.get('actor'))).map(presentChannel) }),
    }),
    route({
      method: 'post',
      path: '/api/notification-channels',
      operationId: 'createNotificationChannel',
      tag: TAG,
      summary: 'Add an email, webhook or Slack channel (admin)',
      description: 'The secret (SMTP password, HMAC key, Slack URL) is stored and never shown again.',
      body: { json: S.CreateChannelSchema },
      responses: {
        201: { description: 'created', schema: S.ChannelSchema },
        ...ADMIN_ONLY,
        409: { description: 'a channel with this name exists' },
      },
      handle: async (c, { body }) =>
        c.json(presentChannel(await createChannel(deps, c.get('actor'), body)), 201),
    }),
    route({
      method: 'post',
      path: '/api/notification-channels/:id',
      operationId: 'updateNotificationChannel',
      tag: TAG,
      summary: 'Change a channel’s name or settings (admin)',
      description:
        'Send the channel as when adding it, with the same kind. A secret left out (SMTP password, HMAC key, ' +
        'Slack URL) stays as stored; one sent replaces it. Secrets are never shown.',
      params: IdParam,
      body: { json: S.UpdateChannelSchema },
      responses: {
        200: { description: 'changed', schema: S.ChannelSchema },
        ...ADMIN_ONLY,
        404: { description: 'no enabled channel' },
        409: { description: 'another channel has this name' },
      },
      handle: async (c, { params, body }) =>
        c.json(presentChannel(await updateChannel(deps, c.get('actor'), params.id, body))),
    }),
    route({
      method: 'delete',
      path: '/api/notification-channels/:id',
      operationId: 'disableNotificationChannel',
      tag: TAG,
      summary: 'Disable a channel (admin)',
      description: 'It stays in the delivery log; what is still pending through it fails.',
      params: IdParam,
      responses: {
        204: { description: 'disabled' },
        ...ADMIN_ONLY,
        404: { description: 'no enabled channel' },
      },
      handle: async (c, { params }) => {
        await disableChannel(deps, c.get('actor'), params.id)
        return c.body(null, 204)
      },
    }),
    route({
      method: 'post',
      path: '/api/notification-channels/:id/test',
      operationId: 'testNotificationChannel',
      tag: TAG,
      summary: 'Send a sample notification through a channel now (admin)',
      params: IdParam,
      body: { json: S.TestSendSchema },
      responses: {
        200: { description: 'what the channel answered', schema: S.TestSendResultSchema },
        ...ADMIN_ONLY,
        404: { description: 'no enabled channel' },
      },
      handle: async (c, { params, body }) =>
        c.json(await testNotificationChannel(deps, c.get('actor'), params.id, body)),
    }),
    route({
      method: 'get',
      path: '/api/notifications',
      operationId: 'listNotifications',
      tag: TAG,
      summary: 'The delivery log: notifications and their attempts, newest first',
      description: 'Customers see only their own organisation’s. Paged: pass next_cursor back as cursor.',
      query: S.NotificationQuerySchema,
      responses: { 200: { description: 'notifications', schema: S.NotificationListSchema } },
      handle: async (c, { query }) => {
        const page = await listNotifications(deps, c.get('actor'), query)
        return c.json({ items: page.items.map(presentNotification), next_cursor: page.nextCursor })
      },
    }),
  ]
}

export function presentChannel(ch: ChannelView): z.output<typeof S.ChannelSchema> {
  return {
    id: ch.id,
    kind: ch.kind,
    name: ch.name,
    config: ch.config,
    ...(ch.secret_set ? { secret: 'set' as const } : {}),
    created_at: ch.created_at.toISOString(),
    disabled_at: ch.disabled_at?.toISOString() ?? null,
  }
}

export function presentNotification(n: NotificationWithAttempts): z.output<typeof S.NotificationSchema> {
  return {
    id: n.id,
    customer: n.customer_id,
    event: n.event_type,
    channel: n.channel_id,
    recipient: n.recipient,
    subject: n.subject,
    state: n.state,
    attempts: n.attempts,
    next_attempt_at: n.state === 'pending' ? n.next_attempt_at.toISOString() : null,
    last_error: n.last_error,
    created_at: n.created_at.toISOString(),
    delivered_at: n.delivered_at?.toISOString() ?? null,
    attempt_log: n.attempt_log.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      outcome: a.outcome,
      detail: a.detail,
    })),
  }
}
