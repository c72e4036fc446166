// The delivery log: notifications, newest first, each with its attempts, paged by an opaque
// cursor (the last notification of the previous page). Customers see only their own
// organisation's.
import {
  type AttemptRow,
  listAttempts,
  listNotifications as listNotificationRows,
  type NotificationRow,
  type NotificationState,
} from '../storage/notifications.ts'
import { customerScope } from './access.ts'
import { readCursor, writeCursor } from './cursor.ts'
import type { Actor, Deps } from './deps.ts'

export type NotificationWithAttempts = NotificationRow & { attempt_log: AttemptRow[] }
export type NotificationPage = { items: NotificationWithAttempts[]; nextCursor: string | null }

export async function listNotifications(
  deps: Deps,
  actor: Actor,
  filter: { customer?: string; state?: NotificationState; limit?: number; cursor?: string },
): Promise<NotificationPage> {
  const customerId = customerScope(actor, filter.customer)
  const limit = filter.limit ?? 100
  const found = await listNotificationRows(deps.db, {
    customerId,
    state: filter.state,
    limit: limit + 1,
    after: afterNotification(filter.cursor),
  })
  const rows = found.slice(0, limit)
  const attempts = await listAttempts(deps.db, rows)
  const last = rows.at(-1)
  return {
    items: rows.map((n) => ({
      ...n,
      attempt_log: attempts.filter((a) => a.customer_id === n.customer_id && a.notification_id === n.id),
    })),
    nextCursor:
      found.length > limit && last
        ? writeCursor([last.created_at.toISOString(), last.id, last.customer_id])
        : null,
  }
}

const isNotificationKey = (key: unknown[]): key is [string, string, string] =>
  key.length === 3 && key.every((k) => typeof k === 'string') && !Number.isNaN(Date.parse(key[0] as string))

function afterNotification(cursor: string | undefined) {
  if (cursor === undefined) return undefined
  const [createdAt, id, customerId] = readCursor(cursor, isNotificationKey)
  return { createdAt: new Date(createdAt), id, customerId }
}
