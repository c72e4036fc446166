// The delivery log: notifications, newest first, each with its attempts. Customers see only
// their own organisation's.
import {
  type AttemptRow,
  listAttempts,
  listNotifications as listNotificationRows,
  type NotificationRow,
  type NotificationState,
} from '../storage/notifications.ts'
import { customerScope } from './access.ts'
import type { Actor, Deps } from './deps.ts'

export type NotificationWithAttempts = NotificationRow & { attempt_log: AttemptRow[] }

export async function listNotifications(
  deps: Deps,
  actor: Actor,
  filter: { customer?: string; state?: NotificationState; limit?: number },
): Promise<NotificationWithAttempts[]> {
  const customerId = customerScope(actor, filter.customer)
  const rows = await listNotificationRows(deps.db, {
    customerId,
    state: filter.state,
    limit: filter.limit ?? 100,
  })
  const attempts = await listAttempts(deps.db, rows)
  return rows.map((n) => ({
    ...n,
    attempt_log: attempts.filter((a) => a.customer_id === n.customer_id && a.notification_id === n.id),
  }))
}
