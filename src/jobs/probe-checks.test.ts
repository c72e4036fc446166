// HTTP(S) and TCP checks against real servers on 127.0.0.1.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { HttpCheck } from '../domain/probe-definition.ts'
import { checkHttp } from './probe-http.ts'
import { checkTcp } from './probe-tcp.ts'
import {
  selfSignedCertificate,
  startHttpTarget,
  startTcpTarget,
  type Target,
} from './test-support/probe-targets.ts'

const DAY = 86_400_000
const httpCheck = (url: string, more: Partial<HttpCheck> = {}): HttpCheck => ({
  kind: 'http',
  url,
  method: 'GET',
  headers: {},
  expectStatus: null,
  keyword: null,
  json: null,
  degradedAboveMs: null,
  certificateWarningMs: 14 * DAY,
  ...more,
})
const options = { now: Date.now, timeoutMs: 1_000 }

describe('HTTP checks', () => {
  let target: Target
  before(async () => {
    target = await startHttpTarget()
  })
  beforeEach(() => Object.assign(target.reply, { status: 200, body: 'ok', delayMs: 0, hang: false }))
  after(() => target.down())

  test('200 is up, with its status and latency', async () => {
    const result = await checkHttp(httpCheck(target.url), options)
    assert.deepEqual([result.outcome, result.httpStatus, result.error], ['up', 200, null])
    assert.ok(result.latencyMs !== null && result.latencyMs < 1_000)
  })

  test('a status outside the expected ones is down, saying which', async () => {
    target.reply.status = 503
    const result = await checkHttp(httpCheck(target.url), options)
    assert.deepEqual([result.outcome, result.error], ['down', 'status 503, expected 200–399'])
    target.reply.status = 200
    const strict = await checkHttp(httpCheck(target.url, { expectStatus: [204] }), options)
    assert.deepEqual([strict.outcome, strict.error], ['down', 'status 200, expected 204'])
  })

  test('a keyword missing from the body is down; present, up', async () => {
    target.reply.body = 'database: ok'
    assert.equal((await checkHttp(httpCheck(target.url, { keyword: 'database: ok' }), options)).outcome, 'up')
    const missing = await checkHttp(httpCheck(target.url, { keyword: 'healthy' }), options)
    assert.deepEqual([missing.outcome, missing.error], ['down', 'the body does not contain "healthy"'])
  })

  test('a JSON value at a path: present, or equal to what is expected', async () => {
    target.reply.body = JSON.stringify({ checks: [{ name: 'db', state: 'red' }], ready: true })
    const check = (json: HttpCheck['json']) => checkHttp(httpCheck(target.url, { json }), options)
    assert.equal((await check({ path: '$.ready' })).outcome, 'up')
    assert.equal((await check({ path: 'checks[0].name', equals: 'db' })).outcome, 'up')
    const wrong = await check({ path: 'checks[0].state', equals: 'green' })
    assert.deepEqual([wrong.outcome, wrong.error], ['down', 'checks[0].state is "red", expected "green"'])
    assert.equal((await check({ path: 'checks[1].state' })).error, 'the body has no checks[1].state')
  })

  test('a slow answer is degraded; no answer within the timeout is down', async () => {
    target.reply.delayMs = 120
    const slow = await checkHttp(httpCheck(target.url, { degradedAboveMs: 50 }), options)
    assert.deepEqual([slow.outcome, slow.httpStatus], ['degraded', 200])
    target.reply.hang = true
    const started = Date.now()
    const hung = await checkHttp(httpCheck(target.url), { ...options, timeoutMs: 150 })
    assert.deepEqual([hung.outcome, hung.error], ['down', 'no answer within 150 ms'])
    assert.ok(Date.now() - started < 1_000)
  })

  test('a refused connection is down', async () => {
    const gone = await startHttpTarget()
    await gone.down()
    const result = await checkHttp(httpCheck(gone.url), options)
    assert.equal(result.outcome, 'down')
    assert.match(result.error ?? '', /ECONNREFUSED/)
  })
})

describe('HTTPS checks', () => {
  const certificate = selfSignedCertificate(5)
  let target: Target
  before(async () => {
    target = await startHttpTarget(certificate)
  })
  after(() => target.down())

  test('a certificate that expires within the warning is recorded, and the service is up', async () => {
    const result = await checkHttp(httpCheck(target.url), { ...options, ca: [certificate.cert] })
    assert.equal(result.outcome, 'up')
    const days = (result.certExpiresAt! - Date.now()) / DAY
    assert.ok(days > 4 && days <= 5, `expires in ${days} days`)
    assert.match(result.warning ?? '', /^the TLS certificate expires in 4 days \(/)
    const lenient = await checkHttp(httpCheck(target.url, { certificateWarningMs: DAY }), {
      ...options,
      ca: [certificate.cert],
    })
    assert.equal(lenient.warning, null)
  })

  test('a certificate nobody vouches for is down', async () => {
    const result = await checkHttp(httpCheck(target.url), options)
    assert.equal(result.outcome, 'down')
    assert.match(result.error ?? '', /self[- ]signed/)
  })
})

describe('TCP checks', () => {
  test('up while the port accepts connections, down when it stops, up when it is back', async () => {
    const target = await startTcpTarget()
    const check = () =>
      checkTcp({ kind: 'tcp', host: '127.0.0.1', port: target.port, degradedAboveMs: null }, options)
    assert.equal((await check()).outcome, 'up')
    await target.down()
    const down = await check()
    assert.equal(down.outcome, 'down')
    assert.match(down.error ?? '', /ECONNREFUSED/)
    await target.up()
    assert.equal((await check()).outcome, 'up')
    await target.down()
  })
})
