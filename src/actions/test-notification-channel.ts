// An admin's test send: a sample warning through the channel, now, outside the outbox, to
// see that the settings work. The outcome is the answer; nothing is stored.
import { AppError } from '../domain/app-error.ts'
import { buildNotificationMessage } from '../domain/notifications/message.ts'
import { findChannelWithSecret } from '../storage/notification-channels.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'
import { DEFAULT_SEND_TIMEOUT_MS, sendNotification } from './send-notification.ts'

export type TestSendResult = { delivered: boolean; detail: string }

export async function testNotificationChannel(
  deps: Deps & { baseUrl?: string },
  actor: Actor,
  id: string,
  input: { to?: string },
): Promise<TestSendResult> {
  requireRole(actor, 'admin')
  const channel = await findChannelWithSecret(deps.db, id)
  if (!channel || channel.disabled_at) throw new AppError('not_found', `no enabled channel "${id}"`)
  const configured = Array.isArray(channel.config.to) ? channel.config.to.map(String) : []
  const recipient = channel.kind === 'email' ? (input.to ?? configured[0]) : String(channel.config.url)
  if (!recipient)
    throw new AppError('invalid_input', 'say whom to send the test email to', [
      { path: ['to'], message: 'required for an email channel without a `to` list' },
    ])
  const now = deps.now()
  const message = buildNotificationMessage({
    event: 'clock.warning',
    at: now,
    ticket: { id: 'TEST-1', subject: 'A test notification from Upheld', severity: 'P3' },
    customer: { id: 'example', name: 'Example customer' },
    agreementId: 'example-sla',
    target: { metric: 'first-response', cycle: 1, targetMs: 4 * 3_600_000, due: now + 3_600_000 },
    remainingMs: 3_600_000,
    thresholdPercent: 75,
    contacts: [],
    baseUrl: deps.baseUrl ?? 'http://127.0.0.1:3000',
  })
  try {
    const detail = await sendNotification(
      channel,
      {
        recipient,
        subject: `[test] ${message.subject}`,
        message: { text: message.text, html: message.html, event: message.webhookPayload },
        idempotencyKey: `test_${now}`,
      },
      { now, timeoutMs: DEFAULT_SEND_TIMEOUT_MS },
    )
    return { delivered: true, detail }
  } catch (error) {
    return { delivered: false, detail: error instanceof Error ? error.message : String(error) }
  }
}
