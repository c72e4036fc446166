// Delivery through real webhook receivers: signatures, replay, backoff, idempotency, and two
// loops sharing one outbox.
import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import { WebhookPayloadSchema } from '../domain/notifications/payloads.ts'
import { verifySignature } from '../domain/notifications/signature.ts'
import type { TestDb } from '../storage/test-support/test-db.ts'
import { backoffMs, deliverDue } from './deliver-notifications.ts'
import { addChannel, createOutboxDb, enqueue, notice } from './test-support/outbox.ts'
import { type HttpReceiver, startHttpReceiver } from './test-support/receivers.ts'

const SECRET = 'whsec_0123456789abcdef'

type Attempt = { attempt: number; outcome: string; at: Date; detail: string }
async function attemptsOf(t: TestDb): Promise<Attempt[]> {
  return t.db.query<Attempt>(
    'select attempt, outcome, at, detail from notification_attempts order by at, attempt',
  )
}

describe('webhook delivery', () => {
  let t: TestDb
  let receiver: HttpReceiver
  beforeEach(async () => {
    t = await createOutboxDb()
  })
  afterEach(async () => {
    await receiver?.close()
    await t.drop()
  })

  test('a signed JSON payload with the event and the idempotency key in headers', async () => {
    receiver = await startHttpReceiver({ secret: SECRET })
    await addChannel(t, { kind: 'webhook', name: 'ops', url: receiver.url, secret: SECRET })
    const now = Date.now()
    assert.equal(await enqueue(t, now, [notice()]), 1)
    assert.deepEqual(await deliverDue({ db: t.db }, { now }), {
      claimed: 1,
      delivered: 1,
      retrying: 0,
      failed: 0,
    })
    const [got] = receiver.received
    assert.equal(got?.verdict, 'ok')
    const payload = WebhookPayloadSchema.parse(JSON.parse(got!.body))
    assert.equal(payload.type, 'clock.warning')
    assert.equal(payload.data.ticket.id, 'T-100')
    assert.equal(payload.data.customer.name, 'Acme')
    assert.equal(payload.data.time_left, '1h 30m left')
    assert.equal(got!.headers['upheld-event'], 'clock.warning')
    const [row] = await t.db.query<{ idempotency_key: string; state: string }>('select * from notifications')
    assert.equal(got!.headers['upheld-delivery'], row!.idempotency_key)
    assert.equal(row!.state, 'delivered')
    const header = String(got!.headers['upheld-signature'])
    assert.deepEqual(verifySignature(header, SECRET, got!.body, Math.floor(now / 1000)), { ok: true })
    assert.equal(
      verifySignature(header, SECRET, `${got!.body} `, Math.floor(now / 1000)).ok,
      false,
      'body changed',
    )
    const replayed = header.replace(/t=(\d+)/, (_m, s) => `t=${Number(s) + 600}`)
    assert.equal(
      verifySignature(replayed, SECRET, got!.body, Math.floor(now / 1000) + 600).ok,
      false,
      'new t',
    )
    assert.equal(verifySignature(header, SECRET, got!.body, Math.floor(now / 1000) + 600).ok, false, 'old t')
  })

  test('a receiver refuses an old timestamp: the attempt fails and is tried again', async () => {
    receiver = await startHttpReceiver({ secret: SECRET })
    await addChannel(t, { kind: 'webhook', name: 'ops', url: receiver.url, secret: SECRET })
    const then = Date.now() - 10 * 60_000
    await enqueue(t, then, [notice()])
    assert.equal((await deliverDue({ db: t.db }, { now: then })).retrying, 1)
    assert.equal(receiver.received[0]?.verdict, 'stale timestamp')
    const [attempt] = await attemptsOf(t)
    assert.equal(attempt?.outcome, 'failed')
    assert.match(attempt!.detail, /HTTP 401/)
  })

  test('fails twice, then succeeds: two failed attempts with backoff, then the delivery', async () => {
    receiver = await startHttpReceiver({ secret: SECRET, statuses: [500, 503, 200] })
    await addChannel(t, { kind: 'webhook', name: 'ops', url: receiver.url, secret: SECRET })
    const t0 = Date.now()
    await enqueue(t, t0, [notice()])
    assert.equal((await deliverDue({ db: t.db }, { now: t0 })).retrying, 1)
    assert.equal((await deliverDue({ db: t.db }, { now: t0 + 29_000 })).claimed, 0, 'not before 30s')
    assert.equal((await deliverDue({ db: t.db }, { now: t0 + 30_000 })).retrying, 1)
    assert.equal((await deliverDue({ db: t.db }, { now: t0 + 89_000 })).claimed, 0, 'not before 30s + 60s')
    assert.equal((await deliverDue({ db: t.db }, { now: t0 + 90_000 })).delivered, 1)
    const log = await attemptsOf(t)
    assert.deepEqual(
      log.map((a) => [a.attempt, a.outcome, a.at.getTime() - t0]),
      [
        [1, 'failed', 0],
        [2, 'failed', 30_000],
        [3, 'delivered', 90_000],
      ],
    )
    assert.match(log[0]!.detail, /HTTP 500/)
    assert.equal(
      new Set(receiver.received.map((r) => r.headers['upheld-delivery'])).size,
      1,
      'one key throughout',
    )
  })

  test('after the last attempt it is failed for good', async () => {
    receiver = await startHttpReceiver({ secret: SECRET, statuses: [500] })
    await addChannel(t, { kind: 'webhook', name: 'ops', url: receiver.url, secret: SECRET })
    const t0 = Date.now()
    await enqueue(t, t0, [notice()])
    const policy = { baseDelayMs: 1_000, maxDelayMs: 1_000, maxAttempts: 2 }
    assert.equal((await deliverDue({ db: t.db }, { now: t0, policy })).retrying, 1)
    assert.equal((await deliverDue({ db: t.db }, { now: t0 + 1_000, policy })).failed, 1)
    assert.equal((await deliverDue({ db: t.db }, { now: t0 + 100_000, policy })).claimed, 0)
    const [row] = await t.db.query<{ state: string; attempts: number; last_error: string }>(
      'select * from notifications',
    )
    assert.deepEqual([row?.state, row?.attempts], ['failed', 2])
    assert.match(row!.last_error, /HTTP 500/)
  })

  test('an unreachable receiver is a failed attempt within the time limit', async () => {
    receiver = await startHttpReceiver()
    await receiver.close()
    await addChannel(t, { kind: 'webhook', name: 'gone', url: receiver.url, secret: SECRET })
    const now = Date.now()
    await enqueue(t, now, [notice()])
    assert.equal((await deliverDue({ db: t.db, timeoutMs: 2_000 }, { now })).retrying, 1)
    assert.match((await attemptsOf(t))[0]!.detail, /could not reach http:\/\/127\.0\.0\.1:\d+\/hooks\//)
  })

  test('a channel disabled after the enqueue fails what was pending for it', async () => {
    receiver = await startHttpReceiver({ secret: SECRET })
    const id = await addChannel(t, { kind: 'webhook', name: 'ops', url: receiver.url, secret: SECRET })
    const now = Date.now()
    await enqueue(t, now, [notice()])
    await t.db.execute('update notification_channels set disabled_at = now() where id = $1', [id])
    assert.equal((await deliverDue({ db: t.db }, { now })).failed, 1)
    assert.equal(receiver.received.length, 0)
  })
})

describe('the outbox', () => {
  let t: TestDb
  let receiver: HttpReceiver
  before(async () => {
    t = await createOutboxDb()
    receiver = await startHttpReceiver({ secret: SECRET })
    await addChannel(t, { kind: 'webhook', name: 'ops', url: receiver.url, secret: SECRET })
  })
  after(async () => {
    await receiver.close()
    await t.drop()
  })

  test('an idempotency key enqueued twice is one notification', async () => {
    const now = Date.now()
    assert.equal(await enqueue(t, now, [notice({ cycle: 7 })]), 1)
    assert.equal(await enqueue(t, now + 5_000, [notice({ cycle: 7, remainingMs: 1 })]), 0)
    assert.equal(await enqueue(t, now, [notice({ cycle: 7, event: 'clock.breached' })]), 1, 'another event')
    const rows = await t.db.query(
      'select 1 from notifications where payload @> \'{"event":{"data":{"target":{"cycle":7}}}}\'',
    )
    assert.equal(rows.length, 2)
  })

  test('an enqueue rolled back with its transaction leaves nothing', async () => {
    const before = (await t.db.query('select 1 from notifications')).length
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await enqueue({ ...t, db: tx }, Date.now(), [notice({ cycle: 8 })])
        throw new Error('the timer failed')
      }),
    )
    assert.equal((await t.db.query('select 1 from notifications')).length, before)
  })

  test('two delivery loops at once deliver each notification once', async () => {
    await t.db.execute("update notifications set state = 'delivered'")
    receiver.received.length = 0
    const now = Date.now()
    await enqueue(
      t,
      now,
      Array.from({ length: 24 }, (_, i) => notice({ cycle: 100 + i })),
    )
    const loop = async () => {
      let total = 0
      for (;;) {
        const r = await deliverDue({ db: t.db }, { now, limit: 3 })
        if (r.claimed === 0) return total
        total += r.delivered
      }
    }
    const [a, b] = await Promise.all([loop(), loop()])
    assert.equal(a + b, 24)
    const keys = receiver.received.map((r) => r.headers['upheld-delivery'])
    assert.equal(keys.length, 24)
    assert.equal(new Set(keys).size, 24)
    const attempts = await t.db.query<{ n: number }>(
      'select count(*)::int as n from notification_attempts where attempt > 1',
    )
    assert.equal(attempts[0]?.n, 0)
  })

  test('backoff doubles from 30 seconds and stops growing at an hour', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 8, 20].map((n) => backoffMs(n)),
      [30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000],
    )
  })
})
