// The notification outbox and its delivery log.
import type { Db } from './db.ts'

export type NotificationState = 'pending' | 'delivered' | 'failed'
export type NotificationRow = {
  customer_id: string
  id: string
  event_type: string
  channel_id: string
  recipient: string
  subject: string
  payload: Record<string, unknown>
  idempotency_key: string
  state: NotificationState
  attempts: number
  next_attempt_at: Date
  last_error: string | null
  created_at: Date
  delivered_at: Date | null
}
export type NewNotification = Pick<
  NotificationRow,
  'customer_id' | 'id' | 'event_type' | 'channel_id' | 'recipient' | 'subject' | 'payload' | 'idempotency_key'
> & { next_attempt_at: Date; created_at: Date }
export type AttemptRow = {
  customer_id: string
  notification_id: string
  attempt: number
  at: Date
  outcome: 'delivered' | 'failed'
  detail: string | null
}

/** Inserts those whose idempotency key is new; returns how many were. */
export async function insertNotifications(db: Db, rows: readonly NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0
  return db.execute(
    `insert into notifications
       (customer_id, id, event_type, channel_id, recipient, subject, payload, idempotency_key, next_attempt_at, created_at)
     select customer_id, id, event_type, channel_id, recipient, subject, payload, idempotency_key, next_attempt_at, created_at
       from jsonb_to_recordset($1::jsonb) as x(customer_id text, id text, event_type text, channel_id text,
            recipient text, subject text, payload jsonb, idempotency_key text, next_attempt_at timestamptz,
            created_at timestamptz)
     on conflict (customer_id, idempotency_key) do nothing`,
    [JSON.stringify(rows)],
  )
}

/**
 * Takes up to `limit` due notifications for this delivery loop: SKIP LOCKED lets loops run side
 * by side without waiting on each other, and pushing next_attempt_at to `leaseUntil` keeps
 * them from the other loops while this one sends (outside the transaction). A loop that dies
 * mid-send leaves them to be taken again when the lease ends: delivery is at least once.
 * `attempts` counts the claim, so each claim has its own attempt number.
 */
export async function claimDueNotifications(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<NotificationRow[]> {
  return db.query<NotificationRow>(
    `with due as (
       select customer_id, id from notifications
        where state = 'pending' and next_attempt_at <= $1
        order by next_attempt_at, id
        limit $3
        for update skip locked
     )
     update notifications n set attempts = n.attempts + 1, next_attempt_at = $2
       from due where n.customer_id = due.customer_id and n.id = due.id
     returning n.*`,
    [now, leaseUntil, limit],
  )
}

export type Outcome =
  | { outcome: 'delivered'; at: Date; detail: string }
  | { outcome: 'failed'; at: Date; detail: string; retryAt: Date | null }

/** Logs the attempt and moves the notification on, unless another loop has claimed it since. */
export async function recordAttempt(db: Db, n: NotificationRow, result: Outcome): Promise<boolean> {
  return db.transaction(async (tx) => {
    const delivered = result.outcome === 'delivered'
    const state = delivered ? 'delivered' : result.retryAt ? 'pending' : 'failed'
    const moved = await tx.execute(
      `update notifications set state = $4, last_error = $5, delivered_at = $6, next_attempt_at = coalesce($7, next_attempt_at)
        where customer_id = $1 and id = $2 and attempts = $3 and state = 'pending'`,
      [
        n.customer_id,
        n.id,
        n.attempts,
        state,
        delivered ? null : result.detail,
        delivered ? result.at : null,
        delivered ? null : result.retryAt,
      ],
    )
    await tx.execute(
      `insert into notification_attempts (customer_id, notification_id, attempt, at, outcome, detail)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [n.customer_id, n.id, n.attempts, result.at, result.outcome, result.detail],
    )
    return moved === 1
  })
}

/** The sort key of a notification in the log, newest first. */
export type NotificationKey = { createdAt: Date; id: string; customerId: string }
export type NotificationFilter = {
  customerId?: string
  state?: NotificationState
  limit: number
  /** Only those after this one in the log (older). */
  after?: NotificationKey
}

export async function listNotifications(db: Db, filter: NotificationFilter): Promise<NotificationRow[]> {
  const after = filter.after
  return db.query<NotificationRow>(
    `select * from notifications
      where ($1::text is null or customer_id = $1) and ($2::text is null or state = $2)
        and ($4::timestamptz is null or (created_at, id, customer_id) < ($4, $5::text, $6::text))
      order by created_at desc, id desc, customer_id desc limit $3`,
    [
      filter.customerId ?? null,
      filter.state ?? null,
      filter.limit,
      after?.createdAt ?? null,
      after?.id ?? null,
      after?.customerId ?? null,
    ],
  )
}

export async function listAttempts(db: Db, notifications: readonly NotificationRow[]): Promise<AttemptRow[]> {
  if (notifications.length === 0) return []
  return db.query<AttemptRow>(
    `select a.* from notification_attempts a
       join jsonb_to_recordset($1::jsonb) as k(customer_id text, id text)
         on a.customer_id = k.customer_id and a.notification_id = k.id
      order by a.notification_id, a.attempt`,
    [JSON.stringify(notifications.map((n) => ({ customer_id: n.customer_id, id: n.id })))],
  )
}

/** When the next pending notification is due, or null when none is pending. */
export async function nextPendingAt(db: Db): Promise<Date | null> {
  const [row] = await db.query<{ at: Date | null }>(
    `select min(next_attempt_at) as at from notifications where state = 'pending'`,
  )
  return row?.at ?? null
}
