// Email through a real SMTP server (smtp-server, parsed with mailparser) and the Slack form
// through a real HTTP receiver.
import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, test } from 'node:test'
import type { TestDb } from '../storage/test-support/test-db.ts'
import { deliverDue } from './deliver-notifications.ts'
import { addChannel, createOutboxDb, enqueue, notice } from './test-support/outbox.ts'
import {
  type HttpReceiver,
  type SmtpReceiver,
  startHttpReceiver,
  startSmtpReceiver,
} from './test-support/receivers.ts'

describe('email and Slack delivery', () => {
  let t: TestDb
  let smtp: SmtpReceiver | undefined
  let http: HttpReceiver | undefined
  beforeEach(async () => {
    t = await createOutboxDb()
  })
  afterEach(async () => {
    await smtp?.close()
    await http?.close()
    await t.drop()
  })

  test('an email in plain text and HTML says which ticket, customer, target and how long is left', async () => {
    smtp = await startSmtpReceiver({ user: 'upheld', pass: 'smtp-password-1' })
    await addChannel(t, {
      kind: 'email',
      name: 'mail',
      host: '127.0.0.1',
      port: smtp.port,
      user: 'upheld',
      password: 'smtp-password-1',
      from: 'Upheld <sla@example-it.example>',
      to: ['desk@example-it.example'],
    })
    const now = Date.now()
    assert.equal(await enqueue(t, now, [notice()]), 2, 'the contact and the desk')
    assert.equal((await deliverDue({ db: t.db }, { now })).delivered, 2)
    assert.deepEqual(smtp.logins, ['upheld', 'upheld'])
    const mail = smtp.mails.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'ann@acme.example')
    assert.ok(mail, 'Ann got one')
    assert.equal(mail.subject, '[P2] T-100 (Acme): first response target 75% used, 1h 30m left')
    for (const body of [mail.text ?? '', String(mail.html)]) {
      for (const expected of ['T-100', 'Printer on fire', 'Acme', 'first-response', '4h', '1h 30m left']) {
        assert.ok(body.includes(expected), `${expected} in ${body}`)
      }
      assert.ok(body.includes('https://sla.example-it.example/tickets/T-100?customer=acme'))
    }
    const [row] = await t.db.query<{ idempotency_key: string }>(
      "select idempotency_key from notifications where recipient = 'ann@acme.example'",
    )
    assert.equal(mail.messageId, `<${row!.idempotency_key}@upheld>`)
    assert.equal(mail.headers.get('upheld-delivery'), row!.idempotency_key)
  })

  test('a breach says how late, in business time', async () => {
    smtp = await startSmtpReceiver()
    await addChannel(t, {
      kind: 'email',
      name: 'mail',
      host: '127.0.0.1',
      port: smtp.port,
      from: 'sla@example-it.example',
    })
    const now = Date.now()
    await enqueue(t, now, [notice({ event: 'clock.breached', remainingMs: -(45 * 60_000 + 5_000) })])
    assert.equal((await deliverDue({ db: t.db }, { now })).delivered, 1)
    assert.equal(smtp.mails[0]?.subject, '[P2] T-100 (Acme): first response target breached, late by 45m')
    assert.match(smtp.mails[0]?.text ?? '', /late by 45m/)
  })

  test('a wrong SMTP password is a failed attempt that names neither password', async () => {
    smtp = await startSmtpReceiver({ user: 'upheld', pass: 'right-password' })
    await addChannel(t, {
      kind: 'email',
      name: 'mail',
      host: '127.0.0.1',
      port: smtp.port,
      user: 'upheld',
      password: 'wrong-password',
      from: 'sla@example-it.example',
    })
    const now = Date.now()
    await enqueue(t, now, [notice()])
    assert.equal((await deliverDue({ db: t.db, timeoutMs: 3_000 }, { now })).retrying, 1)
    const [attempt] = await t.db.query<{ detail: string }>('select detail from notification_attempts')
    assert.match(attempt!.detail, /^SMTP 127\.0\.0\.1:\d+: /)
    assert.ok(!attempt!.detail.includes('password'), attempt!.detail)
  })

  test('a Slack incoming webhook gets text and blocks', async () => {
    http = await startHttpReceiver()
    await addChannel(t, { kind: 'slack', name: 'slack', url: `${http.url}/T000/B000/XXXX` })
    const now = Date.now()
    await enqueue(t, now, [notice({ event: 'clock.escalated', level: 2, remainingMs: -60 * 60_000 })])
    assert.equal((await deliverDue({ db: t.db }, { now })).delivered, 1)
    const body = JSON.parse(http.received[0]!.body)
    assert.equal(body.text, '[P2] T-100 (Acme): first response escalated to level 2, late by 1h')
    assert.ok(Array.isArray(body.blocks) && body.blocks.length === 3)
    assert.match(JSON.stringify(body.blocks), /Printer on fire/)
    const [row] = await t.db.query<{ recipient: string }>('select recipient from notifications')
    assert.ok(!row!.recipient.includes('XXXX'), 'the Slack key is not the recipient shown')
  })
})
