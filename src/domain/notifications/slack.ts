// The Slack incoming-webhook form of a notification: `text` for clients that show only that
// (and for the notification banner), and `blocks` for the message itself. Any chat tool that
// accepts Slack-compatible incoming webhooks (Mattermost, Rocket.Chat) reads the same body.
import type {
  AgreementPayload,
  ClockPayload,
  ReportPayload,
  ServicePayload,
  WebhookPayload,
} from './payloads.ts'

export type SlackMessage = { text: string; blocks: unknown[] }

const field = (label: string, value: string) => ({
  type: 'mrkdwn',
  text: `*${label}*\n${escapeSlack(value)}`,
})

export function slackMessage(subject: string, payload: WebhookPayload): SlackMessage {
  if (payload.type === 'report.ready') return reportMessage(subject, payload)
  if (payload.type.startsWith('agreement.')) return agreementMessage(subject, payload as AgreementPayload)
  return payload.type.startsWith('service.')
    ? serviceMessage(subject, payload as ServicePayload)
    : clockMessage(subject, payload as ClockPayload)
}

/** Every message has one shape: the subject in bold, the event's fields, then its links. */
function card(subject: string, fields: [string, string][], links: string): SlackMessage {
  return {
    text: subject,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(subject)}*` } },
      { type: 'section', fields: fields.map(([label, value]) => field(label, value)) },
      { type: 'section', text: { type: 'mrkdwn', text: links } },
    ],
  }
}

const link = (url: string, label: string) => `<${url}|${escapeSlack(label)}>`

function reportMessage(subject: string, payload: ReportPayload): SlackMessage {
  const d = payload.data
  return card(
    subject,
    [
      ['Goals missed', String(d.targets_missed)],
      ['Objectives missed', String(d.availability_missed)],
      ['Credits owed', d.credits ? `${d.credits.total} ${d.credits.currency}` : 'none'],
    ],
    link(d.url, `Open the ${d.period.label} report`),
  )
}

function agreementMessage(subject: string, payload: AgreementPayload): SlackMessage {
  const d = payload.data
  const detail: [string, string] =
    payload.type === 'agreement.finding'
      ? ['Finding', `${payload.data.finding.message} [${payload.data.finding.rule}]`]
      : ['Sent to', payload.data.contacts.map((c) => c.name).join(', ')]
  return card(
    subject,
    [
      ['Agreement', `${d.agreement.title} (version ${d.agreement.version})`],
      ['Customer', d.customer.name],
      detail,
    ],
    link(d.url, `Open ${d.agreement.id}`),
  )
}

function serviceMessage(subject: string, payload: ServicePayload): SlackMessage {
  const d = payload.data
  const incident = d.incident ? [link(d.incident.url, `Incident ${d.incident.ticket_id}`)] : []
  return card(
    subject,
    [
      ['Service', d.service.name],
      ['Customer', d.customer.name],
      [payload.type === 'service.down' ? 'Down since' : 'Up since', d.since],
    ],
    [link(d.url, 'Status'), ...incident].join(' · '),
  )
}

function clockMessage(subject: string, payload: ClockPayload): SlackMessage {
  const d = payload.data
  return card(
    subject,
    [
      ['Ticket', d.ticket.subject ? `${d.ticket.id} — ${d.ticket.subject}` : d.ticket.id],
      ['Customer', d.customer.name],
      ['Target', `${d.target.metric} (${d.ticket.severity})`],
      ['Business time', d.time_left],
    ],
    link(d.ticket.url, `Open ${d.ticket.id}`),
  )
}

// Slack's mrkdwn treats these three as control characters.
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
