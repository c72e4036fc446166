import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

const YAML = 'application/yaml'

describe('agreements', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
  })
  after(() => api.drop())

  test('an admin uploads an agreement as YAML: 201 with its version and content hash', async () => {
    const r = await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: YAML })
    assert.equal(r.status, 201)
    assert.equal(r.body.agreement, 'acme-helpdesk')
    assert.equal(r.body.version, 1)
    assert.match(r.body.content_hash, /^[0-9a-f]{64}$/)
    assert.deepEqual([r.body.created, r.body.effective_from], [true, '2026-01-01T00:00:00.000Z'])
  })

  test('the same content again is that version (200); a change is the next version', async () => {
    const same = await api.request('POST', '/api/agreements', {
      body: HELPDESK_SLA,
      type: 'text/yaml; charset=utf-8',
    })
    assert.deepEqual([same.status, same.body.version, same.body.created], [200, 1, false])
    const changed = HELPDESK_SLA.replace('within: 30m', 'within: 20m')
    const next = await api.request('POST', '/api/agreements?effective_from=2026-12-01', {
      body: changed,
      type: YAML,
    })
    assert.deepEqual(
      [next.status, next.body.version, next.body.effective_from],
      [201, 2, '2026-12-01T00:00:00.000Z'],
    )
  })

  test('JSON is taken too', async () => {
    const doc = (await api.request('GET', '/api/agreements/acme-helpdesk/versions/1')).body.document
    const r = await api.request('POST', '/api/agreements', { json: doc })
    assert.deepEqual([r.status, r.body.version], [200, 1])
  })

  test('an invalid agreement is a 400 with every issue, by path, line and column', async () => {
    const bad = HELPDESK_SLA.replace('within: 30m', 'within: thirty minutes').replace('rank: 2', 'rank: two')
    const r = await api.request('POST', '/api/agreements', { body: bad, type: YAML })
    assert.equal(r.status, 400)
    assert.equal(r.body.error.code, 'invalid_input')
    assert.ok(r.body.error.details.length >= 2)
    for (const issue of r.body.error.details) {
      assert.equal(typeof issue.line, 'number')
      assert.equal(typeof issue.column, 'number')
    }
    const within = r.body.error.details.find((d: { path: unknown[] }) => d.path.includes('within'))
    assert.deepEqual(within.path.slice(0, 2), ['spec', 'targets'])
    assert.equal(within.line, HELPDESK_SLA.split('\n').findIndex((l) => l.includes('within: 30m')) + 1)
  })

  test('broken YAML is a 400 at its line; plain text a 415; a customer’s upload a 403', async () => {
    const broken = await api.request('POST', '/api/agreements', {
      body: 'apiVersion: upheld/v1\nkind: [',
      type: YAML,
    })
    assert.equal(broken.status, 400)
    assert.equal(typeof broken.body.error.details[0].line, 'number')
    const text = await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: 'text/plain' })
    assert.equal(text.status, 415)
    const customer = await api.request('POST', '/api/agreements', {
      token: api.tokens.acme,
      body: HELPDESK_SLA,
      type: YAML,
    })
    assert.equal(customer.status, 403)
  })

  test('the list, one agreement with its versions, and a version’s document', async () => {
    const list = await api.request('GET', '/api/agreements')
    assert.deepEqual(
      list.body.items.map((a: { id: string; customer: string }) => [a.id, a.customer]),
      [['acme-helpdesk', 'acme']],
    )
    const one = await api.request('GET', '/api/agreements/acme-helpdesk')
    assert.deepEqual(
      one.body.versions.map((v: { version: number; created_by: string }) => [v.version, v.created_by]),
      [
        [1, 'u-admin'],
        [2, 'u-admin'],
      ],
    )
    const v2 = await api.request('GET', '/api/agreements/acme-helpdesk/versions/2')
    assert.equal(v2.body.document.spec.targets[0].within, '20m')
    assert.equal(v2.body.content_hash, one.body.versions[1].content_hash)
  })

  test('unknown agreements and versions are 404; a version that is not a number is a 400', async () => {
    assert.equal((await api.request('GET', '/api/agreements/nope')).status, 404)
    assert.equal((await api.request('GET', '/api/agreements/acme-helpdesk/versions/9')).status, 404)
    const bad = await api.request('GET', '/api/agreements/acme-helpdesk/versions/latest')
    assert.deepEqual([bad.status, bad.body.error.details[0].path], [400, ['version']])
  })

  test('which version is in force, for a customer and service, at an instant', async () => {
    const at = (when: string, service = 'portal') =>
      api.request('GET', `/api/agreements/in-force?customer=acme&service=${service}&at=${when}`)
    const november = await at('2026-11-20T12:00:00Z')
    assert.deepEqual(
      november.body.items.map((i: { id: string; version: number }) => [i.id, i.version]),
      [['acme-helpdesk', 1]],
    )
    assert.equal((await at('2026-12-02T12:00:00Z')).body.items[0].version, 2)
    assert.deepEqual((await at('2025-06-01T00:00:00Z')).body.items, [])
    assert.deepEqual((await at('2027-01-01T00:00:00Z')).body.items, [], 'after the term ends')
    assert.deepEqual(
      (await at('2026-11-20T12:00:00Z', 'payroll')).body.items,
      [],
      'a service it does not cover',
    )
    const mine = await api.request('GET', '/api/agreements/in-force', { token: api.tokens.acme })
    assert.deepEqual(
      [mine.body.customer, mine.body.at, mine.body.items.length],
      ['acme', '2026-11-27T10:00:00.000Z', 1],
    )
    const noCustomer = await api.request('GET', '/api/agreements/in-force')
    assert.deepEqual([noCustomer.status, noCustomer.body.error.details[0].path], [400, ['customer']])
    const badInstant = await api.request('GET', '/api/agreements/in-force?customer=acme&at=tomorrow')
    assert.deepEqual([badInstant.status, badInstant.body.error.details[0].path], [400, ['at']])
  })
})
