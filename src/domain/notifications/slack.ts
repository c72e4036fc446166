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

function reportMessage(subject: string, payload: ReportPayload): SlackMessage {
  const d = payload.data
  return {
    text: subject,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(subject)}*` } },
      {
        type: 'section',
        fields: [
          field('Goals missed', String(d.targets_missed)),
          field('Objectives missed', String(d.availability_missed)),
          field('Credits owed', d.credits ? `${d.credits.total} ${d.credits.currency}` : 'none'),
        ],
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `<${d.url}|Open the ${escapeSlack(d.period.label)} report>` },
      },
    ],
  }
}

function agreementMessage(subject: string, payload: AgreementPayload): SlackMessage {
  const d = payload.data
  const detail =
    payload.type === 'agreement.finding'
      ? field('Finding', `${payload.data.finding.message} [${payload.data.finding.rule}]`)
      : field('Sent to', payload.data.contacts.map((c) => c.name).join(', '))
  return {
    text: subject,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(subject)}*` } },
      {
        type: 'section',
        fields: [
          field('Agreement', `${d.agreement.title} (version ${d.agreement.version})`),
          field('Customer', d.customer.name),
          detail,
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: `<${d.url}|Open ${escapeSlack(d.agreement.id)}>` } },
    ],
  }
}

function serviceMessage(subject: string, payload: ServicePayload): SlackMessage {
  const d = payload.data
  const incident = d.incident ? [`<${d.incident.url}|Incident ${escapeSlack(d.incident.ticket_id)}>`] : []
  return {
    text: subject,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(subject)}*` } },
      {
        type: 'section',
        fields: [
          field('Service', d.service.name),
          field('Customer', d.customer.name),
          field(payload.type === 'service.down' ? 'Down since' : 'Up since', d.since),
        ],
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: [`<${d.url}|Status>`, ...incident].join(' · ') },
      },
    ],
  }
}

function clockMessage(subject: string, payload: ClockPayload): SlackMessage {
  const d = payload.data
  return {
    text: subject,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(subject)}*` } },
      {
        type: 'section',
        fields: [
          field('Ticket', d.ticket.subject ? `${d.ticket.id} — ${d.ticket.subject}` : d.ticket.id),
          field('Customer', d.customer.name),
          field('Target', `${d.target.metric} (${d.ticket.severity})`),
          field('Business time', d.time_left),
        ],
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `<${d.ticket.url}|Open ${escapeSlack(d.ticket.id)}>` },
      },
    ],
  }
}

// Slack's mrkdwn treats these three as control characters.
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
