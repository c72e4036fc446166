// What the customer portal relies on beyond the other resources: the agreement version as a
// document (HTML shown in the page, PDF to download) and tickets raised with what was written.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

describe('an agreement version as a document', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    const r = await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: 'application/yaml' })
    assert.equal(r.status, 201)
  })
  after(() => api.drop())

  test('HTML by default: one standalone page, no scripts, framed only by Upheld itself', async () => {
    const r = await api.request('GET', '/api/agreements/acme-helpdesk/versions/1/document', {
      token: api.tokens.acme,
    })
    assert.equal(r.status, 200)
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/)
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'.*frame-ancestors 'self'/)
    assert.match(r.text, /<h1>Helpdesk Service Level Agreement<\/h1>/)
    assert.match(r.text, /Mei Tanaka/)
    assert.doesNotMatch(r.text, /<script/i)
  })

  test('PDF and Markdown, named after the agreement and version', async () => {
    const pdf = await api.request('GET', '/api/agreements/acme-helpdesk/versions/1/document?format=pdf', {
      token: api.tokens.acme,
    })
    assert.equal(pdf.status, 200)
    assert.equal(pdf.headers.get('content-type'), 'application/pdf')
    assert.match(pdf.headers.get('content-disposition') ?? '', /filename="acme-helpdesk-v1\.pdf"/)
    assert.ok(pdf.text.startsWith('%PDF-'))
    const md = await api.request('GET', '/api/agreements/acme-helpdesk/versions/1/document?format=md')
    assert.equal(md.status, 200)
    assert.match(md.text, /^# Helpdesk Service Level Agreement/m)
  })

  test('another customer, a missing version or an unknown format', async () => {
    const theirs = await api.request('GET', '/api/agreements/acme-helpdesk/versions/1/document', {
      token: api.tokens.globex,
    })
    assert.deepEqual([theirs.status, theirs.body.error.code], [404, 'not_found'])
    const missing = await api.request('GET', '/api/agreements/acme-helpdesk/versions/9/document')
    assert.equal(missing.status, 404)
    const format = await api.request('GET', '/api/agreements/acme-helpdesk/versions/1/document?format=docx')
    assert.deepEqual([format.status, format.body.error.details[0].path], [400, ['format']])
  })
})

describe('a customer raises a ticket with what they wrote and the kind of request', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: 'application/yaml' })
  })
  after(() => api.drop())

  test('the description and request type are kept on the created event', async () => {
    const description = 'Since 09:40 every page of the portal answers 502.\nTried two browsers.'
    const r = await api.request('POST', '/api/tickets', {
      token: api.tokens.acme,
      json: {
        service: 'portal',
        severity: 'P2',
        subject: 'Portal answers 502',
        description,
        request_type: 'incident',
        channel: 'portal',
      },
    })
    assert.equal(r.status, 201)
    const created = r.body.events[0]
    assert.deepEqual(
      [created.description, created.requestType, created.channel],
      [description, 'incident', 'portal'],
    )
    const bad = await api.request('POST', '/api/tickets', {
      token: api.tokens.acme,
      json: { severity: 'P3', request_type: 'complaint' },
    })
    assert.deepEqual([bad.status, bad.body.error.details[0].path], [400, ['request_type']])
  })
})
