// The at-risk board, a ticket's timeline, and replies and status changes from the web app, on
// the reference helpdesk SLA at Friday 27 November 2026, 10:00 in London (business hours
// 08:00–17:00 on Fridays; P1 targets run on a 24×7 calendar).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { createTestApi, type Reply, type TestApi } from './test-support/test-api.ts'

const H = 3_600_000
const created = (ticket: string, at: string, severity: string, extra: object = {}) => ({
  id: `${ticket}-c`,
  ticket,
  type: 'created',
  at,
  customer: 'acme',
  severity,
  requester: 'ann@acme.example',
  channel: 'email',
  subject: `${ticket} subject`,
  ...extra,
})
const EVENTS = [
  created('B-1', '2026-11-27T09:50:00Z', 'P1', { service: 'portal' }),
  created('B-2', '2026-11-27T09:00:00Z', 'P2', { service: 'portal' }),
  created('B-3', '2026-11-26T09:00:00Z', 'P3', { service: 'portal' }),
  { id: 'B-3-r', ticket: 'B-3', type: 'message', at: '2026-11-26T09:30:00Z', author: 'agent', public: true },
  { id: 'B-3-w', ticket: 'B-3', type: 'status', at: '2026-11-26T10:00:00Z', status: 'waiting_on_customer' },
  created('B-4', '2026-11-25T09:00:00Z', 'P2', { service: 'portal' }),
  created('B-5', '2026-11-27T09:30:00Z', 'P4', { service: 'email' }),
  { id: 'B-5-a', ticket: 'B-5', type: 'assigned', at: '2026-11-27T09:31:00Z', agent: 'mei' },
  created('B-6', '2026-11-26T09:00:00Z', 'P3'),
  { id: 'B-6-r', ticket: 'B-6', type: 'status', at: '2026-11-26T11:00:00Z', status: 'resolved' },
]

type Item = { id: string; clock: Record<string, unknown> }
const ids = (r: Reply) => r.body.items.map((i: Item) => i.id)

