import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

type Monitor = { component: string; source: string; status: string; start: string; end: string | null }

const event = (id: string, at: string, status: string, more: object = {}) => ({
  id,
  service: 'portal',
  component: 'api',
  at: `2026-11-27T${at}:00Z`,
  status,
  ...more,
})

describe('availability over HTTP', () => {
  let api: TestApi
  before(async () => {
    api = await createTestApi()
    await api.request('POST', '/api/agreements', { body: HELPDESK_SLA, type: 'application/yaml' })
  })
  after(() => api.drop())

  test('status events as a JSON batch or as JSONL; a resend is all duplicates', async () => {
    const batch = await api.request('POST', '/api/status-events?customer=acme', {
      json: [event('s-1', '08:00', 'down'), event('s-2', '08:30', 'up')],
    })
    assert.deepEqual([batch.status, batch.body], [202, { accepted: 2, duplicates: 0 }])
    const lines = [event('s-2', '08:30', 'up'), event('s-3', '09:00', 'degraded', { customer: 'acme' })]
    const jsonl = await api.request('POST', '/api/status-events?customer=acme', {
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
      type: 'application/x-ndjson',
    })
    assert.deepEqual([jsonl.status, jsonl.body], [202, { accepted: 1, duplicates: 1 }])
  })

  test('a bad line is a 400 naming its line and field; a customer may not send', async () => {
    const bad = await api.request('POST', '/api/status-events?customer=acme', {
      body: `${JSON.stringify(event('s-9', '09:10', 'up'))}\n${JSON.stringify(event('s-10', '09:20', 'sideways'))}`,
      type: 'application/x-ndjson',
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(
      bad.body.error.details.map((d: { path: unknown[]; line: number }) => [d.line, d.path]),
      [[2, [1, 'status']]],
    )
    const mine = await api.request('POST', '/api/status-events', {
      token: api.tokens.acme,
      json: event('s-11', '09:30', 'down'),
    })
    assert.equal(mine.status, 403)
  })

  test('Alertmanager and Uptime Kuma webhooks move their own monitors', async () => {
    const alert = {
      version: '4',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'PortalDown', service: 'portal', component: 'web' },
          startsAt: '2026-11-27T09:40:00.000000001Z',
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint: 'abc',
        },
      ],
    }
    const am = await api.request('POST', '/api/status-events/alertmanager?customer=acme', { json: alert })
    assert.deepEqual([am.status, am.body], [202, { accepted: 1, duplicates: 0 }])
    const kuma = await api.request('POST', '/api/status-events/uptime-kuma?customer=acme', {
      json: {
        heartbeat: { status: 1, time: '2026-11-27 09:45:00.000' },
        monitor: { id: 3, name: 'email/mx' },
      },
    })
    assert.deepEqual([kuma.status, kuma.body], [202, { accepted: 1, duplicates: 0 }])
    const status = await api.request('GET', '/api/status?customer=acme')
    assert.equal(status.status, 200)
    const portal = status.body.items.find((s: { service: string }) => s.service === 'portal')
    assert.equal(portal.status, 'down')
    assert.deepEqual(
      portal.monitors.map((m: Monitor) => [m.component, m.source, m.status, m.start]),
      [
        ['api', 'events', 'degraded', '2026-11-27T09:00:00.000Z'],
        ['web', 'alertmanager/PortalDown/abc', 'down', '2026-11-27T09:40:00.000Z'],
      ],
    )
    const email = status.body.items.find((s: { service: string }) => s.service === 'email')
    assert.equal(email.status, 'up')
  })

  test("a service's history over a range; a customer reads their own", async () => {
    const r = await api.request(
      'GET',
      '/api/status/portal?from=2026-11-27T08:15:00Z&to=2026-11-27T09:00:00Z',
      {
        token: api.tokens.acme,
      },
    )
    assert.equal(r.status, 200)
    assert.deepEqual(
      r.body.intervals.map((i: Monitor) => [i.component, i.status, i.start, i.end]),
      [
        ['api', 'down', '2026-11-27T08:00:00.000Z', '2026-11-27T08:30:00.000Z'],
        ['api', 'up', '2026-11-27T08:30:00.000Z', '2026-11-27T09:00:00.000Z'],
      ],
    )
    const staff = await api.request('GET', '/api/status/portal')
    assert.deepEqual([staff.status, staff.body.error.details[0].path], [400, ['customer']])
  })

  test('probes through the API: added, replaced, listed, removed; a probe that cannot run is a 400', async () => {
    const probe = { customer: 'acme', id: 'web', service: 'portal', component: 'web', interval: '30s' }
    const body = { ...probe, probe: { url: 'https://portal.acme.example/health', expectStatus: [200] } }
    const added = await api.request('POST', '/api/probes', { json: body })
    assert.deepEqual(
      [added.status, added.body.interval_ms, added.body.probe.expectStatus],
      [201, 30_000, [200]],
    )
    assert.equal((await api.request('POST', '/api/probes', { json: body })).status, 200)
    const listed = await api.request('GET', '/api/probes?customer=acme')
    assert.deepEqual(
      listed.body.items.map((p: { id: string }) => p.id),
      ['web'],
    )
    const broken = await api.request('POST', '/api/probes', {
      json: { ...probe, service: 'portl', probe: { timeout: '5s' } },
    })
    assert.equal(broken.status, 400)
    assert.deepEqual(
      broken.body.error.details.map((d: { path: unknown[] }) => d.path),
      [['probe'], ['service']],
    )
    assert.equal((await api.request('DELETE', '/api/probes/web?customer=acme')).status, 204)
    assert.equal((await api.request('DELETE', '/api/probes/web?customer=acme')).status, 404)
  })
})
