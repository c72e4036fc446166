// What agreement notifications say, built from plain facts: a finding of the daily health
// check told to its owner, and a signed agreement sent to the people it names (the PDF goes
// as an attachment; the message says its hash so a reader can check the copy).
import { escapeHtml, type NotificationContact } from './message.ts'
import type { AgreementPayload } from './payloads.ts'

export type AgreementFacts = {
  agreement: { id: string; version: number; title: string; contentHash: string }
  customer: { id: string; name: string }
  baseUrl: string
}
export type FindingFacts = AgreementFacts & {
  finding: { rule: string; level: 'error' | 'warning'; path: string; message: string; hint: string | null }
  firstSeen: number
  owners: readonly NotificationContact[]
}
export type DistributionFacts = AgreementFacts & {
  document: { filename: string; sha256: string; bytes: number }
  distributedAt: number
  recipients: readonly NotificationContact[]
}
export type AgreementMessage = {
  subject: string
  text: string
  html: string
  webhookPayload: AgreementPayload
}

export function agreementUrl(baseUrl: string, customerId: string, agreementId: string, page = ''): string {
  return `${baseUrl.replace(/\/+$/, '')}/agreements/${encodeURIComponent(agreementId)}${page}?customer=${encodeURIComponent(customerId)}`
}

export function buildFindingMessage(f: FindingFacts): AgreementMessage {
  const url = agreementUrl(f.baseUrl, f.customer.id, f.agreement.id, '/health')
  const subject = `[${f.customer.name}] ${f.agreement.title}: ${f.finding.message}`
  const rows: [string, string][] = [
    ['Agreement', `${f.agreement.title} (${f.agreement.id}, version ${f.agreement.version})`],
    ['Customer', f.customer.name],
    ['Rule', `${f.finding.rule} (${f.finding.level})`],
    ['Where', f.finding.path],
    ...(f.finding.hint ? [['What to do', f.finding.hint] as [string, string]] : []),
    ['First seen', new Date(f.firstSeen).toISOString()],
    ['Health list', url],
  ]
  return {
    subject: oneLine(subject),
    ...bodies(`${f.finding.message}.`, rows, url, 'Open the health list'),
    webhookPayload: {
      type: 'agreement.finding',
      occurred_at: new Date(f.firstSeen).toISOString(),
      data: {
        agreement: agreementRef(f),
        customer: f.customer,
        finding: { ...f.finding, first_seen: new Date(f.firstSeen).toISOString() },
        url,
        contacts: contactsOf(f.owners),
      },
    },
  }
}

export function buildDistributionMessage(f: DistributionFacts): AgreementMessage {
  const url = agreementUrl(f.baseUrl, f.customer.id, f.agreement.id)
  const subject = `[${f.customer.name}] Signed: ${f.agreement.title}, version ${f.agreement.version}`
  const rows: [string, string][] = [
    ['Agreement', `${f.agreement.title} (${f.agreement.id}, version ${f.agreement.version})`],
    ['Customer', f.customer.name],
    ['Content hash', `SHA-256 ${f.agreement.contentHash}`],
    ['Attached', `${f.document.filename} (SHA-256 ${f.document.sha256})`],
    ['Sent to', f.recipients.map((r) => r.name).join(', ')],
    ['Agreement online', url],
  ]
  const lead = `The signed agreement "${f.agreement.title}" is attached: keep it as your copy. Its content hash is printed on every page and on its signature page.`
  return {
    subject: oneLine(subject),
    ...bodies(lead, rows, url, 'Open the agreement'),
    webhookPayload: {
      type: 'agreement.distributed',
      occurred_at: new Date(f.distributedAt).toISOString(),
      data: {
        agreement: agreementRef(f),
        customer: f.customer,
        document: f.document,
        url,
        contacts: contactsOf(f.recipients),
      },
    },
  }
}

function bodies(lead: string, rows: [string, string][], url: string, link: string) {
  const text = `${lead}\n\n${rows.map(([k, v]) => `${`${k}:`.padEnd(18)}${v}`).join('\n')}\n`
  const html = [
    `<p>${escapeHtml(lead)}</p>`,
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(url)}">${escapeHtml(link)}</a></p>`,
  ].join('\n')
  return { text, html }
}

function agreementRef(f: AgreementFacts) {
  const { id, version, title, contentHash } = f.agreement
  return { id, version, title, content_hash: contentHash }
}

function contactsOf(contacts: readonly NotificationContact[]) {
  return contacts.map((c) => ({ name: c.name, email: c.email ?? null, role: c.role ?? null }))
}

// A subject is one header line, and a long one is cut rather than folded by every client.
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= 160 ? line : `${line.slice(0, 159)}…`
}
