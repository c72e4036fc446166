// What a clock notification says, built once from plain facts: the subject, a plain-text and
// an HTML body for email, and the webhook payload. No I/O; times come in as arguments.
import { formatDuration } from '../duration.ts'
import type { ClockEvent, ClockPayload } from './payloads.ts'

export type NotificationContact = { name: string; email?: string | null; role?: string | null }

/** The agreement's contacts these ids name, as notifications address them; unknown ids are skipped. */
export function namedContacts(
  contacts: readonly { id: string; name: string; email?: string; role: string }[] | undefined,
  ids: readonly string[],
): NotificationContact[] {
  const byId = new Map((contacts ?? []).map((c) => [c.id, c]))
  return ids.flatMap((id) => {
    const c = byId.get(id)
    return c ? [{ name: c.name, email: c.email ?? null, role: c.role }] : []
  })
}

export type NotificationFacts = {
  event: ClockEvent
  /** When the threshold was reached (epoch ms). */
  at: number
  ticket: { id: string; subject: string | null; severity: string }
  customer: { id: string; name: string }
  agreementId: string
  target: { metric: string; cycle: number; targetMs: number; due: number | null }
  /** Business milliseconds left before the target; negative once late. */
  remainingMs: number
  /** For warnings: the share of the target used, in percent. */
  thresholdPercent?: number
  /** For escalations: the level reached. */
  level?: number
  contacts: readonly NotificationContact[]
  /** How late this is told (Upheld was down when the threshold was reached); null: on time. */
  lateMs?: number | null
  /** Where the web app is served, e.g. https://sla.example.com */
  baseUrl: string
}

export type NotificationMessage = {
  subject: string
  text: string
  html: string
  webhookPayload: ClockPayload
}

const MINUTE = 60_000

/** "1h 30m left" or "late by 45m", in business time, to the minute as people read it. */
export function describeTimeLeft(remainingMs: number): string {
  const minutes = Math.floor(Math.abs(remainingMs) / MINUTE) * MINUTE
  const amount = minutes === 0 ? 'under 1m' : formatDuration(minutes)
  return remainingMs >= 0 ? `${amount} left` : `late by ${amount}`
}

export function ticketUrl(baseUrl: string, customerId: string, ticketId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/tickets/${encodeURIComponent(ticketId)}?customer=${encodeURIComponent(customerId)}`
}

function headline(f: NotificationFacts): string {
  const metric = f.target.metric.replaceAll(/[-_]/g, ' ')
  if (f.event === 'clock.warning') return `${metric} target ${f.thresholdPercent ?? '?'}% used`
  if (f.event === 'clock.breached') return `${metric} target breached`
  return `${metric} escalated to level ${f.level ?? '?'}`
}

export function buildNotificationMessage(f: NotificationFacts): NotificationMessage {
  const url = ticketUrl(f.baseUrl, f.customer.id, f.ticket.id)
  const timeLeft = describeTimeLeft(f.remainingMs)
  const late = f.lateMs
    ? `sent ${formatDuration(Math.max(MINUTE, Math.floor(f.lateMs / MINUTE) * MINUTE))} late`
    : null
  const subject = `[${f.ticket.severity}] ${f.ticket.id} (${f.customer.name}): ${headline(f)}, ${timeLeft}${late ? ` (${late})` : ''}`
  const due = f.target.due === null ? null : new Date(f.target.due).toISOString()
  const rows: [string, string][] = [
    ['Ticket', `${f.ticket.id}${f.ticket.subject ? ` — ${f.ticket.subject}` : ''}`],
    ['Customer', `${f.customer.name} (${f.customer.id})`],
    ['Severity', f.ticket.severity],
    ['Agreement', f.agreementId],
    ['Target', `${f.target.metric} within ${formatDuration(f.target.targetMs)} of business time`],
    ['Due', due ?? 'paused'],
    ['Business time', timeLeft],
    ...(late
      ? [
          [
            'Sent late',
            `${late}: reached at ${new Date(f.at).toISOString()}, while Upheld was not running`,
          ] as [string, string],
        ]
      : []),
    ...(f.contacts.length > 0
      ? [['Contacts', f.contacts.map(contactLine).join(', ')] as [string, string]]
      : []),
    ['Link', url],
  ]
  const text = `${headline(f)}: ${timeLeft}.\n\n${rows.map(([k, v]) => `${`${k}:`.padEnd(15)}${v}`).join('\n')}\n`
  const html = [
    `<p><strong>${escapeHtml(headline(f))}</strong>: ${escapeHtml(timeLeft)}.</p>`,
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${cellHtml(k, v)}</td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(url)}">Open ${escapeHtml(f.ticket.id)}</a></p>`,
  ].join('\n')
  return { subject, text, html, webhookPayload: webhookPayload(f, url, timeLeft, due) }
}

function webhookPayload(
  f: NotificationFacts,
  url: string,
  timeLeft: string,
  due: string | null,
): ClockPayload {
  const data = {
    ticket: { id: f.ticket.id, subject: f.ticket.subject, severity: f.ticket.severity, url },
    customer: f.customer,
    agreement: { id: f.agreementId },
    target: { metric: f.target.metric, cycle: f.target.cycle, target_ms: f.target.targetMs, due },
    business_ms_left: f.remainingMs,
    time_left: timeLeft,
    late_ms: f.lateMs ?? null,
    contacts: f.contacts.map((c) => ({ name: c.name, email: c.email ?? null, role: c.role ?? null })),
  }
  const occurred_at = new Date(f.at).toISOString()
  if (f.event === 'clock.warning')
    return { type: f.event, occurred_at, data: { ...data, threshold_percent: f.thresholdPercent ?? 0 } }
  if (f.event === 'clock.escalated')
    return { type: f.event, occurred_at, data: { ...data, level: f.level ?? 0 } }
  return { type: f.event, occurred_at, data }
}

function contactLine(c: NotificationContact): string {
  return c.email ? `${c.name} <${c.email}>` : c.name
}

function cellHtml(key: string, value: string): string {
  return key === 'Link' ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>` : escapeHtml(value)
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}
