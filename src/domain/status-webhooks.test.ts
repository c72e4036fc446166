import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { alertmanagerEvents, uptimeKumaEvents } from './status-webhooks.ts'

// Shaped like Alertmanager's webhook (version 4): Go writes nanoseconds and a zero endsAt.
const alertmanager = {
  version: '4',
  groupKey: '{}:{alertname="PortalDown"}',
  status: 'firing',
  receiver: 'upheld',
  groupLabels: { alertname: 'PortalDown' },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  truncatedAlerts: 0,
  alerts: [
    {
      status: 'firing',
      labels: {
        alertname: 'PortalDown',
        service: 'portal',
        component: 'api',
        customer: 'acme',
        instance: 'a',
      },
      annotations: { summary: 'Portal API is down' },
      startsAt: '2026-10-03T10:00:00.123456789Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus/graph',
      fingerprint: 'f1',
    },
    {
      status: 'resolved',
      labels: { alertname: 'portal', upheld_status: 'degraded' },
      annotations: {},
      startsAt: '2026-10-03T09:00:00Z',
      endsAt: '2026-10-03T09:30:00+02:00',
      fingerprint: 'f2',
    },
    {
      status: 'firing',
      labels: { alertname: 'portal', upheld_status: 'degraded' },
      startsAt: '2026-10-03T11:00:00Z',
      fingerprint: 'f3',
    },
  ],
}

const kuma = (status: number, name = 'portal/api', tags: object[] = []) => ({
  heartbeat: {
    monitorID: 7,
    status,
    time: '2026-10-03 10:00:00.250',
    msg: 'connect ECONNREFUSED',
    important: true,
    duration: 60,
    timezone: 'Europe/London',
    timezoneOffset: '+01:00',
    localDateTime: '2026-10-03 11:00:00',
  },
  monitor: { id: 7, name, url: 'https://portal.example', type: 'http', interval: 60, tags },
  msg: '[portal/api] [Down] connect ECONNREFUSED',
})

describe('Alertmanager webhooks', () => {
  test('firing is down from startsAt, resolved up from endsAt; each alert its own stream', () => {
    const result = alertmanagerEvents(alertmanager)
    assert.ok(result.ok)
    assert.deepEqual(
      result.value.map((e) => [
        e.id,
        e.customer,
        e.service,
        e.component,
        e.stream,
        new Date(e.at).toISOString(),
        e.status,
      ]),
      [
        [
          'am:f1:2026-10-03T10:00:00.123456789Z:firing',
          'acme',
          'portal',
          'api',
          'alertmanager/PortalDown/f1',
          '2026-10-03T10:00:00.123Z',
          'down',
        ],
        [
          'am:f2:2026-10-03T09:00:00Z:resolved:2026-10-03T09:30:00+02:00',
          undefined,
          'portal',
          '',
          'alertmanager/portal/f2',
          '2026-10-03T07:30:00.000Z',
          'up',
        ],
        [
          'am:f3:2026-10-03T11:00:00Z:firing',
          undefined,
          'portal',
          '',
          'alertmanager/portal/f3',
          '2026-10-03T11:00:00.000Z',
          'degraded',
        ],
      ],
    )
    assert.equal(result.value[0]!.message, 'Portal API is down')
  })

  test('an alert that names no service, or a bad instant, is placed by its path', () => {
    const result = alertmanagerEvents({
      alerts: [
        { status: 'firing', labels: { severity: 'page' }, startsAt: '2026-10-03T10:00:00Z' },
        {
          status: 'resolved',
          labels: { service: 'portal' },
          startsAt: '2026-10-03T10:00:00Z',
          endsAt: 'soon',
        },
        { status: 'firing', labels: { service: 'Portal API' }, startsAt: '2026-10-03T10:00:00Z' },
      ],
    })
    assert.ok(!result.ok)
    assert.deepEqual(
      result.issues.map((i) => i.path.join('.')),
      ['alerts.0.labels.service', 'alerts.1.endsAt', 'alerts.2.labels.service'],
    )
  })

  test('a payload that is not Alertmanager’s says which field is wrong', () => {
    const result = alertmanagerEvents({ alerts: [{ status: 'burning', labels: {} }] })
    assert.ok(!result.ok)
    assert.deepEqual(
      result.issues.map((i) => i.path.join('.')),
      ['alerts.0.status', 'alerts.0.startsAt'],
    )
  })
})

describe('Uptime Kuma webhooks', () => {
  test('0 is down, 1 up, 3 (maintenance) unknown; the name gives service and component', () => {
    const statuses = [0, 1, 3].map((s) => {
      const result = uptimeKumaEvents(kuma(s))
      assert.ok(result.ok)
      return result.value.map((e) => [e.id, e.customer, e.service, e.component, e.stream, e.at, e.status])[0]
    })
    const at = Date.parse('2026-10-03T10:00:00.250Z')
    assert.deepEqual(statuses, [
      ['kuma:7:2026-10-03 10:00:00.250:0', undefined, 'portal', 'api', 'uptime-kuma/7', at, 'down'],
      ['kuma:7:2026-10-03 10:00:00.250:1', undefined, 'portal', 'api', 'uptime-kuma/7', at, 'up'],
      ['kuma:7:2026-10-03 10:00:00.250:3', undefined, 'portal', 'api', 'uptime-kuma/7', at, 'unknown'],
    ])
  })

  test('pending (a failure inside its retries) and a test notification hold no event', () => {
    assert.deepEqual(uptimeKumaEvents(kuma(2)), { ok: true, value: [] })
    assert.deepEqual(uptimeKumaEvents({ heartbeat: null, monitor: null, msg: 'Uptime Kuma Testing' }), {
      ok: true,
      value: [],
    })
  })

  test('tags service, component and customer win over the name', () => {
    const tags = [
      { tag_id: 1, monitor_id: 7, name: 'service', value: 'email', color: '#000' },
      { tag_id: 2, monitor_id: 7, name: 'component', value: 'mx', color: '#000' },
      { tag_id: 3, monitor_id: 7, name: 'customer', value: 'globex', color: '#000' },
    ]
    const result = uptimeKumaEvents(kuma(0, 'Mail exchanger', tags))
    assert.ok(result.ok)
    assert.deepEqual(
      result.value.map((e) => [e.customer, e.service, e.component]),
      [['globex', 'email', 'mx']],
    )
  })

  test('a monitor name that is no service id is refused at monitor.name', () => {
    const result = uptimeKumaEvents(kuma(0, 'Customer portal'))
    assert.ok(!result.ok)
    assert.deepEqual(
      result.issues.map((i) => [i.path.join('.'), i.message]),
      [['monitor.name', '"Customer portal" is not a service or component id']],
    )
  })
})
