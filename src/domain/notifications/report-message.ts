// The email (and webhook payload) that carries a closed period's report to the contacts the
// agreement names under `reporting.to`: the headline figures in the body, the link, and the
// report itself as attachments where the channel takes them.
import type { Report } from '../reports/report-schema.ts'
import { escapeHtml, type NotificationContact } from './message.ts'
import type { ReportPayload } from './payloads.ts'

export type ReportFacts = {
  report: Report
  title: string
  customerName: string
  revision: number
  contacts: readonly NotificationContact[]
  baseUrl: string
}

export function reportUrl(baseUrl: string, agreementId: string, period: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/agreements/${encodeURIComponent(agreementId)}/reports/${period}`
}

export function buildReportMessage(f: ReportFacts) {
  const r = f.report
  const url = reportUrl(f.baseUrl, r.agreement, r.period.label)
  const goals = r.targets.filter((t) => t.goal_met !== null)
  const missed = goals.filter((t) => t.goal_met === false)
  const objectives = r.availability.filter((a) => a.met !== null)
  const availabilityMissed = objectives.filter((a) => a.met === false)
  const credits = r.credits ? `${r.credits.total} ${r.credits.currency}` : null
  const subject = `[${f.customerName}] ${f.title}: report for ${r.period.label}`
  const lines = [
    `Targets: ${goals.length - missed.length} of ${goals.length} goals met`,
    ...missed.map(
      (t) => `  missed: ${t.severity} ${t.metric.replaceAll('_', ' ')} ${t.compliance}% (goal ${t.goal}%)`,
    ),
    `Availability: ${objectives.length - availabilityMissed.length} of ${objectives.length} objectives met`,
    ...r.availability.map(
      (a) => `  ${a.id}: ${a.uptime === null ? 'no data' : `${a.uptime}%`} (target ${a.target}%)`,
    ),
    ...(credits ? [`Service credits owed: ${credits}`] : []),
  ]
  const text = `The ${r.period.label} report of ${f.title} for ${f.customerName} is ready.\n\n${lines.join('\n')}\n\n${url}\n`
  const html = [
    `<p>The <strong>${escapeHtml(r.period.label)}</strong> report of ${escapeHtml(f.title)} for ${escapeHtml(f.customerName)} is ready.</p>`,
    `<pre>${escapeHtml(lines.join('\n'))}</pre>`,
    `<p><a href="${escapeHtml(url)}">Open the report</a></p>`,
  ].join('\n')
  const webhookPayload: ReportPayload = {
    type: 'report.ready',
    occurred_at: r.period.end,
    data: {
      agreement: { id: r.agreement, title: f.title },
      customer: { id: r.customer, name: f.customerName },
      period: { label: r.period.label, start: r.period.start, end: r.period.end },
      revision: f.revision,
      targets_missed: missed.length,
      availability_missed: availabilityMissed.length,
      credits: r.credits ? { currency: r.credits.currency, total: r.credits.total } : null,
      url,
      contacts: f.contacts.map((c) => ({ name: c.name, email: c.email ?? null, role: c.role ?? null })),
    },
  }
  return { subject, text, html, webhookPayload }
}
