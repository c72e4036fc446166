import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { ACME, ADMIN, GLOBEX } from '../actions/test-support/fixtures.ts'
import { PASSWORD, setPassword, signIn } from './test-support/sign-in.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

describe('passwords and disabled users', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    for (const user of [ADMIN, ACME, GLOBEX]) await setPassword(api, user.userId)
  })
  after(() => api.drop())

  const session = (email: string, password = PASSWORD) =>
    api.request('POST', '/api/session', { token: null, json: { email, password } })

  test('a password too short or too long is a 400 naming the field, wherever it is set', async () => {
    for (const [password, message] of [
      ['short', 'must be at least 10 characters'],
      ['x'.repeat(1025), 'must be at most 1024 characters'],
    ]) {
      const set = await api.request('POST', '/api/users/u-acme/password', { json: { password } })
      assert.equal(set.status, 400)
      assert.deepEqual(
        set.body.error.details.map((d: { path: string[]; message: string }) => [d.path, d.message]),
        [[['password'], message]],
      )
      const created = await api.request('POST', '/api/users', {
        json: { email: 'new@acme.example', name: 'New', role: 'customer', organisation: 'acme', password },
      })
      assert.deepEqual([created.status, created.body.error.details[0].path], [400, ['password']])
    }
    assert.equal((await session('ann@acme.example')).status, 200, 'and the old password still works')
  })

  test('a user created with a password signs in with it', async () => {
    const created = await api.request('POST', '/api/users', {
      json: {
        email: 'wendy@acme.example',
        name: 'Wendy',
        role: 'customer',
        organisation: 'acme',
        password: 'wendy’s long password',
      },
    })
    assert.equal(created.status, 201, created.text)
    assert.equal(created.body.password, undefined)
    assert.doesNotMatch(created.text, /argon2/)
    const r = await session('wendy@acme.example', 'wendy’s long password')
    assert.deepEqual([r.status, r.body.user?.id], [200, created.body.id])
  })

  test('one’s own password changes only with the current one, and the other sessions end', async () => {
    const here = await signIn(api, 'gil@globex.example')
    const elsewhere = await signIn(api, 'gil@globex.example')
    const change = (json: unknown) =>
      api.request('POST', '/api/users/u-globex/password', here.call({ csrf: true, json }))
    const missing = await change({ password: 'a better password' })
    assert.deepEqual([missing.status, missing.body.error.details[0].path], [400, ['current_password']])
    const wrong = await change({ password: 'a better password', current_password: 'not it at all' })
    assert.deepEqual([wrong.status, wrong.body.error.details[0].path], [403, ['current_password']])
    assert.equal((await change({ password: 'a better password', current_password: PASSWORD })).status, 204)
    assert.equal((await api.request('GET', '/api/session', here.call())).status, 200, 'this session goes on')
    assert.equal((await api.request('GET', '/api/session', elsewhere.call())).status, 401, 'the other ended')
    assert.equal((await session('gil@globex.example')).status, 401)
    assert.equal((await session('gil@globex.example', 'a better password')).status, 200)
  })

  test("an admin sets anyone's password and ends all their sessions; a customer may not set another's", async () => {
    const ann = await signIn(api, 'ann@acme.example')
    const byAnn = await api.request(
      'POST',
      '/api/users/u-globex/password',
      ann.call({ csrf: true, json: { password: 'taken over!!', current_password: PASSWORD } }),
    )
    assert.equal(byAnn.status, 403)
    assert.equal(
      (
        await api.request('POST', '/api/users/u-nobody/password', {
          token: api.tokens.acme,
          json: { password: 'x'.repeat(10) },
        })
      ).status,
      403,
      'the same whether the user exists or not',
    )
    assert.equal(await setPasswordStatus(api, 'u-acme', 'reset by the admin'), 204)
    assert.equal((await api.request('GET', '/api/session', ann.call())).status, 401)
    assert.equal((await session('ann@acme.example', 'reset by the admin')).status, 200)
    assert.equal(await setPasswordStatus(api, 'u-nobody', 'reset by the admin'), 404)
  })

  test('a disabled user cannot sign in, and their sessions and tokens stop working', async () => {
    const created = await api.request('POST', '/api/users', {
      json: {
        email: 'leaver@acme.example',
        name: 'Leaver',
        role: 'customer',
        organisation: 'acme',
        password: PASSWORD,
      },
    })
    const id = created.body.id as string
    const leaver = await signIn(api, 'leaver@acme.example')
    const token = (await api.request('POST', '/api/tokens', leaver.call({ csrf: true, json: { name: 'x' } })))
      .body.token as string
    assert.equal((await api.request('GET', '/api/me', { token })).status, 200)
    const byCustomer = await api.request('POST', `/api/users/${id}/disable`, { token: api.tokens.acme })
    assert.equal(byCustomer.status, 403)
    const disabled = await api.request('POST', `/api/users/${id}/disable`)
    assert.equal(disabled.status, 200)
    assert.equal(disabled.body.disabled_at, '2026-11-27T10:00:00.000Z')
    assert.equal((await api.request('GET', '/api/session', leaver.call())).status, 401)
    assert.equal((await api.request('GET', '/api/me', { token })).status, 401)
    const again = await session('leaver@acme.example')
    assert.equal(again.status, 401)
    assert.deepEqual(again.body, (await session('nobody@acme.example')).body, 'told no more than a stranger')
    const twice = await api.request('POST', `/api/users/${id}/disable`)
    assert.deepEqual([twice.status, twice.body.disabled_at], [200, '2026-11-27T10:00:00.000Z'])
    assert.equal((await api.request('POST', '/api/users/u-nobody/disable')).status, 404)
    const self = await api.request('POST', '/api/users/u-admin/disable')
    assert.deepEqual([self.status, self.body.error.message], [400, 'you cannot disable yourself'])
  })
})

async function setPasswordStatus(api: TestApi, userId: string, password: string): Promise<number> {
  return (await api.request('POST', `/api/users/${userId}/password`, { json: { password } })).status
}
