// The delivery loop's step: take the due notifications, send each, log the attempt, and mark
// it delivered or try again later (30s, 1m, 2m, … up to an hour apart) until the last attempt
// fails it for good. Sends happen outside any transaction, under a lease (see
// claimDueNotifications), so that several loops share the outbox and a slow receiver holds no
// lock.
import {
  type Attachment,
  DEFAULT_SEND_TIMEOUT_MS,
  type Outgoing,
  type StoredMessage,
  sendNotification,
} from '../actions/send-notification.ts'
import type { Db } from '../storage/db.ts'
import { findAttachments } from '../storage/notification-attachments.ts'
import { type ChannelWithSecret, findChannelWithSecret } from '../storage/notification-channels.ts'
import {
  claimDueNotifications,
  type NotificationRow,
  type Outcome,
  recordAttempt,
} from '../storage/notifications.ts'

export type DeliveryDeps = {
  db: Db
  /** Sends one notification; the real senders unless a test or the composition root says otherwise. */
  send?: (
    channel: ChannelWithSecret,
    out: Outgoing,
    options: { now: number; timeoutMs: number },
  ) => Promise<string>
  timeoutMs?: number
}
export type DeliveryPolicy = { baseDelayMs: number; maxDelayMs: number; maxAttempts: number }
export type DeliveryReport = { claimed: number; delivered: number; retrying: number; failed: number }

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 8,
}

/** The wait before the next attempt, after `attempts` failed ones: base × 2^(attempts−1), capped. */
export function backoffMs(attempts: number, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1))
}

export async function deliverDue(
  deps: DeliveryDeps,
  options: { now: number; limit?: number; policy?: DeliveryPolicy },
): Promise<DeliveryReport> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS
  // The lease outlasts a send's time limit, so no other loop takes a notification still being sent.
  const leaseUntil = new Date(options.now + 2 * timeoutMs + 30_000)
  const claimed = await deps.db.transaction((tx) =>
    claimDueNotifications(tx, new Date(options.now), leaseUntil, options.limit ?? 50),
  )
  const channels = new Map<string, Promise<ChannelWithSecret | undefined>>()
  const channelOf = (id: string) => {
    if (!channels.has(id)) channels.set(id, findChannelWithSecret(deps.db, id))
    return channels.get(id)!
  }
  const outcomes = await Promise.all(
    claimed.map(async (n) =>
      deliverOne(
        deps,
        n,
        await channelOf(n.channel_id),
        options.now,
        timeoutMs,
        options.policy ?? DEFAULT_DELIVERY_POLICY,
      ),
    ),
  )
  return {
    claimed: claimed.length,
    delivered: outcomes.filter((o) => o === 'delivered').length,
    retrying: outcomes.filter((o) => o === 'retrying').length,
    failed: outcomes.filter((o) => o === 'failed').length,
  }
}

async function deliverOne(
  deps: DeliveryDeps,
  n: NotificationRow,
  channel: ChannelWithSecret | undefined,
  now: number,
  timeoutMs: number,
  policy: DeliveryPolicy,
): Promise<'delivered' | 'retrying' | 'failed'> {
  const at = new Date(now)
  let outcome: Outcome
  if (!channel || channel.disabled_at) {
    outcome = { outcome: 'failed', at, detail: 'the channel is disabled', retryAt: null }
  } else {
    try {
      const message = n.payload as StoredMessage
      const out = {
        recipient: n.recipient,
        subject: n.subject,
        message,
        idempotencyKey: n.idempotency_key,
        attachments: await attachmentsOf(deps.db, n.customer_id, message),
      }
      const detail = await (deps.send ?? sendNotification)(channel, out, { now, timeoutMs })
      outcome = { outcome: 'delivered', at, detail }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      const retryAt = n.attempts >= policy.maxAttempts ? null : new Date(now + backoffMs(n.attempts, policy))
      outcome = { outcome: 'failed', at, detail: detail.slice(0, 500), retryAt }
    }
  }
  await recordAttempt(deps.db, n, outcome)
  if (outcome.outcome === 'delivered') return 'delivered'
  return outcome.retryAt ? 'retrying' : 'failed'
}

/** The files an email carries, from the attachment store; a missing one fails the attempt. */
async function attachmentsOf(db: Db, customerId: string, message: StoredMessage): Promise<Attachment[]> {
  const refs = message.attachments ?? []
  const found = await findAttachments(
    db,
    customerId,
    refs.map((r) => r.sha256),
  )
  const stored = new Map(found.map((a) => [a.sha256, a]))
  return refs.map((ref) => {
    const file = stored.get(ref.sha256)
    if (!file) throw new Error(`the attachment ${ref.filename} (${ref.sha256}) is no longer stored`)
    return { filename: ref.filename, contentType: ref.content_type, content: file.content }
  })
}
