// Clock events become notifications in the outbox, in the caller's transaction: the timer
// that fired and the notifications it caused commit together or not at all. Each enabled
// channel gets one row per recipient (an email channel: the agreement's contacts named for
// this event and the channel's own `to`; a webhook or Slack channel: its URL). Delivery is
// the worker's job (jobs/deliver-notifications.ts).
import { randomUUID } from 'node:crypto'
import { idempotencyKey } from '../domain/notifications/idempotency-key.ts'
import { buildNotificationMessage, type NotificationContact } from '../domain/notifications/message.ts'
import type { ClockEvent, NotificationEvent, WebhookPayload } from '../domain/notifications/payloads.ts'
import type { Db } from '../storage/db.ts'
import { type ChannelRow, listEnabledChannels } from '../storage/notification-channels.ts'
import { insertNotifications, type NewNotification } from '../storage/notifications.ts'
import type { AttachmentRef } from './send-notification.ts'

export type NotifyDeps = { db: Db; now: () => number; baseUrl: string }

/** One clock reaching one threshold. */
export type ClockNotice = {
  event: ClockEvent
  customerId: string
  ticketId: string
  agreementId: string
  metric: string
  cycle: number
  severity: string
  targetMs: number
  due: number | null
  /** Business milliseconds left before the target when it fired; negative once late. */
  remainingMs: number
  /** When the threshold was reached. */
  at: number
  thresholdPercent?: number
  level?: number
  /** How late the threshold is told (the worker was down), in ms; null or absent: on time. */
  lateMs?: number | null
  /**
   * The agreement's contacts for this event (the escalation level's, or the service desk),
   * each with the instant before which it is not to be emailed (its office hours), if any.
   */
  contacts: readonly (NotificationContact & { notBefore?: number | null })[]
}

/** The notifications of these notices, enqueued once each however often called; returns how many were new. */
export async function enqueueNotifications(
  deps: NotifyDeps,
  notices: readonly ClockNotice[],
  /** The enabled channels, when the caller has them already. */
  enabled?: readonly ChannelRow[],
): Promise<number> {
  if (notices.length === 0) return 0
  const channels = enabled ?? (await listEnabledChannels(deps.db))
  if (channels.length === 0) return 0
  const names = await namesOf(deps.db, notices)
  const now = new Date(deps.now())
  const rows = notices.flatMap((notice) => rowsOf(deps.baseUrl, notice, names, channels, now))
  return insertNotifications(deps.db, rows)
}

type Names = { customers: Map<string, string>; subjects: Map<string, string | null> }

async function namesOf(db: Db, notices: readonly ClockNotice[]): Promise<Names> {
  const keys = JSON.stringify(notices.map((n) => ({ customer_id: n.customerId, ticket_id: n.ticketId })))
  const rows = await db.query<{
    customer_id: string
    ticket_id: string
    name: string | null
    subject: string | null
  }>(
    `select k.customer_id, k.ticket_id, o.name, t.subject
       from jsonb_to_recordset($1::jsonb) as k(customer_id text, ticket_id text)
       left join organisations o on o.id = k.customer_id
       left join tickets t on t.customer_id = k.customer_id and t.id = k.ticket_id`,
    [keys],
  )
  return {
    customers: new Map(rows.map((r) => [r.customer_id, r.name ?? r.customer_id])),
    subjects: new Map(rows.map((r) => [`${r.customer_id}\u0000${r.ticket_id}`, r.subject])),
  }
}

function rowsOf(
  baseUrl: string,
  notice: ClockNotice,
  names: Names,
  channels: readonly ChannelRow[],
  now: Date,
): NewNotification[] {
  const message = buildNotificationMessage({
    event: notice.event,
    at: notice.at,
    ticket: {
      id: notice.ticketId,
      subject: names.subjects.get(`${notice.customerId}\u0000${notice.ticketId}`) ?? null,
      severity: notice.severity,
    },
    customer: { id: notice.customerId, name: names.customers.get(notice.customerId) ?? notice.customerId },
    agreementId: notice.agreementId,
    target: { metric: notice.metric, cycle: notice.cycle, targetMs: notice.targetMs, due: notice.due },
    remainingMs: notice.remainingMs,
    thresholdPercent: notice.thresholdPercent,
    level: notice.level,
    contacts: notice.contacts,
    lateMs: notice.lateMs ?? null,
    baseUrl,
  })
  const threshold = notice.level ?? notice.thresholdPercent ?? ''
  return outboxRows(
    {
      customerId: notice.customerId,
      event: notice.event,
      message,
      contacts: notice.contacts,
      key: [
        notice.event,
        notice.customerId,
        notice.ticketId,
        notice.agreementId,
        notice.metric,
        notice.cycle,
        threshold,
      ],
    },
    channels,
    now,
  )
}

/** A message built for one event, to go to every enabled channel. */
export type BuiltNotice = {
  customerId: string
  event: NotificationEvent
  message: { subject: string; text: string; html: string; webhookPayload: WebhookPayload }
  contacts: readonly (NotificationContact & { notBefore?: number | null })[]
  /** What makes the event itself unique; the channel and recipient are added. */
  key: readonly (string | number)[]
  /** Files the email carries (stored beforehand); webhooks and Slack get only the payload. */
  attachments?: readonly AttachmentRef[]
}

/** One outbox row per channel and recipient, keyed so that the same event is enqueued once. */
export function outboxRows(
  notice: BuiltNotice,
  channels: readonly ChannelRow[],
  now: Date,
): NewNotification[] {
  const { message } = notice
  return channels.flatMap((channel) =>
    recipientsOf(channel, notice, now).map(({ recipient, notBefore }) => ({
      customer_id: notice.customerId,
      id: `n_${randomUUID()}`,
      event_type: notice.event,
      channel_id: channel.id,
      recipient,
      subject: message.subject,
      payload: {
        text: message.text,
        html: message.html,
        event: message.webhookPayload,
        ...(channel.kind === 'email' && notice.attachments ? { attachments: notice.attachments } : {}),
      },
      idempotency_key: idempotencyKey([...notice.key, channel.id, recipient]),
      next_attempt_at: notBefore,
      created_at: now,
    })),
  )
}

type Addressed = { recipient: string; notBefore: Date }

/**
 * Where one channel sends a notice: a webhook or Slack channel to its URL at once (machines
 * keep no office hours); an email channel to each named contact, held until the contact's
 * hours open when the agreement asks, and to the channel's own `to` addresses at once.
 */
function recipientsOf(channel: ChannelRow, notice: Pick<BuiltNotice, 'contacts'>, now: Date): Addressed[] {
  if (channel.kind !== 'email')
    return [{ recipient: String(channel.config.url ?? channel.name), notBefore: now }]
  const always = Array.isArray(channel.config.to) ? channel.config.to.map(String) : []
  const byAddress = new Map<string, Date>()
  for (const c of notice.contacts) {
    if (!c.email) continue
    const notBefore = c.notBefore && c.notBefore > now.getTime() ? new Date(c.notBefore) : now
    const address = c.email.toLowerCase()
    const had = byAddress.get(address)
    if (!had || notBefore < had) byAddress.set(address, notBefore)
  }
  for (const a of always) byAddress.set(a.toLowerCase(), now)
  return [...byAddress].map(([recipient, notBefore]) => ({ recipient, notBefore }))
}
