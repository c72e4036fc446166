// Sends one notification through its channel: email over SMTP (plain text and HTML), a signed
// JSON webhook, or a Slack incoming webhook. Each send has a time limit; a failure throws, with
// a message fit for the delivery log (never a secret).
import nodemailer from 'nodemailer'
import { AppError } from '../domain/app-error.ts'
import type { WebhookPayload } from '../domain/notifications/payloads.ts'
import { SIGNATURE_HEADER, signatureHeader } from '../domain/notifications/signature.ts'
import { slackMessage } from '../domain/notifications/slack.ts'
import type { ChannelWithSecret } from '../storage/notification-channels.ts'

/** A file an email carries, by the SHA-256 of its content (kept in notification_attachments). */
export type AttachmentRef = { filename: string; content_type: string; sha256: string }
/** What the outbox keeps of a message: the email bodies, the webhook payload, and for email the files to attach. */
export type StoredMessage = {
  text: string
  html: string
  event: WebhookPayload
  attachments?: AttachmentRef[]
}
export type Attachment = { filename: string; contentType: string; content: Uint8Array }
export type Outgoing = {
  recipient: string
  subject: string
  message: StoredMessage
  idempotencyKey: string
  /** The files of `message.attachments`, loaded for sending. */
  attachments?: Attachment[]
}
export type SendOptions = { now: number; timeoutMs: number }

export const DEFAULT_SEND_TIMEOUT_MS = 15_000

/** Resolves with a short account of the delivery (e.g. the HTTP status); throws when it failed. */
export async function sendNotification(
  channel: ChannelWithSecret,
  out: Outgoing,
  options: SendOptions,
): Promise<string> {
  if (channel.kind === 'email') return sendEmail(channel, out, options.timeoutMs)
  if (channel.kind === 'slack') {
    if (!channel.secret) throw new AppError('invalid_input', `channel ${channel.name} has no Slack URL`)
    return post(
      channel.secret,
      JSON.stringify(slackMessage(out.subject, out.message.event)),
      {},
      options.timeoutMs,
    )
  }
  const body = JSON.stringify(out.message.event)
  const headers: Record<string, string> = {
    'Upheld-Event': out.message.event.type,
    'Upheld-Delivery': out.idempotencyKey,
    'Idempotency-Key': out.idempotencyKey,
  }
  if (channel.secret)
    headers[SIGNATURE_HEADER] = signatureHeader(channel.secret, Math.floor(options.now / 1000), body)
  return post(String(channel.config.url), body, headers, options.timeoutMs)
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<string> {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Upheld', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    throw new Error(`could not reach ${redactUrl(url)}: ${cause ?? (error as Error).name}`)
  }
  const text = (await response.text().catch(() => '')).slice(0, 200)
  if (!response.ok)
    throw new Error(`HTTP ${response.status} from ${redactUrl(url)}${text ? `: ${text}` : ''}`)
  return `HTTP ${response.status}`
}

async function sendEmail(channel: ChannelWithSecret, out: Outgoing, timeoutMs: number): Promise<string> {
  const c = channel.config
  const transport = nodemailer.createTransport({
    host: String(c.host),
    port: Number(c.port),
    secure: c.secure === true,
    ...(c.user ? { auth: { user: String(c.user), pass: channel.secret ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  })
  try {
    const info = await transport.sendMail({
      from: String(c.from),
      to: out.recipient,
      subject: out.subject,
      text: out.message.text,
      html: out.message.html,
      attachments: (out.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content),
      })),
      // The idempotency key as the Message-ID lets a mail system drop a second copy.
      messageId: `<${out.idempotencyKey}@upheld>`,
      headers: { 'Upheld-Event': out.message.event.type, 'Upheld-Delivery': out.idempotencyKey },
    })
    return `SMTP ${String(info.response).slice(0, 120)}`
  } catch (error) {
    throw new Error(`SMTP ${String(c.host)}:${String(c.port)}: ${(error as Error).message}`)
  } finally {
    transport.close()
  }
}

/** A URL without what may be a key: the origin, and the path's first segment. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    const first = u.pathname.split('/').filter(Boolean)[0]
    return `${u.origin}/${first ? `${first}/…` : ''}`
  } catch {
    return '(not a URL)'
  }
}
