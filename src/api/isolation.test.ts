// Two customers, Acme and Globex, each with an agreement, a ticket with clocks and events, and a
// token. Every route the app serves is walked with each customer's token, and neither may see
// anything of the other's. The routes are read from the app: a new route without a case here
// fails the test until someone says what it must not leak.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { checkAgreementHealth } from '../actions/check-agreement-health.ts'
import { enqueueNotifications } from '../actions/enqueue-notification.ts'
import { HELPDESK_SLA, T100_EVENTS } from '../actions/test-support/fixtures.ts'
import { lifecycleCases } from './test-support/lifecycle-isolation.ts'
import { setPassword, signIn } from './test-support/sign-in.ts'
import { createTestApi, type Reply, type TestApi } from './test-support/test-api.ts'

type Side = { org: string; token: string; ticket: string; agreement: string; tokenId: string }
type Case = (api: TestApi, me: Side, other: Side) => Promise<void>

const GLOBEX_SLA = HELPDESK_SLA.replaceAll('acme', 'globex').replaceAll('Acme', 'Globex')
const G100_EVENTS = T100_EVENTS.map((e) => ({
  ...e,
  id: `g${e.id}`,
  ticket: 'G-100',
  ...(e.type === 'created' ? { customer: 'globex', requester: 'gil@globex.example' } : {}),
}))

/** Nothing of the other customer in a reply: not its organisation, ticket or agreement. */
function assertBlind(r: Reply, other: Side, what: string): void {
  for (const secret of [other.ticket, other.agreement, `"${other.org}"`, `${other.org}.example`]) {
    assert.ok(!r.text.includes(secret), `${what} shows ${secret}: ${r.text.slice(0, 300)}`)
  }
}

/** Another customer's thing answers exactly as a thing that does not exist. */
async function assertNotFoundAsMissing(api: TestApi, me: Side, path: (id: string) => string, id: string) {
  const theirs = await api.request('GET', path(id), { token: me.token })
  const missing = await api.request('GET', path('NO-SUCH'), { token: me.token })
  assert.equal(theirs.status, 404, path(id))
  assert.deepEqual(theirs.body, JSON.parse(missing.text.replaceAll('NO-SUCH', id)))
}

const seeOnlyOwn =
  (path: string): Case =>
  async (api, me, other) => {
    const r = await api.request('GET', path, { token: me.token })
    assert.equal(r.status, 200, path)
    assertBlind(r, other, path)
  }

// Each customer's user signs in to the web app with their own password.
const EMAIL = { acme: 'ann@acme.example', globex: 'gil@globex.example' } as Record<string, string>
const passwordOf = (side: Side) => `${side.org}'s own password`
const signedIn = (api: TestApi, side: Side) => signIn(api, EMAIL[side.org]!, passwordOf(side))

const forbidden =
  (method: string, path: string, json?: unknown): Case =>
  async (api, me, other) => {
    const r = await api.request(method, path, { token: me.token, json })
    assert.equal(r.status, 403, `${method} ${path}`)
    assertBlind(r, other, path)
  }

