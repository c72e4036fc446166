import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

describe('people: organisations, users and tokens', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
  })
  after(() => api.drop())

  test('/api/me names the token’s user, role and organisation', async () => {
    const r = await api.request('GET', '/api/me', { token: api.tokens.acme })
    assert.deepEqual(r.body, { user: 'u-acme', role: 'customer', organisation: 'acme' })
  })

  test('an admin lists and creates organisations; a duplicate is a 409', async () => {
    const created = await api.request('POST', '/api/organisations', {
      json: { id: 'initech', name: 'Initech' },
    })
    assert.equal(created.status, 201)
    assert.deepEqual([created.body.id, created.body.kind], ['initech', 'customer'])
    const list = await api.request('GET', '/api/organisations')
    assert.deepEqual(
      list.body.items.map((o: { id: string }) => o.id),
      ['acme', 'globex', 'initech', 'example-it'],
    )
    const again = await api.request('POST', '/api/organisations', {
      json: { id: 'initech', name: 'Initech' },
    })
    assert.deepEqual([again.status, again.body.error.code], [409, 'conflict'])
  })

  test('a bad organisation is a 400 naming each field', async () => {
    const r = await api.request('POST', '/api/organisations', {
      json: { id: 'Not An Id', kind: 'partner', extra: 1 },
    })
    assert.equal(r.status, 400)
    assert.equal(r.body.error.message, 'invalid request body')
    const paths = r.body.error.details.map((d: { path: string[] }) => d.path.join('.'))
    assert.deepEqual(paths.sort(), ['extra', 'id', 'kind', 'name'])
  })

  test('a customer may not manage organisations or users: 403', async () => {
    for (const [method, path, json] of [
      ['GET', '/api/organisations', undefined],
      ['POST', '/api/organisations', { id: 'evil', name: 'Evil' }],
      ['GET', '/api/users', undefined],
      ['POST', '/api/users', { email: 'x@acme.example', name: 'X', role: 'admin', organisation: 'acme' }],
    ] as const) {
      const r = await api.request(method, path, { token: api.tokens.acme, json })
      assert.deepEqual([r.status, r.body.error.code], [403, 'forbidden'], `${method} ${path}`)
    }
  })

  test('an admin creates users; an unknown organisation is a 404, a taken email a 409, a wrong role a 400', async () => {
    const created = await api.request('POST', '/api/users', {
      json: { email: 'Wendy@Acme.example', name: 'Wendy', role: 'customer', organisation: 'acme' },
    })
    assert.equal(created.status, 201)
    assert.deepEqual([created.body.email, created.body.organisation], ['wendy@acme.example', 'acme'])
    const listed = await api.request('GET', '/api/users?organisation=acme')
    assert.deepEqual(
      listed.body.items.map((u: { email: string }) => u.email),
      ['ann@acme.example', 'wendy@acme.example'],
    )
    const user = { email: 'z@x.example', name: 'Z', role: 'customer' }
    const unknown = await api.request('POST', '/api/users', { json: { ...user, organisation: 'nowhere' } })
    assert.equal(unknown.status, 404)
    const taken = await api.request('POST', '/api/users', {
      json: { ...user, email: 'wendy@acme.example', organisation: 'acme' },
    })
    assert.equal(taken.status, 409)
    const staffInCustomer = await api.request('POST', '/api/users', {
      json: { ...user, role: 'agent', organisation: 'acme' },
    })
    assert.deepEqual([staffInCustomer.status, staffInCustomer.body.error.details[0].path], [400, ['role']])
    const badEmail = await api.request('POST', '/api/users', {
      json: { ...user, email: 'nope', organisation: 'acme' },
    })
    assert.deepEqual([badEmail.status, badEmail.body.error.details[0].path], [400, ['email']])
  })

  test('anyone makes their own token, shown once; the list never shows a secret', async () => {
    const made = await api.request('POST', '/api/tokens', {
      token: api.tokens.acme,
      json: { name: 'helpdesk' },
    })
    assert.equal(made.status, 201)
    assert.match(made.body.token, /^uph_[A-Za-z0-9_-]{43}$/)
    assert.equal(made.body.user, 'u-acme')
    const me = await api.request('GET', '/api/me', { token: made.body.token })
    assert.equal(me.body.user, 'u-acme')
    const listed = await api.request('GET', '/api/tokens', { token: api.tokens.acme })
    assert.equal(listed.status, 200)
    assert.ok(listed.body.items.every((t: { user: string }) => t.user === 'u-acme'))
    assert.equal(listed.body.items.length, 2)
    assert.doesNotMatch(listed.text, /uph_/)
    const all = await api.request('GET', '/api/tokens')
    assert.ok(all.body.items.length >= 4)
  })

  test("a customer may not make or list another user's tokens: 403; an admin may", async () => {
    const make = await api.request('POST', '/api/tokens', {
      token: api.tokens.acme,
      json: { user: 'u-globex', name: 'x' },
    })
    assert.equal(make.status, 403)
    const list = await api.request('GET', '/api/tokens?user=u-globex', { token: api.tokens.acme })
    assert.equal(list.status, 403)
    const byAdmin = await api.request('POST', '/api/tokens', { json: { user: 'u-globex', name: 'for gil' } })
    assert.equal(byAdmin.status, 201)
    const unknown = await api.request('POST', '/api/tokens', { json: { user: 'u-nobody', name: 'x' } })
    assert.equal(unknown.status, 404)
  })

  test("a token is revoked by its owner or an admin, at once; another's is a 404", async () => {
    const made = await api.request('POST', '/api/tokens', {
      token: api.tokens.globex,
      json: { name: 'short-lived' },
    })
    const id = made.body.id
    const byOther = await api.request('DELETE', `/api/tokens/${id}`, { token: api.tokens.acme })
    assert.equal(byOther.status, 404)
    const revoked = await api.request('DELETE', `/api/tokens/${id}`, { token: api.tokens.globex })
    assert.equal(revoked.status, 204)
    const used = await api.request('GET', '/api/me', { token: made.body.token })
    assert.equal(used.status, 401)
    const again = await api.request('DELETE', `/api/tokens/${id}`)
    assert.equal(again.status, 404)
    const listed = await api.request('GET', '/api/tokens?user=u-globex')
    assert.ok(listed.body.items.find((t: { id: string }) => t.id === id).revoked_at)
  })

  test('using a token records when, to the minute', async () => {
    const made = await api.request('POST', '/api/tokens', {
      token: api.tokens.acme,
      json: { name: 'touched' },
    })
    await api.request('GET', '/api/me', { token: made.body.token })
    const listed = await api.request('GET', '/api/tokens', { token: api.tokens.acme })
    const token = listed.body.items.find((t: { id: string }) => t.id === made.body.id)
    assert.equal(token.last_used_at, '2026-11-27T10:00:00.000Z')
  })
})
