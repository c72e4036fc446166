// Ticket words: metric and status names, durations as an agent reads them, severity tones.

import { wordsOf } from '../../components/words.ts'

export { metricName as metricLabel, plural } from '../../components/words.ts'

const STATUSES: Record<string, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
  reopened: 'Reopened',
}
/** What staff may set from the ticket page, in the order they are offered. */
export const STATUS_CHOICES = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed']
export const CLOSED_STATUSES = new Set(['resolved', 'closed'])

export function statusLabel(status: string): string {
  return STATUSES[status] ?? wordsOf(status)
}

export function statusTone(status: string): 'ok' | 'paused' | 'neutral' | 'warn' {
  if (CLOSED_STATUSES.has(status)) return 'ok'
  if (status === 'waiting_on_customer') return 'paused'
  if (status === 'reopened') return 'warn'
  return 'neutral'
}

/** `75` → `75%`; `200` → `200%` (twice the target). */
export const percent = (p: string) => `${p}%`

/** How a clock stands: breached, under a quarter of its target left, or on track. */
export function urgency(remaining: number, target: number, breached: boolean): 'bad' | 'warn' | 'ok' {
  if (breached || remaining <= 0) return 'bad'
  return remaining < target / 4 ? 'warn' : 'ok'
}

/**
 * Business time as an agent reads it, where hours stay hours (40 business hours are not
 * "1d 16h"): `38h`, `38h 5m`, and under an hour `59m` (or `59m 12s` with `seconds`, for a
 * countdown, which also keeps `38h 0m`).
 */
export function businessDuration(ms: number, { seconds = false }: { seconds?: boolean } = {}): string {
  const sign = ms < 0 ? '−' : ''
  const abs = Math.abs(ms)
  const h = Math.floor(abs / 3_600_000)
  const m = Math.floor((abs % 3_600_000) / 60_000)
  const s = Math.floor((abs % 60_000) / 1_000)
  if (h > 0) return m > 0 || seconds ? `${sign}${h}h ${m}m` : `${sign}${h}h`
  return seconds ? `${sign}${m}m ${s}s` : `${sign}${m}m`
}
