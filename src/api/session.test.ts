import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { ACME, ADMIN, GLOBEX } from '../actions/test-support/fixtures.ts'
import { createApp } from './app.ts'
import { PASSWORD, setPassword, signIn } from './test-support/sign-in.ts'
import { createTestApi, NOW, type TestApi } from './test-support/test-api.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

describe('sessions: signing in and out of the web app', () => {
  let api: TestApi
  let now = Date.parse(NOW)
  const later = (ms: number) => {
    now += ms
  }
  before(async () => {
    api = await createTestApi({ now: () => now })
    for (const user of [ADMIN, ACME, GLOBEX]) await setPassword(api, user.userId)
  })
  after(() => api.drop())

  test('signing in answers who and a CSRF token, and sets an HttpOnly, SameSite=Lax cookie on /', async () => {
    const r = await api.request('POST', '/api/session', {
      token: null,
      json: { email: 'Ann@Acme.example', password: PASSWORD },
    })
    assert.equal(r.status, 200, r.text)
    assert.deepEqual(r.body.user, {
      id: 'u-acme',
      email: 'ann@acme.example',
      name: 'Ann',
      role: 'customer',
      organisation: 'acme',
    })
    assert.match(r.body.csrf_token, /^[A-Za-z0-9_-]{43}$/)
    const cookie = r.headers.get('set-cookie') ?? ''
    assert.match(cookie, /^upheld_session=[A-Za-z0-9_-]{43}; /)
    for (const flag of ['HttpOnly', 'SameSite=Lax', 'Path=/', 'Secure', 'Max-Age=604800'])
      assert.ok(cookie.split('; ').includes(flag), `${flag} in ${cookie}`)
    const id = /^upheld_session=([^;]+)/.exec(cookie)![1]!
    const stored = await api.t.db.query<{ id_hash: string; csrf_token: string }>(
      `select id_hash, csrf_token from sessions where user_id = 'u-acme'`,
    )
    assert.deepEqual(stored, [
      { id_hash: createHash('sha256').update(id).digest('hex'), csrf_token: r.body.csrf_token },
    ])
  })

  test('the cookie signs requests in, GET /api/session answers as signing in did, DELETE signs out', async () => {
    const ann = await signIn(api, 'ann@acme.example')
    const me = await api.request('GET', '/api/me', ann.call())
    assert.deepEqual(me.body, { user: 'u-acme', role: 'customer', organisation: 'acme' })
    const session = await api.request('GET', '/api/session', ann.call())
    assert.equal(session.status, 200)
    assert.deepEqual([session.body.user.id, session.body.csrf_token], ['u-acme', ann.csrf])
    const out = await api.request('DELETE', '/api/session', ann.call({ csrf: true }))
    assert.equal(out.status, 204)
    assert.match(out.headers.get('set-cookie') ?? '', /^upheld_session=; Max-Age=0; /)
    const afterwards = await api.request('GET', '/api/session', ann.call())
    assert.equal(afterwards.status, 401)
    assert.match(afterwards.body.error.message, /sign in again/)
    assert.equal((await api.request('GET', '/api/me', ann.call())).status, 401)
  })

  test('the cookie is Secure over HTTPS (or behind a proxy that says so) and on loopback, not over plain HTTP', async () => {
    const cases: [string, Record<string, string>, boolean][] = [
      ['http://sla.example', {}, false],
      ['http://192.0.2.10:3000', {}, false],
      ['https://sla.example', {}, true],
      ['http://sla.example', { 'x-forwarded-proto': 'https' }, true],
      ['http://127.0.0.1:3000', {}, true],
      ['http://localhost:3000', {}, true],
      ['http://[::1]:3000', {}, true],
    ]
    for (const [origin, headers, secure] of cases) {
      const r = await api.request('POST', `${origin}/api/session`, {
        token: null,
        headers,
        json: { email: 'gil@globex.example', password: PASSWORD },
      })
      assert.equal(r.status, 200, r.text)
      const flags = (r.headers.get('set-cookie') ?? '').split('; ')
      assert.equal(flags.includes('Secure'), secure, `${origin} ${JSON.stringify(headers)}`)
      assert.ok(flags.includes('HttpOnly'))
    }
  })

  test('a wrong password and an unknown email get the same 401; so does a user with no password', async () => {
    const created = await api.request('POST', '/api/users', {
      json: { email: 'nopass@acme.example', name: 'No Pass', role: 'customer', organisation: 'acme' },
    })
    assert.equal(created.status, 201)
    const answers = []
    for (const email of ['ann@acme.example', 'nobody@acme.example', 'nopass@acme.example']) {
      const r = await api.request('POST', '/api/session', {
        token: null,
        json: { email, password: 'not the password' },
      })
      answers.push({ status: r.status, body: r.body, cookie: r.headers.get('set-cookie') })
    }
    assert.equal(answers[0]!.status, 401)
    assert.equal(answers[0]!.cookie, null)
    assert.match(answers[0]!.body.error.message, /email or password is wrong/)
    assert.deepEqual(answers[1], answers[0])
    assert.deepEqual(answers[2], answers[0])
  })

  test('a change by cookie needs X-CSRF-Token: refused without it or with another, done with it', async () => {
    const ann = await signIn(api, 'ann@acme.example')
    const gil = await signIn(api, 'gil@globex.example')
    const json = { name: 'by cookie' }
    const without = await api.request('POST', '/api/tokens', ann.call({ json }))
    assert.equal(without.status, 403)
    assert.match(without.body.error.message, /needs the X-CSRF-Token header/)
    assert.match(without.body.error.details[0].message, /send X-CSRF-Token: <csrf_token>/)
    const another = await api.request(
      'POST',
      '/api/tokens',
      ann.call({ json, headers: { 'x-csrf-token': gil.csrf } }),
    )
    assert.equal(another.status, 403)
    assert.match(another.body.error.message, /not this session's/)
    const done = await api.request('POST', '/api/tokens', ann.call({ json, csrf: true }))
    assert.deepEqual([done.status, done.body.user], [201, 'u-acme'])
    const signOut = await api.request('DELETE', '/api/session', ann.call())
    assert.equal(signOut.status, 403, 'signing out is a change too')
    const read = await api.request('GET', '/api/tokens', ann.call())
    assert.equal(read.status, 200, 'reading needs no CSRF token')
  })

  test("a change by cookie from another origin is refused, even with the CSRF token; this server's or PUBLIC_URL's is not", async () => {
    const ann = await signIn(api, 'ann@acme.example')
    const from = (origin: string) => ann.call({ json: { name: 'x' }, csrf: true, headers: { origin } })
    const evil = await api.request('POST', '/api/tokens', from('https://evil.example'))
    assert.equal(evil.status, 403)
    assert.match(evil.body.error.message, /https:\/\/evil\.example is refused/)
    assert.equal((await api.request('POST', '/api/tokens', from('null'))).status, 403)
    assert.equal((await api.request('POST', '/api/tokens', from('http://localhost'))).status, 201)
    const signIn403 = await api.request('POST', '/api/session', {
      token: null,
      headers: { origin: 'https://evil.example' },
      json: { email: 'ann@acme.example', password: PASSWORD },
    })
    assert.equal(signIn403.status, 403, 'nor may another site sign a browser in')
    // Behind a proxy that rewrites Host, the browser's origin is PUBLIC_URL's.
    const proxied = createApp({ ...api.deps, publicUrl: 'https://sla.example/upheld', version: '9.9.9' })
    const send = (origin: string) =>
      proxied.request('http://10.0.0.5:3000/api/tokens', {
        method: 'POST',
        headers: {
          cookie: `upheld_session=${ann.cookie}`,
          'x-csrf-token': ann.csrf,
          origin,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ name: 'via proxy' }),
      })
    assert.equal((await send('https://sla.example')).status, 201)
    assert.equal((await send('https://evil.example')).status, 403)
  })

  test('a bearer token needs no CSRF token, and wins over a cookie that comes with it', async () => {
    const ann = await signIn(api, 'ann@acme.example')
    const byToken = await api.request('POST', '/api/tokens', {
      token: api.tokens.globex,
      json: { name: 'script' },
      headers: {
        cookie: `upheld_session=${ann.cookie}`,
        'x-csrf-token': 'wrong',
        origin: 'https://evil.example',
      },
    })
    assert.deepEqual([byToken.status, byToken.body.user], [201, 'u-globex'])
    const session = await api.request('GET', '/api/session', { token: api.tokens.globex })
    assert.equal(session.status, 401, 'a token has no session')
  })

  test('with neither token nor cookie, or with a cookie that signs nobody in, the 401 says to sign in', async () => {
    const none = await api.request('GET', '/api/tickets', { token: null })
    assert.equal(none.status, 401)
    assert.match(none.body.error.message, /API token or a signed-in session/)
    assert.match(none.body.error.details[0].message, /sign in with POST \/api\/session/)
    for (const cookie of ['nonsense', 'A'.repeat(43)]) {
      const r = await api.request('GET', '/api/tickets', {
        token: null,
        headers: { cookie: `upheld_session=${cookie}` },
      })
      assert.equal(r.status, 401)
      assert.match(r.body.error.message, /sign in again/)
      assert.match(
        r.headers.get('set-cookie') ?? '',
        /^upheld_session=; Max-Age=0/,
        'and the cookie is cleared',
      )
    }
  })

  test('a session ends after 12 idle hours; use keeps it going, noted at most once a minute', async () => {
    const ann = await signIn(api, 'ann@acme.example')
    const seen = async () =>
      (
        await api.t.db.query<{ last_seen_at: Date }>(
          'select last_seen_at from sessions where csrf_token = $1',
          [ann.csrf],
        )
      )[0]?.last_seen_at.getTime()
    const start = now
    later(30_000)
    assert.equal((await api.request('GET', '/api/me', ann.call())).status, 200)
    assert.equal(await seen(), start, 'not written again within the minute')
    later(31_000)
    assert.equal((await api.request('GET', '/api/me', ann.call())).status, 200)
    assert.equal(await seen(), now)
    for (let i = 0; i < 3; i++) {
      later(12 * HOUR - MINUTE)
      assert.equal(
        (await api.request('GET', '/api/me', ann.call())).status,
        200,
        `still going after ${i + 1}`,
      )
    }
    later(12 * HOUR)
    const idle = await api.request('GET', '/api/me', ann.call())
    assert.equal(idle.status, 401)
    assert.match(idle.body.error.message, /the session has expired; sign in again/)
    assert.equal(await seen(), undefined, 'and it is gone')
  })

  test('a session ends 7 days after signing in, however busy', async () => {
    const ann = await signIn(api, 'ann@acme.example')
    const start = now
    while (now + 11 * HOUR < start + 7 * 24 * HOUR) {
      later(11 * HOUR)
      assert.equal((await api.request('GET', '/api/me', ann.call())).status, 200)
    }
    later(start + 7 * 24 * HOUR - now - 1)
    assert.equal((await api.request('GET', '/api/me', ann.call())).status, 200, 'a moment before')
    later(1)
    assert.equal((await api.request('GET', '/api/me', ann.call())).status, 401)
  })
})
