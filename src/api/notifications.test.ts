// Notification channels and the delivery log through the API: secrets go in and never come out.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { enqueueNotifications } from '../actions/enqueue-notification.ts'
import {
  type HttpReceiver,
  type SmtpReceiver,
  startHttpReceiver,
  startSmtpReceiver,
} from '../jobs/test-support/receivers.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

const SMTP_PASSWORD = 'smtp-password-very-secret'
const HMAC_KEY = 'whsec_hmac-key-very-secret'
const SLACK_KEY = 'T000/B000/slack-key-very-secret'

describe('notification channels and the delivery log', () => {
  let api: TestApi
  let smtp: SmtpReceiver
  let http: HttpReceiver
  const ids: Record<string, string> = {}
  const replies: string[] = []
  const call = async (...args: Parameters<TestApi['request']>) => {
    const r = await api.request(...args)
    replies.push(r.text)
    return r
  }
  before(async () => {
    api = await createTestApi()
    smtp = await startSmtpReceiver({ user: 'upheld', pass: SMTP_PASSWORD })
    http = await startHttpReceiver({ secret: HMAC_KEY, now: () => api.deps.now() })
  })
  after(async () => {
    await smtp.close()
    await http.close()
    await api.drop()
  })

  test('admins add email, webhook and Slack channels; the secret is never sent back', async () => {
    const inputs = {
      mail: {
        kind: 'email',
        name: 'mail',
        host: '127.0.0.1',
        port: smtp.port,
        user: 'upheld',
        password: SMTP_PASSWORD,
        from: 'sla@example-it.example',
      },
      hook: { kind: 'webhook', name: 'hook', url: http.url, secret: HMAC_KEY },
      slack: { kind: 'slack', name: 'slack', url: `${http.url}/${SLACK_KEY}` },
    }
    for (const [name, json] of Object.entries(inputs)) {
      const r = await call('POST', '/api/notification-channels', { json })
      assert.equal(r.status, 201, r.text)
      assert.equal(r.body.secret, 'set')
      ids[name] = r.body.id
    }
    const list = await call('GET', '/api/notification-channels')
    assert.deepEqual(
      list.body.items.map((c: { name: string; secret?: string }) => [c.name, c.secret]),
      [
        ['mail', 'set'],
        ['hook', 'set'],
        ['slack', 'set'],
      ],
    )
    assert.equal(list.body.items[0].config.host, '127.0.0.1')
    assert.equal(list.body.items[1].config.url, http.url)
  })

  test('a name is used once; a bad channel is refused with where it is wrong', async () => {
    const dup = await call('POST', '/api/notification-channels', {
      json: { kind: 'webhook', name: 'hook', url: http.url, secret: HMAC_KEY },
    })
    assert.equal(dup.status, 409)
    const bad = await call('POST', '/api/notification-channels', {
      json: { kind: 'webhook', name: 'short', url: 'ftp://x', secret: 'short' },
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(bad.body.error.details.map((d: { path: string[] }) => d.path.join('.')).sort(), [
      'secret',
      'url',
    ])
  })

  test('a channel changed: new settings, the secret kept when left out, the kind fixed', async () => {
    const renamed = await call('POST', `/api/notification-channels/${ids.hook}`, {
      json: { kind: 'webhook', name: 'ops hook', url: `${http.url}/` },
    })
    assert.equal(renamed.status, 200, renamed.text)
    assert.deepEqual(
      [renamed.body.name, renamed.body.config.url, renamed.body.secret],
      ['ops hook', `${http.url}/`, 'set'],
    )
    const tested = await call('POST', `/api/notification-channels/${ids.hook}/test`, { json: {} })
    assert.deepEqual(tested.body, { delivered: true, detail: 'HTTP 200' }, 'the kept key still signs')
    const back = await call('POST', `/api/notification-channels/${ids.hook}`, {
      json: { kind: 'webhook', name: 'hook', url: http.url, secret: HMAC_KEY },
    })
    assert.equal(back.status, 200)
    const kind = await call('POST', `/api/notification-channels/${ids.hook}`, {
      json: { kind: 'slack', name: 'hook' },
    })
    assert.deepEqual([kind.status, kind.body.error.details[0].path], [400, ['kind']])
    const taken = await call('POST', `/api/notification-channels/${ids.hook}`, {
      json: { kind: 'webhook', name: 'mail', url: http.url },
    })
    assert.equal(taken.status, 409)
    const slack = await call('POST', `/api/notification-channels/${ids.slack}`, {
      json: { kind: 'slack', name: 'slack' },
    })
    assert.deepEqual([slack.status, slack.body.secret], [200, 'set'])
    const missing = await call('POST', '/api/notification-channels/ch_none', {
      json: { kind: 'slack', name: 'x' },
    })
    assert.equal(missing.status, 404)
  })

  test('a test send goes through the real channel now', async () => {
    const hook = await call('POST', `/api/notification-channels/${ids.hook}/test`, { json: {} })
    assert.deepEqual(hook.body, { delivered: true, detail: 'HTTP 200' })
    assert.equal(http.received.at(-1)?.verdict, 'ok')
    const mail = await call('POST', `/api/notification-channels/${ids.mail}/test`, {
      json: { to: 'me@example-it.example' },
    })
    assert.equal(mail.body.delivered, true, mail.text)
    assert.match(smtp.mails.at(-1)?.subject ?? '', /^\[test\] /)
    const noTo = await call('POST', `/api/notification-channels/${ids.mail}/test`, { json: {} })
    assert.equal(noTo.status, 400)
  })

  test('the delivery log: staff see all and filter by state; customers see their own', async () => {
    const notice = (customerId: string, ticketId: string) => ({
      event: 'clock.breached' as const,
      customerId,
      ticketId,
      agreementId: `${customerId}-helpdesk`,
      metric: 'resolution',
      cycle: 1,
      severity: 'P3',
      targetMs: 3_600_000,
      due: null,
      remainingMs: -60_000,
      at: api.deps.now(),
      contacts: [{ name: 'Ann', email: 'ann@acme.example' }],
    })
    const deps = { db: api.t.db, now: api.deps.now, baseUrl: 'http://127.0.0.1:3000' }
    assert.equal(await enqueueNotifications(deps, [notice('acme', 'T-1'), notice('globex', 'G-1')]), 6)
    const all = await call('GET', '/api/notifications')
    assert.equal(all.body.items.length, 6)
    assert.ok(all.body.items.every((n: { state: string; attempt_log: unknown[] }) => n.state === 'pending'))
    assert.equal((await call('GET', '/api/notifications?state=failed')).body.items.length, 0)
    const first = await call('GET', '/api/notifications?limit=4')
    assert.equal(first.body.items.length, 4)
    const rest = await call('GET', `/api/notifications?limit=4&cursor=${first.body.next_cursor}`)
    assert.deepEqual([rest.body.items.length, rest.body.next_cursor], [2, null])
    const seen = [...first.body.items, ...rest.body.items].map((n: { id: string }) => n.id)
    assert.deepEqual(
      seen,
      all.body.items.map((n: { id: string }) => n.id),
      'pages in the log’s order',
    )
    assert.equal((await call('GET', '/api/notifications?cursor=nonsense')).status, 400)
    const acme = await call('GET', '/api/notifications', { token: api.tokens.acme })
    assert.equal(acme.body.items.length, 3)
    assert.ok(acme.body.items.every((n: { customer: string }) => n.customer === 'acme'))
    assert.equal(
      (await call('GET', '/api/notifications?customer=globex', { token: api.tokens.acme })).status,
      404,
    )
    assert.equal((await call('GET', '/api/notification-channels', { token: api.tokens.acme })).status, 403)
  })

  test('a disabled channel is listed as disabled and cannot be disabled twice', async () => {
    assert.equal((await call('DELETE', `/api/notification-channels/${ids.slack}`)).status, 204)
    assert.equal((await call('DELETE', `/api/notification-channels/${ids.slack}`)).status, 404)
    const list = await call('GET', '/api/notification-channels')
    assert.ok(list.body.items.find((c: { id: string }) => c.id === ids.slack).disabled_at)
  })

  test('no reply ever held a secret', () => {
    assert.ok(replies.length > 10)
    for (const text of replies)
      for (const secret of [SMTP_PASSWORD, HMAC_KEY, SLACK_KEY, 'slack-key'])
        assert.ok(!text.includes(secret), text)
  })
})
