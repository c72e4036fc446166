// What a service transition says (an outage confirmed, or its recovery), built from plain
// facts: subject, plain text and HTML for email, and the webhook payload.
import { formatDuration } from '../duration.ts'
import { escapeHtml, type NotificationContact, ticketUrl } from './message.ts'
import type { ServicePayload } from './payloads.ts'

export type ServiceFacts = {
  event: 'service.down' | 'service.up'
  /** When the outage began (down) or ended (up). */
  since: number
  service: { id: string; name: string }
  customer: { id: string; name: string }
  agreementId: string
  monitors: readonly string[]
  /** The incident ticket the outage opened, if the agreement asks for one. */
  incidentTicket: string | null
  /** For a recovery: how long the outage lasted, when its start is known. */
  downMs: number | null
  contacts: readonly NotificationContact[]
  baseUrl: string
}

export type ServiceMessage = { subject: string; text: string; html: string; webhookPayload: ServicePayload }

export function serviceUrl(baseUrl: string, customerId: string, serviceId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/services/${encodeURIComponent(serviceId)}?customer=${encodeURIComponent(customerId)}`
}

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`

export function buildServiceMessage(f: ServiceFacts): ServiceMessage {
  const url = serviceUrl(f.baseUrl, f.customer.id, f.service.id)
  const since = new Date(f.since).toISOString()
  const incidentUrl = f.incidentTicket ? ticketUrl(f.baseUrl, f.customer.id, f.incidentTicket) : null
  const what =
    f.event === 'service.down'
      ? `is down since ${minute(since)}`
      : `is up again${f.downMs === null ? '' : ` after ${formatDuration(Math.max(1000, f.downMs - (f.downMs % 1000)))}`}`
  const subject = `[${f.customer.name}] ${f.service.name} (${f.service.id}) ${what}`
  const rows: [string, string][] = [
    ['Service', `${f.service.name} (${f.service.id})`],
    ['Customer', `${f.customer.name} (${f.customer.id})`],
    ['Agreement', f.agreementId],
    [f.event === 'service.down' ? 'Down since' : 'Up since', since],
    ...(f.monitors.length > 0 ? [['Monitors', f.monitors.join(', ')] as [string, string]] : []),
    ...(f.incidentTicket && incidentUrl
      ? [['Incident', `${f.incidentTicket}: ${incidentUrl}`] as [string, string]]
      : []),
    ['Status', url],
  ]
  const text = `${f.service.name} ${what}.\n\n${rows.map(([k, v]) => `${`${k}:`.padEnd(12)}${v}`).join('\n')}\n`
  const html = [
    `<p><strong>${escapeHtml(f.service.name)}</strong> ${escapeHtml(what)}.</p>`,
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(url)}">Open the status of ${escapeHtml(f.service.name)}</a></p>`,
  ].join('\n')
  const data = {
    service: f.service,
    customer: f.customer,
    agreement: { id: f.agreementId },
    since,
    monitors: [...f.monitors],
    incident: f.incidentTicket && incidentUrl ? { ticket_id: f.incidentTicket, url: incidentUrl } : null,
    url,
    contacts: f.contacts.map((c) => ({ name: c.name, email: c.email ?? null, role: c.role ?? null })),
  }
  const webhookPayload: ServicePayload =
    f.event === 'service.down'
      ? { type: 'service.down', occurred_at: since, data }
      : { type: 'service.up', occurred_at: since, data: { ...data, down_ms: f.downMs } }
  return { subject, text, html, webhookPayload }
}
