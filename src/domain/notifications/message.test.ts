import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { idempotencyKey } from './idempotency-key.ts'
import { buildNotificationMessage, describeTimeLeft, type NotificationFacts } from './message.ts'
import { WebhookPayloadSchema } from './payloads.ts'
import { signatureHeader, verifySignature } from './signature.ts'
import { slackMessage } from './slack.ts'

const FACTS: NotificationFacts = {
  event: 'clock.warning',
  at: Date.parse('2026-11-27T12:30:00Z'),
  ticket: { id: 'T-100', subject: 'Printer <on> fire', severity: 'P2' },
  customer: { id: 'acme', name: 'Acme & Co' },
  agreementId: 'acme-helpdesk',
  target: {
    metric: 'first-response',
    cycle: 1,
    targetMs: 14_400_000,
    due: Date.parse('2026-11-27T14:00:00Z'),
  },
  remainingMs: 5_400_000,
  thresholdPercent: 75,
  contacts: [{ name: 'Ann', email: 'ann@acme.example' }],
  baseUrl: 'https://sla.example/',
}

describe('notification messages', () => {
  test('time left and late, to the minute', () => {
    const cases: [number, string][] = [
      [5_400_000, '1h 30m left'],
      [59_999, 'under 1m left'],
      [0, 'under 1m left'],
      [-1, 'late by under 1m'],
      [-(45 * 60_000 + 5_000), 'late by 45m'],
      [-(26 * 3_600_000), 'late by 1d 2h'],
    ]
    for (const [ms, text] of cases) assert.equal(describeTimeLeft(ms), text, String(ms))
  })

  test('each event has its subject and a payload that its schema accepts', () => {
    const subjects = [
      [{}, '[P2] T-100 (Acme & Co): first response target 75% used, 1h 30m left'],
      [
        { event: 'clock.breached', remainingMs: -60_000 },
        '[P2] T-100 (Acme & Co): first response target breached, late by 1m',
      ],
      [
        { event: 'clock.escalated', level: 2, remainingMs: -60_000 },
        '[P2] T-100 (Acme & Co): first response escalated to level 2, late by 1m',
      ],
    ] as const
    for (const [change, subject] of subjects) {
      const m = buildNotificationMessage({ ...FACTS, ...change })
      assert.equal(m.subject, subject)
      assert.deepEqual(WebhookPayloadSchema.parse(m.webhookPayload), m.webhookPayload)
      assert.equal(m.webhookPayload.data.ticket.url, 'https://sla.example/tickets/T-100?customer=acme')
    }
  })

  test('HTML escapes what it shows; text keeps it as written', () => {
    const m = buildNotificationMessage(FACTS)
    assert.match(m.html, /Printer &lt;on&gt; fire/)
    assert.match(m.html, /Acme &amp; Co/)
    assert.ok(!m.html.includes('<on>'))
    assert.match(m.text, /Printer <on> fire/)
    assert.match(m.text, /Due:\s+2026-11-27T14:00:00.000Z/)
    const slack = slackMessage(m.subject, m.webhookPayload)
    assert.equal(slack.text, m.subject)
    assert.match(JSON.stringify(slack.blocks), /Printer &lt;on&gt; fire/)
  })

  test('signatures: what is signed is the timestamp and the body', () => {
    const header = signatureHeader('key', 1_700_000_000, '{"a":1}')
    assert.deepEqual(verifySignature(header, 'key', '{"a":1}', 1_700_000_100), { ok: true })
    assert.equal(verifySignature(header, 'other', '{"a":1}', 1_700_000_100).ok, false)
    assert.equal(verifySignature(header, 'key', '{"a":2}', 1_700_000_100).ok, false)
    assert.equal(verifySignature(header, 'key', '{"a":1}', 1_700_000_301).ok, false)
    assert.equal(verifySignature('v1=abc', 'key', '{"a":1}', 1_700_000_000).ok, false)
    assert.equal(verifySignature(undefined, 'key', '{"a":1}', 1_700_000_000).ok, false)
  })

  test('idempotency keys tell apart parts that run together', () => {
    assert.notEqual(idempotencyKey(['a:b', 'c']), idempotencyKey(['a', 'b:c']))
    assert.equal(idempotencyKey(['a', 1]), idempotencyKey(['a', '1']))
    assert.match(idempotencyKey(['x']), /^n_[0-9a-f]{40}$/)
  })
})
