import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { ACME, GLOBEX } from '../actions/test-support/fixtures.ts'
import { PASSWORD, setPassword, signIn } from './test-support/sign-in.ts'
import { createTestApi, NOW, type Reply, type TestApi } from './test-support/test-api.ts'

const MINUTE = 60_000

describe('failed sign-ins are limited, per account and per client address', () => {
  let api: TestApi
  let now = Date.parse(NOW)
  const later = (ms: number) => {
    now += ms
  }
  before(async () => {
    api = await createTestApi({ now: () => now })
    for (const user of [ACME, GLOBEX]) await setPassword(api, user.userId)
  })
  after(() => api.drop())

  /** POST /api/session from a client at `peer` (the socket's address), as the Node server sees it. */
  const attempt = async (
    email: string,
    password: string,
    peer = '192.0.2.1',
    headers = {},
  ): Promise<Reply> => {
    const response = await api.app.request(
      '/api/session',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email, password }),
      },
      { incoming: { socket: { remoteAddress: peer } } },
    )
    const text = await response.text()
    return { status: response.status, body: JSON.parse(text), text, headers: response.headers }
  }
  const fail = async (email: string, peer?: string) => {
    const r = await attempt(email, 'wrong password', peer)
    assert.equal(r.status, 401, `${email}: ${r.text}`)
  }

  test('the 6th failure in 15 minutes is a 429 with Retry-After, until the oldest failure is 15 minutes old', async () => {
    later(MINUTE)
    const start = now
    for (let i = 0; i < 5; i++) {
      await fail('ann@acme.example')
      later(MINUTE)
    }
    const refused = await attempt('ann@acme.example', PASSWORD)
    assert.equal(refused.status, 429, 'even with the right password')
    assert.equal(refused.body.error.code, 'rate_limited')
    assert.equal(refused.headers.get('retry-after'), String(10 * 60))
    assert.equal(
      refused.body.error.message,
      `too many failed attempts for this account; try again in 10 minutes (after ${new Date(start + 15 * MINUTE).toISOString().slice(11, 16)} UTC)`,
    )
    assert.equal((await attempt('ANN@acme.example ', PASSWORD)).status, 429, 'whatever the case and spaces')
    assert.equal((await attempt('gil@globex.example', PASSWORD)).status, 200, 'other accounts may go on')
    later(start + 15 * MINUTE - now - 1)
    assert.equal((await attempt('ann@acme.example', PASSWORD)).status, 429, 'a moment before')
    later(1)
    // The window slides: the first failure is out of it, the other four are not.
    await fail('ann@acme.example')
    const again = await attempt('ann@acme.example', PASSWORD)
    assert.deepEqual([again.status, again.headers.get('retry-after')], [429, '60'])
    assert.match(again.body.error.message, /try again in 1 minute \(after \d\d:\d\d UTC\)/)
  })

  test('attempts sent together are counted before they are checked: 5 of 10 are tried, 5 refused', async () => {
    later(20 * MINUTE)
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt('ann@acme.example', `guess ${i}`, '198.51.100.20')),
    )
    assert.deepEqual(answers.map((r) => r.status).sort(), [401, 401, 401, 401, 401, 429, 429, 429, 429, 429])
  })

  test('a success clears the account’s failures', async () => {
    later(20 * MINUTE)
    for (let i = 0; i < 4; i++) await fail('gil@globex.example')
    assert.equal((await attempt('gil@globex.example', PASSWORD)).status, 200)
    for (let i = 0; i < 5; i++) await fail('gil@globex.example')
    assert.equal((await attempt('gil@globex.example', PASSWORD)).status, 429)
  })

  test('30 failures from one address in 15 minutes, whatever the emails, stop that address only', async () => {
    later(20 * MINUTE)
    for (let i = 0; i < 30; i++) await fail(`guess-${i}@acme.example`, '198.51.100.7')
    const refused = await attempt('ann@acme.example', PASSWORD, '198.51.100.7')
    assert.equal(refused.status, 429)
    assert.match(
      refused.body.error.message,
      /too many failed attempts from your address; try again in 15 minutes/,
    )
    assert.equal((await attempt('ann@acme.example', PASSWORD, '198.51.100.8')).status, 200)
    // A proxy on this machine names the client in X-Forwarded-For; anyone else is not believed.
    const viaProxy = await attempt('ann@acme.example', PASSWORD, '127.0.0.1', {
      'x-forwarded-for': '198.51.100.7',
    })
    assert.equal(viaProxy.status, 429)
    const claimed = await attempt('ann@acme.example', PASSWORD, '203.0.113.1', {
      'x-forwarded-for': '198.51.100.7',
    })
    assert.equal(claimed.status, 200)
    later(15 * MINUTE)
    assert.equal((await attempt('ann@acme.example', PASSWORD, '198.51.100.7')).status, 200)
  })

  test('guessing the current password when changing one’s own is limited the same way', async () => {
    later(20 * MINUTE)
    const gil = await signIn(api, 'gil@globex.example')
    const change = (current: string) =>
      api.request(
        'POST',
        '/api/users/u-globex/password',
        gil.call({ csrf: true, json: { password: 'a new password', current_password: current } }),
      )
    for (let i = 0; i < 5; i++) assert.equal((await change(`guess ${i}`)).status, 403)
    const refused = await change(PASSWORD)
    assert.deepEqual([refused.status, refused.headers.get('retry-after')], [429, '900'])
  })
})
