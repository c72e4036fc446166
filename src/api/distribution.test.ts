// Distribution over HTTP: refused for a version nobody signed, with the reason.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

describe('POST /api/agreements/{id}/versions/{version}/distribute', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: 'application/yaml' })
  })
  after(() => api.drop())

  test('an uploaded version that nobody signed is not distributed, and the reply says why', async () => {
    const r = await api.request('POST', '/api/agreements/acme-helpdesk/versions/1/distribute')
    assert.equal(r.status, 409, r.text)
    assert.match(r.body.error.message, /sign/i)
    const missing = await api.request('POST', '/api/agreements/acme-helpdesk/versions/9/distribute')
    assert.equal(missing.status, 404)
  })
})
