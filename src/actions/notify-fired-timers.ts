// What fired thresholds set off: one notice each, for the contacts the clock's agreement
// version names, enqueued in the transaction that fired them, so that a threshold is told
// exactly when it is marked fired. Nothing is read when no channel is enabled.
import type { Metric } from '../domain/agreement/sections-service-levels.ts'
import type { ClockEvent } from '../domain/notifications/payloads.ts'
import { recipientsOfThreshold } from '../domain/notifications/recipients.ts'
import { clocksWithAgents, type FiredClockRow } from '../storage/clocks.ts'
import { listEnabledChannels } from '../storage/notification-channels.ts'
import { compiledVersion } from './customer-policies.ts'
import { type ClockNotice, enqueueNotifications, type NotifyDeps } from './enqueue-notification.ts'
import type { TimerFiring } from './fire-timers.ts'

const EVENT: Record<TimerFiring['kind'], ClockEvent> = {
  warning: 'clock.warning',
  breach: 'clock.breached',
  escalation: 'clock.escalated',
}

/** Enqueues the notifications of these firings in `deps.db` (the firing's transaction). */
export async function notifyFiredTimers(deps: NotifyDeps, firings: readonly TimerFiring[]): Promise<number> {
  if (firings.length === 0) return 0
  const channels = await listEnabledChannels(deps.db)
  if (channels.length === 0) return 0
  const clocks = new Map(
    (
      await clocksWithAgents(
        deps.db,
        firings.map((f) => ({
          customer_id: f.customerId,
          ticket_id: f.ticketId,
          agreement_id: f.agreementId,
          metric: f.metric,
          cycle: f.cycle,
        })),
      )
    ).map((c) => [clockKey(c.customer_id, c.ticket_id, c.agreement_id, c.metric, c.cycle), c]),
  )
  const notices: ClockNotice[] = []
  for (const firing of firings) {
    const clock = clocks.get(
      clockKey(firing.customerId, firing.ticketId, firing.agreementId, firing.metric, firing.cycle),
    )
    // A clock replaced since its timer was claimed leaves nothing to tell.
    if (clock) notices.push(await noticeOf(deps, firing, clock))
  }
  return enqueueNotifications(deps, notices, channels)
}

async function noticeOf(deps: NotifyDeps, firing: TimerFiring, clock: FiredClockRow): Promise<ClockNotice> {
  const compiled = await compiledVersion(deps.db, clock.version)
  const rule = compiled?.policy.target(clock.severity, firing.metric as Metric)
  const firedAt = firing.firedAt.getTime()
  const reachedAt = firing.dueAt.getTime()
  const targetMs = Number(clock.target_ms)
  const contacts = compiled
    ? recipientsOfThreshold(
        compiled.agreement,
        { kind: firing.kind, level: firing.level, percent: firing.percent, at: firedAt },
        { agent: clock.agent, calendars: compiled.policy.calendars, targetCalendar: rule?.calendar },
      )
    : []
  return {
    event: EVENT[firing.kind],
    customerId: firing.customerId,
    ticketId: firing.ticketId,
    agreementId: firing.agreementId,
    metric: firing.metric,
    cycle: firing.cycle,
    severity: firing.severity,
    targetMs,
    due: clock.due?.getTime() ?? null,
    remainingMs: remainingAt(firedAt, clock, rule?.calendar, targetMs, firing.percent),
    at: reachedAt,
    lateMs: firing.lateMs,
    ...(firing.kind === 'warning' ? { thresholdPercent: Number(firing.percent) } : {}),
    ...(firing.kind === 'escalation' ? { level: firing.level } : {}),
    contacts,
  }
}

/**
 * Business time left before the target when the notice is sent: measured on the target's
 * calendar up to the due instant (so a notice sent late says how late it really is), else
 * the threshold's share of the target.
 */
function remainingAt(
  at: number,
  clock: FiredClockRow,
  calendar: { between(a: number, b: number): number } | undefined,
  targetMs: number,
  percent: string,
): number {
  if (calendar && clock.due) return calendar.between(at, clock.due.getTime())
  return Math.round((targetMs * (100 - Number(percent))) / 100)
}

const clockKey = (...parts: (string | number)[]) => parts.join('\u0000')
