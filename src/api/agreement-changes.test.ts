import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { checkAgreementHealth } from '../actions/check-agreement-health.ts'
import { HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

const YAML = 'application/yaml'
// Version 2: a tighter P1 response, reworded severity, and the contacts' first two swapped.
const VERSION_2 = HELPDESK_SLA.replace('within: 30m', 'within: 20m')
  .replace('A major function is unavailable', 'A major function is missing')
  .replace(
    /( {4}- \{ id: c-provider-head.*\n)( {4}- \{ id: c-service-owner.*\n)/,
    (_all, first: string, second: string) => second + first,
  )

describe('agreement diffs and health over the API', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    for (const body of [HELPDESK_SLA, VERSION_2])
      assert.equal((await api.request('POST', '/api/agreements', { body, type: YAML })).status, 201)
  })
  after(() => api.drop())

  // Stored documents are canonical JSON, keys sorted: the changes come in that order.
  test('GET /api/agreements/{id}/diff: the newest version against the one before, by default', async () => {
    const r = await api.request('GET', '/api/agreements/acme-helpdesk/diff')
    assert.equal(r.status, 200)
    assert.deepEqual([r.body.from.version, r.body.to.version], [1, 2])
    assert.deepEqual(
      r.body.changes.map((c: { path: string; kind: string }) => `${c.kind} ${c.path}`),
      [
        'moved spec.contacts[id=c-service-owner]',
        'changed spec.severities[id=P2].definition',
        'changed spec.targets[severity=P1,metric=first_response].within',
      ],
    )
    const prose = r.body.changes[1]
    assert.deepEqual(
      prose.words.filter((w: { op: string }) => w.op !== 'same'),
      [
        { op: 'removed', text: 'unavailable' },
        { op: 'added', text: 'missing' },
      ],
    )
  })

  test('GET /api/agreements/{id}/diff?from=2&to=1 reverses it; a version that does not exist is a 404', async () => {
    const back = await api.request('GET', '/api/agreements/acme-helpdesk/diff?from=2&to=1')
    assert.equal(back.body.changes[2].after, '30m')
    const missing = await api.request('GET', '/api/agreements/acme-helpdesk/diff?from=1&to=9')
    assert.equal(missing.status, 404)
    assert.equal(missing.body.error.details[0].hint, 'its versions are 1, 2')
  })

  test('GET /api/agreements/{id}/health: the open findings, or all of them', async () => {
    const empty = await api.request('GET', '/api/agreements/acme-helpdesk/health')
    assert.deepEqual([empty.status, empty.body.items], [200, []])
    await checkAgreementHealth(api.deps, api.deps.now())
    const r = await api.request('GET', '/api/agreements/acme-helpdesk/health', { token: api.tokens.acme })
    const review = r.body.items.find((f: { rule: string }) => f.rule === 'term.review-due')
    assert.equal(review.path, 'spec.term.review')
    assert.equal(review.version, 2)
    assert.deepEqual(review.owners, [
      { name: 'Luis Ferreira', email: 'luis.ferreira@example-it.example', role: 'service-owner' },
    ])
    assert.equal(review.resolved_at, null)
    const resolved = await api.request('GET', '/api/agreements/acme-helpdesk/health?state=resolved')
    assert.deepEqual(resolved.body.items, [])
    assert.equal((await api.request('GET', '/api/agreements/acme-helpdesk/health?state=nope')).status, 400)
  })
})
