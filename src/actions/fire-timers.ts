// Firing due timers: one transaction claims a batch (FOR UPDATE SKIP LOCKED, so concurrent
// workers take different rows), marks them fired, writes their firing records and enqueues
// their notifications. All of it commits or rolls back together, so a threshold is told
// exactly once or, when anything fails, left armed for the next try.
import { claimDueTimers, insertFirings, type TimerRow } from '../storage/timers.ts'
import type { Deps } from './deps.ts'
import { notifyFiredTimers } from './notify-fired-timers.ts'

export type TimerFiring = {
  customerId: string
  ticketId: string
  agreementId: string
  metric: string
  cycle: number
  kind: 'warning' | 'breach' | 'escalation'
  /** The escalation level, else the share of the target in basis points. */
  level: number
  /** The share of the target in percent ('75', '200'). */
  percent: string
  severity: string
  /** Contact ids an escalation level names. */
  notify: string[]
  dueAt: Date
  firedAt: Date
  /** How late it fired (the worker was down or busy), when beyond the tolerance; else null. */
  lateMs: number | null
  /** Unique per clock cycle and threshold: the outbox's idempotency key. */
  idempotencyKey: string
}

export type FireOptions = {
  limit: number
  toleranceMs: number
  worker: string
  /** Where the web app is served, for the links in notifications. */
  baseUrl?: string
}

export const DEFAULT_BASE_URL = 'http://127.0.0.1:3000'

export const DEFAULT_TOLERANCE_MS = 5_000

/** Fires up to `limit` timers due by `deps.now()`; returns what fired. */
export async function fireDueTimers(deps: Deps, options: FireOptions): Promise<TimerFiring[]> {
  return deps.db.transaction(async (tx) => {
    const claimed = await claimDueTimers(tx, new Date(deps.now()), options.limit, options.toleranceMs)
    await insertFirings(tx, claimed, options.worker)
    const firings = claimed.map(toFiring)
    await notifyFiredTimers({ db: tx, now: deps.now, baseUrl: options.baseUrl ?? DEFAULT_BASE_URL }, firings)
    return firings
  })
}

function toFiring(row: TimerRow): TimerFiring {
  return {
    customerId: row.customer_id,
    ticketId: row.ticket_id,
    agreementId: row.agreement_id,
    metric: row.metric,
    cycle: row.cycle,
    kind: row.kind,
    level: row.level,
    percent: row.percent,
    severity: row.severity,
    notify: row.notify,
    dueAt: row.due_at,
    firedAt: row.fired_at ?? row.due_at,
    lateMs: row.late_ms,
    idempotencyKey: [
      'timer',
      row.customer_id,
      row.ticket_id,
      row.agreement_id,
      row.metric,
      row.cycle,
      row.kind,
      row.level,
    ].join(':'),
  }
}
