// Service transitions through the real path: status events ingested (and probe results
// written) tell the monitoring contacts once per transition through the outbox, and an outage
// opens a P1 incident ticket whose clocks start at the outage's first instant; the recovery
// resolves it. The helpdesk SLA with a monitor on the portal that names the service owner.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { ServiceDownPayloadSchema, ServiceUpPayloadSchema } from '../domain/notifications/payloads.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import type { Deps } from './deps.ts'
import { ingestStatusEvents } from './ingest-status-events.ts'
import { createChannel } from './manage-notification-channels.ts'
import { ADMIN, HELPDESK_SLA, seedPeople } from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

const MONITORED = HELPDESK_SLA.replace(
  '\n  credits:',
  `
  monitoring:
    - { id: m-portal, target: portal, kind: uptime, tool: alertmanager, notify: [c-service-owner, c-service-desk], openIncident: { severity: P1 } }
    - { id: m-email, target: email, kind: uptime, tool: alertmanager, notify: [c-service-desk] }

  credits:`,
)

const at = (hhmm: string) => `2026-10-03T${hhmm}:00Z`
const report = (id: string, hhmm: string, status: string, service = 'portal', component = 'api') => ({
  id,
  customer: 'acme',
  service,
  component,
  at: at(hhmm),
  status,
})

type Row = { event_type: string; recipient: string; subject: string; payload: { event: unknown } }

describe('service transitions', () => {
  let t: TestDb
  let now = Date.parse(at('12:00'))
  const deps = (): Deps => ({ db: t.db, now: () => now, publicUrl: 'https://sla.example-it.example' })
  const ingest = (...body: object[]) => ingestStatusEvents(deps(), ADMIN, { format: 'generic', body })
  const outbox = () =>
    t.db.query<Row>(
      'select event_type, recipient, subject, payload from notifications order by created_at, event_type, recipient',
    )
  const tickets = () =>
    t.db.query<{ id: string; severity: string; status: string; service: string; subject: string }>(
      `select id, severity, status, service, subject from tickets where customer_id = 'acme' order by id`,
    )

  before(async () => {
    t = await createTestDb()
    await seedPeople(t.db)
    await uploadAgreement(deps(), ADMIN, { text: MONITORED, filename: 'helpdesk-sla.yaml' })
    await createChannel(deps(), ADMIN, {
      kind: 'email',
      name: 'mail',
      host: '127.0.0.1',
      from: 'sla@example-it.example',
    })
  })
  beforeEach(() =>
    t.db.exec(
      `delete from notification_attempts; delete from notifications; delete from status_events;
       delete from status_intervals; delete from service_states;
       delete from timers; delete from timer_firings; delete from clocks; delete from ticket_events;
       delete from tickets; delete from ticket_directory`,
    ),
  )
  after(() => t.drop())

  test('an outage is told once to the monitor’s contacts and opens a P1 incident; its recovery resolves it', async () => {
    now = Date.parse(at('10:01'))
    await ingest(report('s-1', '10:00', 'down'))
    const down = await outbox()
    assert.deepEqual(
      down.map((r) => [r.event_type, r.recipient]),
      [
        ['service.down', 'luis.ferreira@example-it.example'],
        ['service.down', 'support@example-it.example'],
      ],
    )
    assert.equal(down[0]!.subject, '[Acme] Customer portal (portal) is down since 2026-10-03 10:00 UTC')
    const payload = ServiceDownPayloadSchema.parse(down[0]!.payload.event)
    assert.deepEqual(payload.data.incident, {
      ticket_id: 'INC-portal-20261003T1000Z',
      url: 'https://sla.example-it.example/tickets/INC-portal-20261003T1000Z?customer=acme',
    })
    assert.deepEqual(await tickets(), [
      {
        id: 'INC-portal-20261003T1000Z',
        severity: 'P1',
        status: 'open',
        service: 'portal',
        subject: 'Customer portal is down',
      },
    ])
    const [clock] = await t.db.query<{ started_at: Date; due: Date }>(
      `select started_at, due from clocks where ticket_id = 'INC-portal-20261003T1000Z' and metric = 'resolution'`,
    )
    assert.equal(clock!.started_at.toISOString(), at('10:00').replace('Z', '.000Z'), 'from the first instant')
    assert.equal(clock!.due.toISOString(), '2026-10-03T14:00:00.000Z', 'P1: 4 hours on 24×7')

    // A second monitor's report of the same outage, and a resend, tell nothing new.
    await ingest(report('s-2', '10:05', 'down', 'portal', 'web'), report('s-1', '10:00', 'down'))
    assert.equal((await outbox()).length, 2)

    now = Date.parse(at('10:50'))
    await ingest(report('s-3', '10:42', 'up'), report('s-4', '10:42', 'up', 'portal', 'web'))
    const up = (await outbox()).filter((r) => r.event_type === 'service.up')
    assert.deepEqual(
      up.map((r) => r.subject),
      [
        '[Acme] Customer portal (portal) is up again after 42m',
        '[Acme] Customer portal (portal) is up again after 42m',
      ],
    )
    assert.equal(ServiceUpPayloadSchema.parse(up[0]!.payload.event).data.down_ms, 42 * 60_000)
    assert.equal((await tickets())[0]!.status, 'resolved')
  })

  test('a service first seen up tells nothing; one component down of two is an outage until both are up', async () => {
    await ingest(
      report('e-1', '09:00', 'up', 'email', 'mx'),
      report('e-2', '09:00', 'up', 'email', 'webmail'),
    )
    assert.deepEqual(await outbox(), [])
    await ingest(report('e-3', '09:30', 'down', 'email', 'mx'))
    await ingest(report('e-4', '09:40', 'degraded', 'email', 'webmail'))
    await ingest(report('e-5', '09:50', 'up', 'email', 'mx'))
    assert.deepEqual(
      (await outbox()).map((r) => [r.event_type, r.recipient, r.subject]),
      [
        [
          'service.down',
          'support@example-it.example',
          '[Acme] Hosted email (email) is down since 2026-10-03 09:30 UTC',
        ],
        ['service.up', 'support@example-it.example', '[Acme] Hosted email (email) is up again after 20m'],
      ],
    )
    assert.deepEqual(await tickets(), [], 'the email monitor asks for no incident ticket')
  })

  test('a second outage opens a second incident', async () => {
    now = Date.parse(at('12:00'))
    await ingest(report('a', '10:00', 'down'), report('b', '10:10', 'up'))
    await ingest(report('c', '11:00', 'down'))
    assert.deepEqual(
      (await tickets()).map((r) => [r.id, r.status]),
      [['INC-portal-20261003T1100Z', 'open']],
      'a batch that ends up tells only where it ends: the 10:00 outage was over when it arrived',
    )
    await ingest(report('d', '11:30', 'up'))
    await ingest(report('e', '11:45', 'down'))
    assert.deepEqual(
      (await tickets()).map((r) => [r.id, r.status]),
      [
        ['INC-portal-20261003T1100Z', 'resolved'],
        ['INC-portal-20261003T1145Z', 'open'],
      ],
    )
  })
})
