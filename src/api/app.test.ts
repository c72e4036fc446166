import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Db } from '../storage/db.ts'
import { createApp } from './app.ts'
import { errorResponse } from './errors.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

describe('HTTP app', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
  })
  after(() => api.drop())

  test('/api/health answers without a token', async () => {
    const r = await api.request('GET', '/api/health', { token: null })
    assert.equal(r.status, 200)
    assert.deepEqual(r.body, { status: 'ok', version: '9.9.9' })
  })

  test('/api/ready says the database is reachable and migrated', async () => {
    const r = await api.request('GET', '/api/ready', { token: null })
    assert.deepEqual([r.status, r.body], [200, { status: 'ready', database: 'ok', pending_migrations: [] }])
  })

  test('/api/ready is a 503 when the database does not answer', async () => {
    const down = { query: () => Promise.reject(new Error('connection refused')) } as unknown as Db
    const app = createApp({ db: down, now: Date.now, version: '1' })
    const response = await app.request('/api/ready')
    assert.equal(response.status, 503)
    assert.deepEqual(await response.json(), {
      status: 'not_ready',
      database: 'unreachable',
      pending_migrations: [],
    })
  })

  test('an unknown route is a JSON 404 in the one error shape', async () => {
    const r = await api.request('GET', '/api/nothing-here', { token: null })
    assert.equal(r.status, 404)
    assert.deepEqual(r.body, {
      error: { code: 'not_found', message: 'no route for GET /api/nothing-here', details: [] },
    })
  })

  test('no token, a malformed header, a foreign token, an unknown token: 401 with WWW-Authenticate', async () => {
    for (const headers of [
      {},
      { authorization: 'Basic YTpi' },
      { authorization: 'Bearer ghp_notours' },
      { authorization: 'Bearer uph_unknown' },
    ] as Record<string, string>[]) {
      const r = await api.request('GET', '/api/tickets', { token: null, headers })
      assert.equal(r.status, 401, JSON.stringify(headers))
      assert.equal(r.body.error.code, 'unauthorized')
      assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer/)
    }
  })

  test('a body that is not JSON is a 400 that says where', async () => {
    const r = await api.request('POST', '/api/organisations', { body: '{\n  "id": "x",\n}' })
    assert.equal(r.status, 400)
    assert.equal(r.body.error.message, 'the request body is not valid JSON')
    assert.deepEqual([r.body.error.details[0].line, r.body.error.details[0].column], [3, 1])
  })

  test('an empty body is a 400; a body of another media type a 415', async () => {
    const empty = await api.request('POST', '/api/events', { body: '' })
    assert.deepEqual([empty.status, empty.body.error.code], [400, 'invalid_input'])
    const form = await api.request('POST', '/api/events', {
      body: 'a=1',
      type: 'application/x-www-form-urlencoded',
    })
    assert.deepEqual([form.status, form.body.error.code], [415, 'unsupported_media_type'])
    assert.match(form.body.error.message, /application\/json/)
  })

  test('a body over 5 MB is a 413, with or without Content-Length', async () => {
    const big = JSON.stringify([{ pad: 'x'.repeat(6 * 1024 * 1024) }])
    const r = await api.request('POST', '/api/events', { body: big })
    assert.deepEqual([r.status, r.body.error.code], [413, 'payload_too_large'])
    const sized = await api.request('POST', '/api/events', {
      body: big,
      headers: { 'content-length': String(Buffer.byteLength(big)) },
    })
    assert.equal(sized.status, 413)
  })

  test('an unexpected error is a 500 with nothing of the inside in the body, and is logged', async () => {
    const app = new Hono()
    const logged: unknown[] = []
    app.get('/boom', () => {
      throw new Error('secret detail at /srv/x.ts:1')
    })
    app.onError((error, c) => errorResponse(c, error, (e) => logged.push(e)))
    const response = await app.request('/boom')
    const text = await response.text()
    assert.equal(response.status, 500)
    assert.deepEqual(JSON.parse(text), {
      error: {
        code: 'internal',
        message: 'something went wrong inside Upheld; it has been logged',
        details: [],
      },
    })
    assert.doesNotMatch(text, /secret|srv|at /)
    assert.equal(logged.length, 1)
  })

  test("Hono's own 4xx exceptions keep their status", async () => {
    const app = new Hono()
    app.get('/x', () => {
      throw new HTTPException(413, { message: 'too big' })
    })
    app.onError((error, c) => errorResponse(c, error, () => {}))
    const response = await app.request('/x')
    assert.equal(response.status, 413)
    assert.deepEqual(await response.json(), {
      error: { code: 'payload_too_large', message: 'too big', details: [] },
    })
  })

  test('/metrics exposes request counts by route pattern, events ingested and process metrics', async () => {
    await api.request('GET', '/api/tickets/T-1', { token: api.tokens.admin })
    const r = await api.request('GET', '/metrics', { token: null })
    assert.equal(r.status, 200)
    assert.match(
      r.text,
      /upheld_http_requests_total\{method="GET",route="\/api\/tickets\/:id",status="404"\} 1/,
    )
    assert.match(
      r.text,
      /upheld_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/tickets\/:id"/,
    )
    assert.match(r.text, /# TYPE upheld_events_ingested_total counter/)
    assert.match(r.text, /process_cpu_user_seconds_total/)
    assert.match(r.text, /nodejs_eventloop_lag_seconds/)
  })
})
