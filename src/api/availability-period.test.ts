// Period figures over HTTP, measured from what was stored: the same numbers `upheld uptime`
// computes from the same events in a file, the October example among them.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { parseAgreement } from '../domain/agreement/parse-agreement.ts'
import { measureObjective } from '../domain/availability/measure-objective.ts'
import { intervalsFromObservations } from '../domain/availability/status-intervals.ts'
import { availabilityJson } from '../render/availability-report.ts'
import { AvailabilityReportSchema } from './schemas/availability.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

const EVENTS = (
  [
    ['s-0', 'web', '2026-09-30T00:00:00Z', 'up'],
    ['s-1', 'api', '2026-09-30T00:00:00Z', 'up'],
    ['s-2', 'api', '2026-10-03T10:00:00Z', 'down'],
    ['s-3', 'api', '2026-10-03T10:30:00Z', 'up'],
    // Down across the end of October: api to midnight, then web for 40 s. Judged whole, it is
    // longer than the one-minute minimum, so October's 30 s count.
    ['s-4', 'api', '2026-10-31T23:59:30Z', 'down'],
    ['s-5', 'api', '2026-11-01T00:00:00Z', 'up'],
    ['s-6', 'web', '2026-11-01T00:00:00Z', 'down'],
    ['s-7', 'web', '2026-11-01T00:00:40Z', 'up'],
  ] as const
).map(([id, component, at, status]) => ({ id, service: 'portal', component, at, status }))

describe('GET /api/availability', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: 'application/yaml' })
    const posted = await api.request('POST', '/api/status-events?customer=acme', { json: EVENTS })
    assert.equal(posted.status, 202)
  })
  after(() => api.drop())

  test('October as the issue works it: maintenance out of both sides, downtime by the rules', async () => {
    const r = await api.request('GET', '/api/availability?customer=acme&period=2026-10')
    assert.equal(r.status, 200, r.text)
    AvailabilityReportSchema.parse(r.body)
    const [portal] = r.body.objectives
    assert.deepEqual(r.body.period, { start: '2026-10-01T00:00:00.000Z', end: '2026-11-01T00:00:00.000Z' })
    assert.deepEqual(
      [portal.id, portal.agreement, portal.agreement_version, portal.eligible_ms, portal.maintenance_ms],
      ['portal-uptime', 'acme-helpdesk', 1, 2_649_600_000, 28_800_000],
    )
    assert.deepEqual(
      portal.incidents.map((i: { start: string; duration_ms: number }) => [i.start, i.duration_ms]),
      [
        ['2026-10-03T10:00:00.000Z', 1_800_000],
        ['2026-10-31T23:59:30.000Z', 30_000],
      ],
    )
    assert.deepEqual([portal.down_ms, portal.uptime, portal.met], [1_830_000, '99.9309', true])
  })

  test('the same JSON as upheld uptime computes from the same events in a file', async () => {
    const r = await api.request('GET', '/api/availability?customer=acme&period=2026-10')
    const parsed = parseAgreement(HELPDESK_SLA)
    assert.ok(parsed.ok)
    const observations = EVENTS.map((e) => ({
      component: e.component,
      at: Date.parse(e.at),
      status: e.status,
      holdMs: null,
    }))
    const asOf = api.deps.now()
    const label = { year: 2026, month: 10, months: 1 as const }
    const measured = measureObjective(
      parsed.agreement.spec,
      'portal-uptime',
      { label, asOf },
      intervalsFromObservations(observations, asOf),
    )
    assert.ok(measured.ok)
    const fromFile = availabilityJson(measured.value.period, [measured.value])
    const { agreement: _a, agreement_version: _v, ...fromDatabase } = r.body.objectives[0]
    assert.deepEqual(fromDatabase, fromFile.objectives[0])
  })

  test('with timeline=1, the service as the objective counts it over the period', async () => {
    const r = await api.request('GET', '/api/availability?customer=acme&period=2026-10&timeline=1')
    assert.equal(r.status, 200, r.text)
    AvailabilityReportSchema.parse(r.body)
    assert.deepEqual(
      r.body.objectives[0].timeline.map((s: { start: string; status: string }) => [s.start, s.status]),
      [
        ['2026-10-01T00:00:00.000Z', 'up'],
        ['2026-10-03T10:00:00.000Z', 'down'],
        ['2026-10-03T10:30:00.000Z', 'up'],
        ['2026-10-31T23:59:30.000Z', 'down'],
      ],
    )
    assert.equal(r.body.objectives[0].timeline.at(-1).end, '2026-11-01T00:00:00.000Z')
    const without = await api.request('GET', '/api/availability?customer=acme&period=2026-10')
    assert.equal(without.body.objectives[0].timeline, undefined)
  })

  test('a running quarter is measured up to now; a customer reads their own', async () => {
    const r = await api.request('GET', '/api/availability?period=2026-Q4', { token: api.tokens.acme })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.body.customer, 'acme')
    assert.deepEqual(r.body.period, { start: '2026-10-01T00:00:00.000Z', end: '2026-11-27T10:00:00.000Z' })
    // November's 40 s of web downtime is judged with October's 30 s of api: one outage.
    assert.equal(r.body.objectives[0].down_ms, 1_870_000)
    const theirs = await api.request('GET', '/api/availability?customer=globex', { token: api.tokens.acme })
    assert.equal(theirs.status, 404)
  })

  test('as known at an earlier instant, nothing later counts', async () => {
    const r = await api.request('GET', '/api/availability?customer=acme&at=2026-10-03T10:15:00Z')
    assert.equal(r.status, 200, r.text)
    const [portal] = r.body.objectives
    assert.deepEqual(portal.period, { start: '2026-10-01T00:00:00.000Z', end: '2026-10-03T10:15:00.000Z' })
    assert.equal(portal.down_ms, 900_000)
  })

  test('mistakes are 400s or 404s that say what to do', async () => {
    const noCustomer = await api.request('GET', '/api/availability?period=2026-10')
    assert.deepEqual([noCustomer.status, noCustomer.body.error.details[0].path], [400, ['customer']])
    const badPeriod = await api.request('GET', '/api/availability?customer=acme&period=2026-13')
    assert.deepEqual([badPeriod.status, badPeriod.body.error.details[0].path], [400, ['period']])
    const typo = await api.request('GET', '/api/availability?customer=acme&objective=portal-uptim')
    assert.equal(typo.status, 404)
    assert.match(typo.body.error.details[0].hint, /portal-uptime/)
  })

  test('a period before any agreement took effect has nothing to measure', async () => {
    const r = await api.request('GET', '/api/availability?customer=acme&period=2025-06')
    assert.equal(r.status, 200, r.text)
    assert.deepEqual(r.body, {
      customer: 'acme',
      period: { start: '2025-06-01T00:00:00.000Z', end: '2025-07-01T00:00:00.000Z' },
      objectives: [],
    })
  })
})
