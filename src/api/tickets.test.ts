import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { HELPDESK_SLA, T100_EVENTS } from '../actions/test-support/fixtures.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

type Clock = { metric: string; state: string; breached: boolean; due: string | null; ticket: string }
const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((t) => t.id)

describe('tickets, events and clocks', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: 'application/yaml' })
  })
  after(() => api.drop())

  test("the issue's example events, POSTed as a batch, are committed: 202", async () => {
    const r = await api.request('POST', '/api/events', { json: T100_EVENTS })
    assert.deepEqual([r.status, r.body], [202, { accepted: 10, duplicates: 0, tickets: 1 }])
    const again = await api.request('POST', '/api/events', { json: T100_EVENTS })
    assert.deepEqual([again.status, again.body], [202, { accepted: 0, duplicates: 10, tickets: 0 }])
  })

  test("T-100's clocks: the first response was met, due 2026-11-23T09:30:00.000Z", async () => {
    const r = await api.request('GET', '/api/tickets/T-100/clocks')
    assert.equal(r.status, 200)
    const first = r.body.items.find((c: Clock) => c.metric === 'first_response')
    assert.deepEqual(
      [first.state, first.breached, first.due, first.target_ms, first.version],
      ['met', false, '2026-11-23T09:30:00.000Z', 7_200_000, 'acme-helpdesk@1'],
    )
  })

  test('one ticket with its clocks and events', async () => {
    const r = await api.request('GET', '/api/tickets/T-100')
    assert.equal(r.status, 200)
    assert.deepEqual(
      [r.body.id, r.body.customer, r.body.severity, r.body.status, r.body.subject],
      ['T-100', 'acme', 'P1', 'reopened', 'Login fails'],
    )
    assert.equal(r.body.events.length, 10)
    assert.deepEqual(r.body.events[0], { ...T100_EVENTS[0], at: '2026-11-20T16:30:00.000Z' })
    assert.ok(r.body.clocks.some((c: Clock) => c.metric === 'resolution'))
  })

  test('an event id reused for other content is a 409; a bad event a 400 naming it', async () => {
    const conflict = await api.request('POST', '/api/events', {
      json: [{ ...T100_EVENTS[2], at: '2026-11-23T08:41:00Z' }],
    })
    assert.deepEqual([conflict.status, conflict.body.error.code], [409, 'conflict'])
    const bad = await api.request('POST', '/api/events', {
      json: { id: 'b-1', ticket: 'T-100', type: 'status', at: 'yesterday', status: 'open' },
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(bad.body.error.details[0].path, [0, 'at'])
    const orphan = await api.request('POST', '/api/events', {
      json: [{ id: 'o-1', ticket: 'T-404', type: 'status', at: '2026-11-26T10:00:00Z', status: 'open' }],
    })
    assert.equal(orphan.status, 400)
    assert.match(orphan.body.error.details[0].hint, /created event/)
  })

  test('a customer raises a ticket: the created event is made here, with ids, and the clocks start', async () => {
    const r = await api.request('POST', '/api/tickets', {
      token: api.tokens.acme,
      json: { service: 'portal', severity: 'P1', subject: 'Portal down' },
    })
    assert.equal(r.status, 201)
    assert.match(r.body.id, /^TK-[0-9A-F]{8}$/)
    assert.deepEqual([r.body.customer, r.body.requester, r.body.channel], ['acme', 'ann@acme.example', 'api'])
    assert.equal(r.body.events.length, 1)
    assert.match(r.body.events[0].id, /^ev_/)
    assert.equal(r.body.events[0].at, '2026-11-27T10:00:00.000Z')
    const first = r.body.clocks.find((c: Clock) => c.metric === 'first_response')
    assert.deepEqual([first.state, first.due], ['running', '2026-11-27T10:30:00.000Z'])
  })

  test('staff raise a ticket for a customer, under its own id; the same id again is a 409', async () => {
    const ticket = { id: 'T-200', customer: 'acme', service: 'email', severity: 'P3', subject: 'Slow mail' }
    const r = await api.request('POST', '/api/tickets', { json: ticket })
    assert.deepEqual([r.status, r.body.id], [201, 'T-200'])
    const again = await api.request('POST', '/api/tickets', { json: ticket })
    assert.deepEqual([again.status, again.body.error.code], [409, 'conflict'])
    const assigned = await api.request('POST', '/api/events', {
      json: { id: 'a-200', ticket: 'T-200', type: 'assigned', at: '2026-11-27T10:00:00Z', agent: 'mei' },
    })
    assert.equal(assigned.status, 202)
  })

  test('a bad ticket is a 400 naming the field', async () => {
    const missing = await api.request('POST', '/api/tickets', { json: { customer: 'acme' } })
    assert.deepEqual([missing.status, missing.body.error.details[0].path], [400, ['severity']])
    const noCustomer = await api.request('POST', '/api/tickets', { json: { severity: 'P2' } })
    assert.deepEqual([noCustomer.status, noCustomer.body.error.details[0].path], [400, ['customer']])
    const ownId = await api.request('POST', '/api/tickets', {
      token: api.tokens.acme,
      json: { id: 'X-1', severity: 'P2' },
    })
    assert.deepEqual([ownId.status, ownId.body.error.details[0].path], [400, ['id']])
  })

  test('the list filters by customer, severity, agent, breach and risk', async () => {
    assert.equal(ids(await api.request('GET', '/api/tickets')).length, 3)
    assert.deepEqual(ids(await api.request('GET', '/api/tickets?severity=P3')), ['T-200'])
    assert.deepEqual(ids(await api.request('GET', '/api/tickets?agent=mei')), ['T-200'])
    assert.deepEqual(ids(await api.request('GET', '/api/tickets?breached=1')), ['T-100'])
    const atRisk = ids(await api.request('GET', '/api/tickets?at_risk=1'))
    assert.equal(atRisk.length, 1)
    assert.match(atRisk[0]!, /^TK-/)
    assert.deepEqual(ids(await api.request('GET', '/api/tickets?at_risk=1&within=10m')), [])
    assert.deepEqual(ids(await api.request('GET', '/api/tickets?customer=globex')), [])
  })

  test('the list pages with a cursor; a bad cursor or filter is a 400 naming it', async () => {
    const first = await api.request('GET', '/api/tickets?limit=2')
    assert.equal(first.body.items.length, 2)
    assert.ok(first.body.next_cursor)
    const second = await api.request('GET', `/api/tickets?limit=2&cursor=${first.body.next_cursor}`)
    assert.equal(second.body.items.length, 1)
    assert.equal(second.body.next_cursor, null)
    assert.equal(new Set([...ids(first), ...ids(second)]).size, 3)
    for (const [query, field] of [
      ['cursor=garbage', 'cursor'],
      ['limit=0', 'limit'],
      ['at_risk=yes', 'at_risk'],
      ['within=soon', 'within'],
    ]) {
      const r = await api.request('GET', `/api/tickets?${query}`)
      assert.deepEqual([r.status, r.body.error.details[0].path], [400, [field]], query)
    }
  })

  test('running clocks by due instant, paged; an overdue one is breached', async () => {
    const all = await api.request('GET', '/api/clocks')
    const dues = all.body.items.map((c: Clock) => c.due)
    assert.deepEqual(dues, [...dues].sort())
    assert.ok(all.body.items.every((c: Clock & { state: string }) => c.state === 'running'))
    const overdue = all.body.items.filter((c: Clock) => c.due! < '2026-11-27T10:00:00.000Z')
    assert.ok(overdue.length > 0 && overdue.every((c: Clock) => c.breached))
    const soon = await api.request('GET', '/api/clocks?due_before=2026-11-27T11:00:00Z')
    assert.ok(soon.body.items.every((c: Clock) => c.due! < '2026-11-27T11:00:00.000Z'))
    const page = await api.request('GET', '/api/clocks?limit=1')
    const next = await api.request('GET', `/api/clocks?limit=1&cursor=${page.body.next_cursor}`)
    assert.deepEqual([page.body.items[0].due, next.body.items[0].due], dues.slice(0, 2))
    const bad = await api.request('GET', '/api/clocks?due_before=soon')
    assert.deepEqual([bad.status, bad.body.error.details[0].path], [400, ['due_before']])
  })

  test('an unknown ticket is a 404', async () => {
    for (const path of ['/api/tickets/T-404', '/api/tickets/T-404/clocks']) {
      const r = await api.request('GET', path)
      assert.deepEqual([r.status, r.body.error.code], [404, 'not_found'])
    }
  })

  test('events ingested are counted in the metrics', async () => {
    const r = await api.request('GET', '/metrics', { token: null })
    assert.match(r.text, /upheld_events_ingested_total\{outcome="accepted"\} 1[1-9]/)
    assert.match(r.text, /upheld_events_ingested_total\{outcome="duplicate"\} 10/)
  })
  test("a customer sends their own messages, never the provider's replies, status or severity", async () => {
    const raised = await api.request('POST', '/api/tickets', {
      token: api.tokens.acme,
      json: { severity: 'P2' },
    })
    assert.equal(raised.status, 201)
    const ticket = raised.body.id
    const event = (id: string, fields: object) => ({ id, ticket, at: '2026-11-27T10:05:00Z', ...fields })
    const refused = await api.request('POST', '/api/events', {
      token: api.tokens.acme,
      json: [
        event('c-1', { type: 'message', author: 'requester', public: true }),
        event('c-2', { type: 'message', author: 'agent', public: true }),
        event('c-3', { type: 'status', status: 'resolved' }),
      ],
    })
    assert.equal(refused.status, 403)
    assert.deepEqual(
      refused.body.error.details.map((d: { path: unknown[]; message: string }) => [d.path, d.message]),
      [
        [[1], 'a message by "agent" is the provider\'s to record'],
        [[2], 'a "status" event is the provider\'s to record'],
      ],
    )
    const after = await api.request('GET', `/api/tickets/${ticket}`, { token: api.tokens.acme })
    assert.equal(after.body.events.length, 1, 'nothing of the refused batch was stored')
    const own = await api.request('POST', '/api/events', {
      token: api.tokens.acme,
      json: event('c-1', { type: 'message', author: 'requester', public: true }),
    })
    assert.equal(own.status, 202)
  })
})
