// A closed month's report is frozen and sent to the agreement's reporting contacts once, by
// whichever worker gets there first; the running month is not.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { ReportReadyPayloadSchema } from '../domain/notifications/payloads.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { deliverClosedReports } from './deliver-period-reports.ts'
import type { Deps } from './deps.ts'
import { ingestEvents } from './ingest-events.ts'
import { createChannel } from './manage-notification-channels.ts'
import { ADMIN, HELPDESK_SLA, seedPeople } from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

describe('delivering closed periods’ reports', () => {
  let t: TestDb
  let now = Date.parse('2026-10-20T09:00:00Z')
  const deps = (): Deps => ({ db: t.db, now: () => now, publicUrl: 'https://sla.example-it.example' })

  before(async () => {
    t = await createTestDb()
    await seedPeople(t.db)
    await uploadAgreement(deps(), ADMIN, { text: HELPDESK_SLA, filename: 'helpdesk-sla.yaml' })
    now = Date.parse('2026-10-21T09:00:00Z')
    await createChannel(deps(), ADMIN, {
      kind: 'email',
      name: 'mail',
      host: '127.0.0.1',
      from: 'sla@example-it.example',
    })
    await ingestEvents(deps(), ADMIN, [
      {
        id: 'e1',
        ticket: 'T-1',
        type: 'created',
        at: '2026-10-20T09:00:00Z',
        customer: 'acme',
        service: 'portal',
        severity: 'P1',
      },
      { id: 'e2', ticket: 'T-1', type: 'status', at: '2026-10-20T15:00:00Z', status: 'resolved' },
    ])
  })
  after(() => t.drop())

  const outbox = () =>
    t.db.query<{ recipient: string; subject: string; payload: { event: unknown; text: string } }>(
      `select recipient, subject, payload from notifications where event_type = 'report.ready' order by recipient`,
    )

  test('September (before any ticket) and October: each frozen and sent once, to reporting.to', async () => {
    now = Date.parse('2026-10-25T09:00:00Z')
    const september = await deliverClosedReports(deps())
    assert.deepEqual(september, [{ agreement: 'acme-helpdesk', period: '2026-09', enqueued: 2 }])
    now = Date.parse('2026-11-01T00:05:00Z')
    assert.deepEqual(await deliverClosedReports(deps()), [
      { agreement: 'acme-helpdesk', period: '2026-10', enqueued: 2 },
    ])
    assert.deepEqual(await deliverClosedReports(deps()), [], 'told once')
    now = Date.parse('2026-11-20T00:00:00Z')
    assert.deepEqual(await deliverClosedReports(deps()), [], 'November is still running')
    const october = (await outbox()).filter((r) => r.subject.includes('2026-10'))
    assert.deepEqual(
      october.map((r) => r.recipient),
      ['it@acme.example', 'luis.ferreira@example-it.example'],
    )
    assert.equal(october[0]!.subject, '[Acme] Helpdesk Service Level Agreement: report for 2026-10')
    assert.match(october[0]!.payload.text, /missed: P1 resolution 0\.00% \(goal 90%\)/)
    const payload = ReportReadyPayloadSchema.parse(october[0]!.payload.event)
    assert.deepEqual([payload.data.revision, payload.data.targets_missed], [1, 2])
    assert.equal(payload.data.url, 'https://sla.example-it.example/agreements/acme-helpdesk/reports/2026-10')
    const [frozen] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from report_snapshots where period = '2026-10'`,
    )
    assert.equal(frozen!.n, 1)
  })
})
