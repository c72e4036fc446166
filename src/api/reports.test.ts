// Reports over HTTP: a closed month frozen on first read, one CSV table, and the audited
// recomputation (provider staff, a reason, the changes).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

const ticket = (id: string, day: string, resolvedAt: string) => [
  {
    id: `${id}-1`,
    ticket: id,
    type: 'created',
    at: `2026-10-${day}T10:00:00Z`,
    customer: 'acme',
    service: 'portal',
    severity: 'P1',
  },
  { id: `${id}-2`, ticket: id, type: 'status', at: `2026-10-${day}T${resolvedAt}:00Z`, status: 'resolved' },
]

describe('reports over HTTP', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: 'application/yaml' })
    const posted = await api.request('POST', '/api/events', {
      json: [...ticket('T-1', '05', '12:00'), ...ticket('T-2', '06', '15:00')],
    })
    assert.equal(posted.status, 202, posted.text)
  })
  after(() => api.drop())

  test('a closed month: the report, frozen; CSV by table; a customer reads its own', async () => {
    const r = await api.request('GET', '/api/agreements/acme-helpdesk/reports/2026-10', {
      token: api.tokens.acme,
    })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.body.frozen.revision, 1)
    const p1 = r.body.report.targets.find(
      (t: { severity: string; metric: string }) => t.severity === 'P1' && t.metric === 'resolution',
    )
    assert.deepEqual([p1.total, p1.met, p1.breached, p1.compliance], [2, 1, 1, '50.00'])
    assert.equal(r.body.report.credits.currency, 'GBP')
    const csv = await api.request(
      'GET',
      '/api/agreements/acme-helpdesk/reports/2026-10?format=csv&table=targets',
    )
    assert.equal(csv.status, 200)
    assert.match(csv.text.split('\n')[0]!, /severity,metric/)
    const noTable = await api.request('GET', '/api/agreements/acme-helpdesk/reports/2026-10?format=csv')
    assert.equal(noTable.status, 400)
    const badPeriod = await api.request('GET', '/api/agreements/acme-helpdesk/reports/october')
    assert.equal(badPeriod.status, 400)
    assert.match(badPeriod.text, /2026-Q4/)
  })

  test('the document: PDF and HTML of the frozen report', async () => {
    const pdf = await api.request('GET', '/api/agreements/acme-helpdesk/reports/2026-10?format=pdf', {
      token: api.tokens.acme,
    })
    assert.equal(pdf.status, 200)
    assert.equal(pdf.headers.get('content-type'), 'application/pdf')
    assert.ok(pdf.text.startsWith('%PDF-'))
    const html = await api.request('GET', '/api/agreements/acme-helpdesk/reports/2026-10?format=html')
    assert.equal(html.status, 200)
    assert.match(html.text, /Service level report, October 2026/)
  })

  test('recompute: refused to a customer, stored as a new revision for staff', async () => {
    const refused = await api.request('POST', '/api/agreements/acme-helpdesk/reports/2026-10/recompute', {
      token: api.tokens.acme,
      json: { reason: 'please' },
    })
    assert.equal(refused.status, 403)
    const r = await api.request('POST', '/api/agreements/acme-helpdesk/reports/2026-10/recompute', {
      json: { reason: 'checking the figures' },
    })
    assert.equal(r.status, 201, r.text)
    assert.deepEqual(
      [r.body.before.revision, r.body.after.revision, r.body.after.reason],
      [1, 2, 'checking the figures'],
    )
    assert.deepEqual(r.body.changes, [], 'nothing arrived since: nothing changed')
  })
})