describe('the at-risk board', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: 'application/yaml' })
    const r = await api.request('POST', '/api/events', { json: EVENTS })
    assert.equal(r.status, 202, r.text)
  })
  after(() => api.drop())

  test('at risk: running clocks soonest due first, then paused ones; each with the business time it has left', async () => {
    const r = await api.request('GET', '/api/board')
    assert.equal(r.status, 200, r.text)
    assert.equal(r.body.as_of, '2026-11-27T10:00:00.000Z')
    assert.deepEqual(ids(r), ['B-1', 'B-2', 'B-5', 'B-3'])
    const [b1, b2, b5, b3] = r.body.items.map((i: Item) => i.clock)
    // P1 on the 24×7 calendar: 20 minutes left, counting, and the calendar never closes.
    assert.deepEqual(
      [b1.metric, b1.remaining_ms, b1.elapsed_ms, b1.counting, b1.next_change, b1.due],
      ['first_response', 20 * 60_000, 10 * 60_000, true, null, '2026-11-27T10:20:00.000Z'],
    )
    // P2 on business hours: an hour left; the calendar closes at 17:00.
    assert.deepEqual(
      [b2.remaining_ms, b2.counting, b2.next_change, b2.zone],
      [H, true, '2026-11-27T17:00:00.000Z', 'Europe/London'],
    )
    // P4, 8 business hours from 09:30 on a Friday: due at 08:30 on Monday, 7h30 left now.
    assert.deepEqual([b5.due, b5.remaining_ms], ['2026-11-30T08:30:00.000Z', 7.5 * H])
    // P3 waiting on the customer: its resolution clock is paused with 39 of its 40 hours left.
    assert.deepEqual(
      [b3.metric, b3.state, b3.remaining_ms, b3.counting, b3.due],
      ['resolution', 'paused', 39 * H, false, null],
    )
    assert.deepEqual(r.body.counts, { at_risk: 4, breached: 1 })
    assert.deepEqual(r.body.facets, {
      customers: [{ id: 'acme', name: 'Acme' }],
      severities: ['P1', 'P2', 'P3', 'P4'],
      agents: ['mei'],
      services: ['email', 'portal'],
    })
  })

  test('breached: how far past its due instant, in business time', async () => {
    const r = await api.request('GET', '/api/board?state=breached')
    assert.deepEqual(ids(r), ['B-4'])
    const clock = r.body.items[0].clock
    // Due Wednesday 11:00; since then 7 + 10 + 2 business hours.
    assert.deepEqual(
      [clock.metric, clock.due, clock.breached, clock.remaining_ms],
      ['first_response', '2026-11-25T11:00:00.000Z', true, -19 * H],
    )
  })

  test('filters by severity, agent, service and customer', async () => {
    const board = async (q: string) => ids(await api.request('GET', `/api/board?${q}`))
    assert.deepEqual(await board('severity=P2'), ['B-2'])
    assert.deepEqual(await board('severity=P2&state=breached'), ['B-4'])
    assert.deepEqual(await board('agent=mei'), ['B-5'])
    assert.deepEqual(await board('service=portal'), ['B-1', 'B-2', 'B-3'])
    assert.deepEqual(await board('customer=globex'), [])
    const counted = await api.request('GET', '/api/board?service=portal')
    assert.deepEqual(counted.body.counts, { at_risk: 3, breached: 1 })
  })

  test('pages with a cursor, from the running clocks on into the paused ones', async () => {
    for (const limit of [1, 2, 3]) {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const r: Reply = await api.request(
          'GET',
          `/api/board?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        )
        assert.equal(r.status, 200, r.text)
        assert.ok(r.body.items.length <= limit)
        assert.equal(r.body.counts === null, cursor !== null, 'counts on the first page only')
        seen.push(...ids(r))
        cursor = r.body.next_cursor
      } while (cursor)
      assert.deepEqual(seen, ['B-1', 'B-2', 'B-5', 'B-3'], `limit ${limit}`)
    }
    const bad = await api.request('GET', '/api/board?cursor=garbage')
    assert.deepEqual([bad.status, bad.body.error.details[0].path], [400, ['cursor']])
  })

  test('customers have no board, but have their facets', async () => {
    const r = await api.request('GET', '/api/board', { token: api.tokens.acme })
    assert.equal(r.status, 403)
    const facets = await api.request('GET', '/api/ticket-facets', { token: api.tokens.acme })
    assert.deepEqual(facets.body.customers, [{ id: 'acme', name: 'Acme' }])
    const none = await api.request('GET', '/api/ticket-facets', { token: api.tokens.globex })
    assert.deepEqual(none.body, { customers: [], severities: [], agents: [], services: [] })
  })

  test('the ticket list: newest first, open or closed, by service', async () => {
    const list = async (q: string) => ids(await api.request('GET', `/api/tickets?${q}`))
    assert.deepEqual(await list('status=open'), ['B-1', 'B-5', 'B-2', 'B-3', 'B-4'])
    assert.deepEqual(await list('status=closed'), ['B-6'])
    assert.deepEqual(await list('service=email'), ['B-5'])
    const first = await api.request('GET', '/api/tickets?limit=4')
    const rest = await api.request('GET', `/api/tickets?limit=4&cursor=${first.body.next_cursor}`)
    assert.deepEqual([...ids(first), ...ids(rest)], ['B-1', 'B-5', 'B-2', 'B-3', 'B-6', 'B-4'])
  })

  test("a ticket's timeline: spans, waits, thresholds, and who is escalated next", async () => {
    const paused = await api.request('GET', '/api/tickets/B-3/timeline')
    assert.equal(paused.status, 200, paused.text)
    const resolution = paused.body.clocks.find((c: { metric: string }) => c.metric === 'resolution')
    assert.deepEqual(resolution.runs, [{ from: '2026-11-26T09:00:00.000Z', to: '2026-11-26T10:00:00.000Z' }])
    assert.deepEqual(resolution.waits, [{ from: '2026-11-26T10:00:00.000Z', to: null, reason: 'paused' }])
    assert.deepEqual(resolution.calendar, { id: 'business', zone: 'Europe/London' })
    assert.equal(resolution.remaining_ms, 39 * H)
    assert.ok(
      resolution.thresholds.every((t: { at: string | null }) => t.at === null),
      'paused short of them',
    )
    assert.deepEqual(paused.body.next_escalations, [], 'P3 is not in the escalation matrix')

    const r = await api.request('GET', '/api/tickets/B-2/timeline')
    const clock = r.body.clocks.find((c: { metric: string }) => c.metric === 'resolution')
    assert.deepEqual(
      clock.thresholds.map((t: { kind: string; percent: string; at: string }) => [t.kind, t.percent, t.at]),
      [
        ['warning', '50', '2026-11-27T17:00:00.000Z'],
        ['warning', '75', '2026-11-30T12:00:00.000Z'],
        ['warning', '90', '2026-11-30T14:24:00.000Z'],
        ['breach', '100', '2026-11-30T16:00:00.000Z'],
        ['escalation', '75', '2026-11-30T12:00:00.000Z'],
        ['escalation', '100', '2026-11-30T16:00:00.000Z'],
      ],
    )
    assert.deepEqual(clock.open_hours[0], {
      from: '2026-11-27T09:00:00.000Z',
      to: '2026-11-27T17:00:00.000Z',
    })
    assert.deepEqual(
      r.body.next_escalations.map((n: { level: number; at: string; notify: { name: string }[] }) => [
        n.level,
        n.at,
        n.notify.map((c) => c.name),
      ]),
      [
        [1, '2026-11-30T12:00:00.000Z', ['Mei Tanaka']],
        [2, '2026-11-30T16:00:00.000Z', ['Luis Ferreira']],
      ],
    )
    assert.equal(r.body.escalation_matrix.length, 3)
    assert.deepEqual(
      r.body.referral.map((x: { level: string; contact: { name: string } }) => [x.level, x.contact.name]),
      [
        ['L1', 'Service desk'],
        ['L2', 'Mei Tanaka'],
        ['L3', 'Luis Ferreira'],
      ],
    )
  })

  test("staff reply: the first response is met, and the ticket leaves the board's top", async () => {
    const r = await api.request('POST', '/api/tickets/B-1/messages', { json: { body: 'Looking at it now.' } })
    assert.equal(r.status, 201, r.text)
    const first = r.body.clocks.find((c: { metric: string }) => c.metric === 'first_response')
    assert.deepEqual([first.state, first.breached], ['met', false])
    const message = r.body.events.at(-1)
    assert.deepEqual(
      [message.type, message.author, message.public, message.body, message.by, message.at],
      [
        'message',
        'agent',
        true,
        'Looking at it now.',
        'admin@example-it.example',
        '2026-11-27T10:00:00.000Z',
      ],
    )
    const board = await api.request('GET', '/api/board')
    const b1 = board.body.items.find((i: Item) => i.id === 'B-1')
    // The periodic update (every hour on P1) is now the most urgent of its clocks.
    assert.equal(b1.clock.metric, 'periodic_update')
  })

  test('customers write publicly as the requester; internal notes stay with staff', async () => {
    const note = await api.request('POST', '/api/tickets/B-2/messages', {
      json: { body: 'Customer is on the old client.', public: false },
    })
    assert.equal(note.status, 201, note.text)
    const own = await api.request('POST', '/api/tickets/B-2/messages', {
      token: api.tokens.acme,
      json: { body: 'Any news?' },
    })
    assert.equal(own.status, 201, own.text)
    assert.deepEqual(
      [own.body.events.at(-1).author, own.body.events.at(-1).by],
      ['requester', 'ann@acme.example'],
    )
    assert.ok(!own.text.includes('old client'), 'the note is not shown to the customer')
    const seen = await api.request('GET', '/api/tickets/B-2', { token: api.tokens.acme })
    assert.ok(!seen.text.includes('old client'))
    const staff = await api.request('GET', '/api/tickets/B-2')
    assert.ok(staff.text.includes('old client'))
    const hidden = await api.request('POST', '/api/tickets/B-2/messages', {
      token: api.tokens.acme,
      json: { body: 'psst', public: false },
    })
    assert.deepEqual([hidden.status, hidden.body.error.details[0].path], [400, ['public']])
    const empty = await api.request('POST', '/api/tickets/B-2/messages', { json: { body: '  ' } })
    assert.deepEqual([empty.status, empty.body.error.details[0].path], [400, ['body']])
    const missing = await api.request('POST', '/api/tickets/NO-SUCH/messages', { json: { body: 'x' } })
    assert.equal(missing.status, 404)
  })

  test('staff change the status: waiting on the customer pauses the resolution clock', async () => {
    const r = await api.request('POST', '/api/tickets/B-5/status', {
      json: { status: 'waiting_on_customer' },
    })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.body.status, 'waiting_on_customer')
    const resolved = await api.request('POST', '/api/tickets/B-2/status', { json: { status: 'resolved' } })
    assert.ok(
      resolved.body.clocks.every((c: { state: string }) => c.state === 'met' || c.state === 'cancelled'),
    )
    const board = await api.request('GET', '/api/board')
    assert.ok(!ids(board).includes('B-2'), 'a resolved ticket leaves the board')
    const refused = await api.request('POST', '/api/tickets/B-5/status', {
      token: api.tokens.acme,
      json: { status: 'closed' },
    })
    assert.equal(refused.status, 403)
  })
})