const CASES: Record<string, Case> = {
  'GET /': seeOnlyOwn('/'),
  'GET /api/health': seeOnlyOwn('/api/health'),
  'GET /api/ready': seeOnlyOwn('/api/ready'),
  'GET /api/openapi.json': seeOnlyOwn('/api/openapi.json'),
  'GET /api/docs': seeOnlyOwn('/api/docs'),
  'GET /metrics': seeOnlyOwn('/metrics'),
  'GET /api/me': seeOnlyOwn('/api/me'),
  'GET /api/organisations': forbidden('GET', '/api/organisations'),
  'POST /api/organisations': forbidden('POST', '/api/organisations', { id: 'x', name: 'X' }),
  'GET /api/users': forbidden('GET', '/api/users'),
  'POST /api/users': forbidden('POST', '/api/users', {
    email: 'a@b.example',
    name: 'A',
    role: 'customer',
    organisation: 'acme',
  }),
  'GET /api/tokens': async (api, me, other) => {
    await seeOnlyOwn('/api/tokens')(api, me, other)
    const r = await api.request('GET', '/api/tokens', { token: me.token })
    assert.ok(!r.text.includes(other.tokenId))
  },
  'POST /api/tokens': async (api, me, other) => {
    const r = await api.request('POST', '/api/tokens', {
      token: me.token,
      json: { user: `u-${other.org}`, name: 'x' },
    })
    assert.equal(r.status, 403)
  },
  'DELETE /api/tokens/:id': async (api, me, other) => {
    const r = await api.request('DELETE', `/api/tokens/${other.tokenId}`, { token: me.token })
    assert.equal(r.status, 404)
    assert.equal((await api.request('GET', '/api/me', { token: other.token })).status, 200, 'still works')
  },
  'POST /api/session': async (api, me, other) => {
    const mine = await signedIn(api, me)
    const own = await api.request('GET', `/api/tickets/${me.ticket}`, mine.call())
    assert.equal(own.status, 200)
    assertBlind(own, other, 'own ticket by session')
    const theirs = await api.request('GET', `/api/tickets/${other.ticket}`, mine.call())
    const missing = await api.request('GET', '/api/tickets/NO-SUCH', mine.call())
    assert.equal(theirs.status, 404, "a session reads another customer's ticket")
    assert.deepEqual(theirs.body, JSON.parse(missing.text.replaceAll('NO-SUCH', other.ticket)))
    const crossed = await api.request('POST', '/api/session', {
      token: null,
      json: { email: EMAIL[other.org], password: passwordOf(me) },
    })
    assert.equal(crossed.status, 401)
  },
  'GET /api/session': async (api, me, other) => {
    const r = await api.request('GET', '/api/session', (await signedIn(api, me)).call())
    assert.deepEqual([r.status, r.body.user.organisation], [200, me.org])
    assertBlind(r, other, '/api/session')
  },
  'DELETE /api/session': async (api, me, other) => {
    const theirs = await signedIn(api, other)
    const out = await api.request('DELETE', '/api/session', (await signedIn(api, me)).call({ csrf: true }))
    assert.equal(out.status, 204)
    assert.equal((await api.request('GET', '/api/session', theirs.call())).status, 200, 'theirs goes on')
  },
  'POST /api/users/:id/password': async (api, me, other) => {
    const theirs = await signedIn(api, other)
    await forbidden('POST', `/api/users/u-${other.org}/password`, { password: 'taken over, 1234' })(
      api,
      me,
      other,
    )
    assert.equal((await api.request('GET', '/api/session', theirs.call())).status, 200, 'theirs goes on')
  },
  'POST /api/users/:id/disable': async (api, me, other) => {
    await forbidden('POST', `/api/users/u-${other.org}/disable`)(api, me, other)
    assert.equal((await api.request('GET', '/api/me', { token: other.token })).status, 200, 'still works')
  },
  'POST /api/agreements': async (api, me) => {
    const r = await api.request('POST', '/api/agreements', {
      token: me.token,
      body: GLOBEX_SLA,
      type: 'application/yaml',
    })
    assert.equal(r.status, 403)
  },
  'GET /api/agreements': async (api, me, other) => {
    await seeOnlyOwn('/api/agreements')(api, me, other)
    const r = await api.request('GET', '/api/agreements', { token: me.token })
    assert.deepEqual(
      r.body.items.map((a: { id: string }) => a.id),
      [me.agreement],
    )
    const theirs = await api.request('GET', `/api/agreements?customer=${other.org}`, { token: me.token })
    assert.equal(theirs.status, 404)
  },
  'GET /api/agreements/in-force': async (api, me, other) => {
    await seeOnlyOwn('/api/agreements/in-force')(api, me, other)
    const theirs = await api.request('GET', `/api/agreements/in-force?customer=${other.org}`, {
      token: me.token,
    })
    assert.equal(theirs.status, 404)
    assertBlind(theirs, { ...other, org: '-' }, 'in-force for the other')
  },
  'GET /api/agreements/:id': async (api, me, other) => {
    await seeOnlyOwn(`/api/agreements/${me.agreement}`)(api, me, other)
    await assertNotFoundAsMissing(api, me, (id) => `/api/agreements/${id}`, other.agreement)
  },
  'GET /api/agreements/:id/versions/:version': async (api, me, other) => {
    await seeOnlyOwn(`/api/agreements/${me.agreement}/versions/1`)(api, me, other)
    await assertNotFoundAsMissing(api, me, (id) => `/api/agreements/${id}/versions/1`, other.agreement)
  },
  'GET /api/agreements/:id/versions/:version/document': async (api, me, other) => {
    for (const format of ['html', 'md'])
      await seeOnlyOwn(`/api/agreements/${me.agreement}/versions/1/document?format=${format}`)(api, me, other)
    await assertNotFoundAsMissing(
      api,
      me,
      (id) => `/api/agreements/${id}/versions/1/document?format=pdf`,
      other.agreement,
    )
  },
  'GET /api/agreements/:id/diff': async (api, me, other) => {
    await seeOnlyOwn(`/api/agreements/${me.agreement}/diff?from=1&to=1`)(api, me, other)
    await assertNotFoundAsMissing(api, me, (id) => `/api/agreements/${id}/diff?from=1&to=1`, other.agreement)
  },
  'GET /api/agreements/:id/health': async (api, me, other) => {
    await seeOnlyOwn(`/api/agreements/${me.agreement}/health?state=all`)(api, me, other)
    const r = await api.request('GET', `/api/agreements/${me.agreement}/health`, { token: me.token })
    assert.ok(r.body.items.length > 0, 'the review is overdue')
    await assertNotFoundAsMissing(api, me, (id) => `/api/agreements/${id}/health`, other.agreement)
  },
  'POST /api/tickets': async (api, me, other) => {
    const r = await api.request('POST', '/api/tickets', { token: me.token, json: { severity: 'P3' } })
    assert.deepEqual([r.status, r.body.customer], [201, me.org])
    const forOther = await api.request('POST', '/api/tickets', {
      token: me.token,
      json: { severity: 'P3', customer: other.org },
    })
    assert.equal(forOther.status, 400)
    const seen = await api.request('GET', `/api/tickets/${r.body.id}`, { token: other.token })
    assert.equal(seen.status, 404)
  },
  'GET /api/tickets': async (api, me, other) => {
    for (const q of ['', '?breached=1', '?at_risk=1&within=30d', '?severity=P1'])
      await seeOnlyOwn(`/api/tickets${q}`)(api, me, other)
    const theirs = await api.request('GET', `/api/tickets?customer=${other.org}`, { token: me.token })
    assert.equal(theirs.status, 404)
  },
  'GET /api/tickets/:id': async (api, me, other) => {
    await seeOnlyOwn(`/api/tickets/${me.ticket}`)(api, me, other)
    await assertNotFoundAsMissing(api, me, (id) => `/api/tickets/${id}`, other.ticket)
  },
  'GET /api/tickets/:id/clocks': async (api, me, other) => {
    await seeOnlyOwn(`/api/tickets/${me.ticket}/clocks`)(api, me, other)
    await assertNotFoundAsMissing(api, me, (id) => `/api/tickets/${id}/clocks`, other.ticket)
  },
  'GET /api/tickets/:id/timeline': async (api, me, other) => {
    await seeOnlyOwn(`/api/tickets/${me.ticket}/timeline`)(api, me, other)
    await assertNotFoundAsMissing(api, me, (id) => `/api/tickets/${id}/timeline`, other.ticket)
  },
  'POST /api/tickets/:id/messages': async (api, me, other) => {
    const write = (id: string) =>
      api.request('POST', `/api/tickets/${id}/messages`, {
        token: me.token,
        json: { body: `News, ${me.org}?` },
      })
    const mine = await write(me.ticket)
    assert.equal(mine.status, 201)
    assertBlind(mine, other, 'a message on my ticket')
    const [theirs, missing] = [await write(other.ticket), await write('NO-SUCH')]
    assert.equal(theirs.status, 404)
    assert.deepEqual(theirs.body, JSON.parse(missing.text.replaceAll('NO-SUCH', other.ticket)))
    const seen = await api.request('GET', `/api/tickets/${other.ticket}`, { token: other.token })
    assert.ok(!seen.text.includes(`News, ${me.org}?`), 'nothing was written on the other ticket')
  },
  'POST /api/tickets/:id/status': async (api, me, other) => {
    for (const ticket of [me.ticket, other.ticket])
      await forbidden('POST', `/api/tickets/${ticket}/status`, { status: 'closed' })(api, me, other)
  },
  'GET /api/board': forbidden('GET', '/api/board'),
  'GET /api/ticket-facets': async (api, me, other) => {
    await seeOnlyOwn('/api/ticket-facets')(api, me, other)
    const r = await api.request('GET', '/api/ticket-facets', { token: me.token })
    assert.deepEqual(
      r.body.customers.map((c: { id: string }) => c.id),
      [me.org],
    )
    const theirs = await api.request('GET', `/api/ticket-facets?customer=${other.org}`, { token: me.token })
    assert.equal(theirs.status, 404)
  },
  'GET /api/clocks': async (api, me, other) => {
    await seeOnlyOwn('/api/clocks')(api, me, other)
    const r = await api.request('GET', '/api/clocks', { token: me.token })
    assert.ok(r.body.items.length > 0)
    assert.ok(r.body.items.every((c: { customer: string }) => c.customer === me.org))
    assert.equal(
      (await api.request('GET', `/api/clocks?customer=${other.org}`, { token: me.token })).status,
      404,
    )
  },
  'GET /api/notification-channels': forbidden('GET', '/api/notification-channels'),
  'POST /api/notification-channels': forbidden('POST', '/api/notification-channels', {
    kind: 'slack',
    name: 'x',
    url: 'https://hooks.example/x',
  }),
  'POST /api/notification-channels/:id': forbidden('POST', '/api/notification-channels/NO-SUCH', {
    kind: 'slack',
    name: 'x',
  }),
  'DELETE /api/notification-channels/:id': forbidden('DELETE', '/api/notification-channels/NO-SUCH'),
  'POST /api/notification-channels/:id/test': forbidden(
    'POST',
    '/api/notification-channels/NO-SUCH/test',
    {},
  ),
  'GET /api/notifications': async (api, me, other) => {
    await seeOnlyOwn('/api/notifications')(api, me, other)
    const r = await api.request('GET', '/api/notifications', { token: me.token })
    assert.ok(r.body.items.length > 0)
    assert.ok(r.body.items.every((n: { customer: string }) => n.customer === me.org))
    const theirs = await api.request('GET', `/api/notifications?customer=${other.org}`, { token: me.token })
    assert.equal(theirs.status, 404)
  },
  'POST /api/events': async (api, me, other) => {
    const before = await api.request('GET', `/api/tickets/${other.ticket}`)
    const r = await api.request('POST', '/api/events', {
      token: me.token,
      json: {
        id: `x-${me.org}`,
        ticket: other.ticket,
        type: 'status',
        at: '2026-11-26T12:00:00Z',
        status: 'resolved',
      },
    })
    const missing = await api.request('POST', '/api/events', {
      token: me.token,
      json: {
        id: `x-${me.org}`,
        ticket: 'NO-SUCH',
        type: 'status',
        at: '2026-11-26T12:00:00Z',
        status: 'resolved',
      },
    })
    assert.equal(r.status, 400)
    assert.deepEqual(
      r.body,
      JSON.parse(missing.text.replaceAll('NO-SUCH', other.ticket)),
      'as if it did not exist',
    )
    const afterwards = await api.request('GET', `/api/tickets/${other.ticket}`)
    assert.deepEqual(afterwards.body, before.body, "the other's ticket is unchanged")
  },
  'POST /api/status-events': forbidden('POST', '/api/status-events', {
    id: 'x',
    service: 'portal',
    at: '2026-11-26T12:00:00Z',
    status: 'down',
  }),
  'POST /api/status-events/alertmanager': forbidden('POST', '/api/status-events/alertmanager', {
    alerts: [],
  }),
  'POST /api/status-events/uptime-kuma': forbidden('POST', '/api/status-events/uptime-kuma', {}),
  'GET /api/status': async (api, me, other) => {
    await seeOnlyOwn('/api/status')(api, me, other)
    const r = await api.request('GET', '/api/status', { token: me.token })
    assert.deepEqual(
      r.body.items.map((s: { customer: string }) => s.customer),
      [me.org],
    )
    assert.equal(
      (await api.request('GET', `/api/status?customer=${other.org}`, { token: me.token })).status,
      404,
    )
  },
  'GET /api/status/:service': async (api, me, other) => {
    await seeOnlyOwn('/api/status/portal')(api, me, other)
    const r = await api.request('GET', '/api/status/portal', { token: me.token })
    assert.equal(r.body.intervals.length, 1)
    const theirs = await api.request('GET', `/api/status/portal?customer=${other.org}`, { token: me.token })
    assert.equal(theirs.status, 404)
  },
  'GET /api/availability': async (api, me, other) => {
    await seeOnlyOwn('/api/availability?period=2026-11')(api, me, other)
    const r = await api.request('GET', '/api/availability?period=2026-11', { token: me.token })
    assert.equal(r.body.customer, me.org)
    assert.deepEqual(
      r.body.objectives.map((o: { agreement: string }) => o.agreement),
      [me.agreement],
    )
    const theirs = await api.request('GET', `/api/availability?customer=${other.org}`, { token: me.token })
    assert.equal(theirs.status, 404)
  },
  'POST /api/agreements/:id/versions/:version/distribute': async (api, me, other) => {
    await forbidden('POST', `/api/agreements/${me.agreement}/versions/1/distribute`)(api, me, other)
    await forbidden('POST', `/api/agreements/${other.agreement}/versions/1/distribute`)(api, me, other)
  },
  'GET /api/agreements/:id/reports/:period': async (api, me, other) => {
    await seeOnlyOwn(`/api/agreements/${me.agreement}/reports/2026-10`)(api, me, other)
    await assertNotFoundAsMissing(api, me, (id) => `/api/agreements/${id}/reports/2026-10`, other.agreement)
  },
  'POST /api/agreements/:id/reports/:period/recompute': async (api, me, other) => {
    await forbidden('POST', `/api/agreements/${me.agreement}/reports/2026-10/recompute`, { reason: 'x' })(
      api,
      me,
      other,
    )
    await forbidden('POST', `/api/agreements/${other.agreement}/reports/2026-10/recompute`, { reason: 'x' })(
      api,
      me,
      other,
    )
  },
  // The status pages need no token: what they show is what the provider published, and a
  // customer's page is as blind to the other customer as to anyone.
  'GET /status': seeOnlyOwn('/status'),
  'GET /status/:customer': async (api, me, other) => {
    const mine = await api.request('GET', `/status/${me.org}`, { token: null })
    assertBlind(mine, other, `/status/${me.org}`)
    const theirs = await api.request('GET', `/status/${other.org}`, { token: me.token })
    const missing = await api.request('GET', '/status/NO-SUCH', { token: me.token })
    assert.deepEqual([theirs.status, theirs.text], [missing.status, missing.text])
  },
  'GET /api/probes': forbidden('GET', '/api/probes'),
  'POST /api/probes': forbidden('POST', '/api/probes', {
    customer: 'acme',
    id: 'p',
    service: 'portal',
    probe: { url: 'https://portal.example/health' },
  }),
  'DELETE /api/probes/:id': forbidden('DELETE', '/api/probes/NO-SUCH?customer=acme'),
  ...lifecycleCases({
    assertBlind,
    assertNotFoundAsMissing,
    textOf: (org) => (org === 'acme' ? HELPDESK_SLA : GLOBEX_SLA),
  }),
}

