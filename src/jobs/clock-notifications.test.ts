// From a ticket event to a person's inbox and a machine's endpoint, through the real path:
// events ingested arm timers; the worker (under a fake clock) fires them, enqueues their
// notifications in the same transaction and delivers them to a real SMTP server and a real
// webhook receiver that checks signatures. The helpdesk SLA, with the support lead and the
// service owner on London office hours for escalations: P2 on business hours, P1 on 24×7.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Deps } from '../actions/deps.ts'
import { ingestEvents } from '../actions/ingest-events.ts'
import { ADMIN, HELPDESK_SLA, seedPeople } from '../actions/test-support/fixtures.ts'
import { uploadAgreement } from '../actions/upload-agreement.ts'
import { WebhookPayloadSchema } from '../domain/notifications/payloads.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { addChannel } from './test-support/outbox.ts'
import {
  type HttpReceiver,
  type SmtpReceiver,
  startHttpReceiver,
  startSmtpReceiver,
} from './test-support/receivers.ts'
import { startWorker, type Worker } from './worker.ts'

const SECRET = 'whsec_clock_notifications_0123'
const BASE = 'https://sla.example-it.example'
const at = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00Z`)

// Office hours for the people the escalation levels name; the desk and the owner keep theirs.
const AGREEMENT = HELPDESK_SLA.replace('role: support-lead,', 'role: support-lead, calendar: business,')
  .replace('role: service-owner,', 'role: service-owner, calendar: business,')
  .replace(
    'at: 75%, notify: [c-support-lead] }',
    'at: 75%, notify: [c-support-lead], respectContactHours: true }',
  )
  .replace(
    'at: 100%, notify: [c-service-owner] }',
    'at: 100%, notify: [c-service-owner], respectContactHours: true, notifyAgent: true }',
  )

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

type Row = { recipient: string; state: string; next_attempt_at: Date; subject: string; attempts: number }

describe('clock notifications, end to end', () => {
  let t: TestDb
  let smtp: SmtpReceiver
  let hook: HttpReceiver
  let worker: Worker
  let now = at('2026-11-24 09:00')
  const deps = (): Deps => ({ db: t.db, now: () => now })
  let seq = 0

  before(async () => {
    t = await createTestDb()
    await seedPeople(t.db)
    const upload = await uploadAgreement(deps(), ADMIN, { text: AGREEMENT, filename: 'helpdesk-sla.yaml' })
    assert.ok(upload)
    smtp = await startSmtpReceiver()
    // The receiver fails its first delivery: the outbox must try again.
    hook = await startHttpReceiver({ secret: SECRET, statuses: [503, 200], now: () => now })
    await addChannel(t, {
      kind: 'email',
      name: 'mail',
      host: '127.0.0.1',
      port: smtp.port,
      from: 'Upheld <sla@example-it.example>',
    })
    await addChannel(t, { kind: 'webhook', name: 'ops', url: hook.url, secret: SECRET })
    worker = startWorker(deps(), { name: 'w', pollMs: 10, baseUrl: BASE })
  })
  after(async () => {
    await worker?.stop()
    await smtp?.close()
    await hook?.close()
    await t?.drop()
  })

  async function send(ticket: string, when: string, body: Record<string, unknown>): Promise<void> {
    now = at(when)
    const first =
      body.type === 'created'
        ? { customer: 'acme', service: 'portal', subject: 'Login fails', ...body }
        : body
    await ingestEvents(deps(), ADMIN, [
      { id: `ev-${++seq}`, ticket, at: new Date(now).toISOString(), ...first },
    ])
  }
  const rows = (where: string) =>
    t.db.query<Row>(
      `select recipient, state, next_attempt_at, subject, attempts from notifications where ${where} order by subject, recipient`,
    )
  const mailsTo = (address: string, ...subject: string[]) =>
    smtp.mails.filter(
      (m) => subject.every((s) => m.subject?.includes(s)) && JSON.stringify(m.to).includes(address),
    )

  test('a warning reaches the service desk and the agent by email, and a signed webhook after one retry', async () => {
    await send('T-1', '2026-11-24 09:00', { type: 'created', severity: 'P2' })
    await send('T-1', '2026-11-24 09:00', { type: 'assigned', agent: 'sam@example-it.example' })
    now = at('2026-11-24 10:30')
    // Mails arrive in any order: wait for both.
    await until(
      () =>
        mailsTo('sam@example-it.example', '75% used').length === 1 &&
        mailsTo('support@example-it.example', '75% used').length === 1,
      'the 75% warning to the agent and the service desk',
    )
    const [mail] = mailsTo('support@example-it.example', 'first response target 75% used')
    assert.ok(mail, 'the service desk (referral level L1) got it')
    assert.equal(mail.subject, '[P2] T-1 (Acme): first response target 75% used, 30m left')
    for (const body of [mail.text ?? '', String(mail.html)]) {
      for (const expected of [
        'T-1',
        'Login fails',
        'Acme',
        'first_response',
        '2h',
        '30m left',
        'Sam'.toLowerCase(),
      ]) {
        assert.ok(body.toLowerCase().includes(expected.toLowerCase()), `${expected} in ${body}`)
      }
      assert.ok(body.includes(`${BASE}/tickets/T-1?customer=acme`), 'a link to the ticket')
    }
    // The webhook: the receiver refuses its first request (503); that delivery is tried again
    // 30 s later, with the same delivery id, and not before.
    await until(() => hook.received.length >= 2, 'the first webhook requests')
    const id = hook.received.find((r) => r.status === 503)?.headers['upheld-delivery']
    assert.ok(id, 'one was refused')
    const acceptedWithId = () =>
      hook.received.filter((r) => r.status === 200 && r.headers['upheld-delivery'] === id)
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(acceptedWithId().length, 0, 'not retried before its backoff')
    now += 30_000
    await until(() => acceptedWithId().length === 1, 'the retried webhook')
    assert.ok(
      hook.received.every((r) => r.verdict === 'ok'),
      'every request signed and fresh',
    )
    const payloads = hook.received.map((r) => WebhookPayloadSchema.parse(JSON.parse(r.body)))
    const warning = payloads.find((p) => p.type === 'clock.warning' && p.data.threshold_percent === 75)
    assert.ok(warning?.type === 'clock.warning', 'the 75% warning as JSON')
    assert.equal(warning.data.ticket.id, 'T-1')
    assert.equal(warning.data.business_ms_left, 30 * 60_000)
    assert.equal(warning.data.late_ms, null)
  })

  test('a threshold reached while the worker was down is told once, marked late by how much', async () => {
    // Resolution 16 business hours: 75% (12h) is Wednesday 11:00, escalation level 1 too.
    now = at('2026-11-25 12:00')
    await until(
      () => mailsTo('mei.tanaka@example-it.example', 'escalated to level 1').length === 1,
      'level 1',
    )
    const [mail] = mailsTo('mei.tanaka@example-it.example', 'escalated to level 1')
    assert.equal(mail!.subject, '[P2] T-1 (Acme): resolution escalated to level 1, 3h left (sent 1h late)')
    assert.match(mail!.text ?? '', /Sent late: +sent 1h late: reached at 2026-11-25T11:00:00.000Z/)
    // The first-response breach of Tuesday 11:00 fired once too, late by a day and an hour.
    const breach = await rows(`event_type = 'clock.breached' and subject like '%first response%'`)
    assert.deepEqual(
      breach.map((r) => r.recipient).sort(),
      [hook.url, 'sam@example-it.example', 'support@example-it.example'].sort(),
    )
    assert.ok(
      breach.every((r) => r.subject.endsWith('late by 11h (sent 1d 1h late)')),
      breach[0]?.subject,
    )
    now += 3_600_000
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(mailsTo('mei.tanaka@example-it.example', 'escalated to level 1').length, 1, 'once')
  })

  test('an escalation at night waits for the contact’s office hours; a 24×7 breach does not', async () => {
    // P1 resolution 4h on 24×7: level 1 (75%) at 21:00 Friday, level 2 (100%) at 22:00.
    await send('T-2', '2026-11-27 18:00', { type: 'created', severity: 'P1' })
    await send('T-2', '2026-11-27 18:00', { type: 'assigned', agent: 'sam@example-it.example' })
    now = at('2026-11-27 22:00')
    await until(() => mailsTo('luis.ferreira@example-it.example', 'T-2').length === 1, 'level 2 to the owner')
    const level2 = mailsTo('luis.ferreira@example-it.example', 'T-2')[0]!
    assert.equal(level2.subject, '[P1] T-2 (Acme): resolution escalated to level 2, under 1m left')
    await until(
      () => mailsTo('sam@example-it.example', 'T-2', 'escalated to level 2').length === 1,
      'the agent too',
    )
    const held = await rows(`subject like '%T-2%escalated to level 1%' and recipient like 'mei%'`)
    assert.deepEqual(
      held.map((r) => [r.state, r.next_attempt_at.toISOString(), r.attempts]),
      [['pending', '2026-11-30T08:00:00.000Z', 0]],
    )
    now = at('2026-11-30 07:59')
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(mailsTo('mei.tanaka@example-it.example', 'T-2').length, 0, 'not before Monday 08:00')
    now = at('2026-11-30 08:00')
    await until(() => mailsTo('mei.tanaka@example-it.example', 'T-2').length === 1, 'level 1 on Monday')
  })
})
