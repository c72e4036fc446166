// Clock events become notifications in the outbox, in the caller's transaction: the timer
// that fired and the notifications it caused commit together or not at all. Each enabled
// channel gets one row per recipient (an email channel: the agreement's contacts named for
// this event and the channel's own `to`; a webhook or Slack channel: its URL). Delivery is
// the worker's job (jobs/deliver-notifications.ts).
import { randomUUID } from 'node:crypto'
import { idempotencyKey } from '../domain/notifications/idempotency-key.ts'
import { buildNotificationMessage, type NotificationContact } from '../domain/notifications/message.ts'
import type { NotificationEvent } from '../domain/notifications/payloads.ts'
import type { Db } from '../storage/db.ts'
import { type ChannelRow, listEnabledChannels } from '../storage/notification-channels.ts'
import { insertNotifications, type NewNotification } from '../storage/notifications.ts'

export type NotifyDeps = { db: Db; now: () => number; baseUrl: string }

/** One clock reaching one threshold. */
export type ClockNotice = {
  event: NotificationEvent
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
  /** The agreement's contacts for this event (the escalation level's, or the service desk). */
  contacts: readonly NotificationContact[]
}

/** The notifications of these notices, enqueued once each however often called; returns how many were new. */
export async function enqueueNotifications(
  deps: NotifyDeps,
  notices: readonly ClockNotice[],
): Promise<number> {
  if (notices.length === 0) return 0
  const channels = await listEnabledChannels(deps.db)
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
    baseUrl,
  })
  const which = [
    notice.event,
    notice.customerId,
    notice.ticketId,
    notice.agreementId,
    notice.metric,
    notice.cycle,
  ]
  const threshold = notice.level ?? notice.thresholdPercent ?? ''
  return channels.flatMap((channel) =>
    recipientsOf(channel, notice).map((recipient) => ({
      customer_id: notice.customerId,
      id: `n_${randomUUID()}`,
      event_type: notice.event,
      channel_id: channel.id,
      recipient,
      subject: message.subject,
      payload: { text: message.text, html: message.html, event: message.webhookPayload },
      idempotency_key: idempotencyKey([...which, threshold, channel.id, recipient]),
      next_attempt_at: now,
    })),
  )
}

function recipientsOf(channel: ChannelRow, notice: ClockNotice): string[] {
  if (channel.kind !== 'email') return [String(channel.config.url ?? channel.name)]
  const always = Array.isArray(channel.config.to) ? channel.config.to.map(String) : []
  const named = notice.contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : []))
  return [...new Set([...named, ...always.map((a) => a.toLowerCase())])]
}