describe('customer isolation, on every route', () => {
  let api: TestApi
  const sides: Record<'acme' | 'globex', Side> = {} as never
  before(async () => {
    api = await createTestApi()
    for (const sla of [HELPDESK_SLA, GLOBEX_SLA])
      assert.equal(
        (await api.request('POST', '/api/agreements', { body: sla, type: 'application/yaml' })).status,
        201,
      )
    for (const batch of [T100_EVENTS, G100_EVENTS])
      assert.equal((await api.request('POST', '/api/events', { json: batch })).status, 202)
    const tokenIds = (await api.request('GET', '/api/tokens')).body.items as { id: string; user: string }[]
    const side = (org: 'acme' | 'globex', ticket: string): Side => ({
      org,
      token: api.tokens[org],
      ticket,
      agreement: `${org}-helpdesk`,
      tokenId: tokenIds.find((t) => t.user === `u-${org}`)!.id,
    })
    sides.acme = side('acme', 'T-100')
    sides.globex = side('globex', 'G-100')
    for (const s of Object.values(sides)) await setPassword(api, `u-${s.org}`, passwordOf(s))
    for (const customer of ['acme', 'globex']) {
      const status = { id: `s-${customer}`, service: 'portal', at: '2026-11-26T12:00:00Z', status: 'down' }
      const posted = await api.request('POST', `/api/status-events?customer=${customer}`, { json: status })
      assert.equal(posted.status, 202)
    }
    const channel = await api.request('POST', '/api/notification-channels', {
      json: {
        kind: 'webhook',
        name: 'ops',
        url: 'http://127.0.0.1:9/hook',
        secret: 'whsec_0123456789abcdef',
      },
    })
    assert.equal(channel.status, 201)
    await checkAgreementHealth(api.deps, api.deps.now())
    const notify = { db: api.t.db, now: api.deps.now, baseUrl: 'http://127.0.0.1:3000' }
    for (const [customerId, ticketId] of [
      ['acme', 'T-100'],
      ['globex', 'G-100'],
    ] as const)
      await enqueueNotifications(notify, [
        {
          event: 'clock.breached',
          customerId,
          ticketId,
          agreementId: `${customerId}-helpdesk`,
          metric: 'resolution',
          cycle: 1,
          severity: 'P3',
          targetMs: 3_600_000,
          due: null,
          remainingMs: -60_000,
          at: api.deps.now(),
          contacts: [],
        },
      ])
  })
  after(() => api.drop())

  test('every route the app serves has a case here', () => {
    const served = [
      ...new Set(api.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
    ]
    const missing = served.filter((key) => !(key in CASES))
    assert.deepEqual(missing, [], 'say what these routes must not leak between customers')
    assert.deepEqual(
      Object.keys(CASES).filter((key) => !served.includes(key)),
      [],
      'cases for routes that are gone',
    )
  })

  for (const [key, check] of Object.entries(CASES)) {
    test(`${key}: Acme sees nothing of Globex's, and Globex nothing of Acme's`, async () => {
      await check(api, sides.acme, sides.globex)
      await check(api, sides.globex, sides.acme)
    })
  }
})
