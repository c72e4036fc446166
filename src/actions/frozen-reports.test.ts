// Frozen reports through the real path, on both engines: a closed month's report is stored the
// first time it is made; a late event does not change it but shows as late; a recomputation
// needs provider staff and a reason, and stores a new revision with what changed.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { AppError } from '../domain/app-error.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import type { Deps } from './deps.ts'
import { getReport, recomputeReport } from './frozen-reports.ts'
import { ingestEvents } from './ingest-events.ts'
import { ACME, ADMIN, HELPDESK_SLA, seedPeople } from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

const OCTOBER = { year: 2026, month: 10, months: 1 } as const
const NOVEMBER = { year: 2026, month: 11, months: 1 } as const
const query = { agreementId: 'acme-helpdesk', period: OCTOBER }

describe('frozen reports', () => {
  let t: TestDb
  let now = Date.parse('2026-11-02T09:00:00Z')
  const deps = (): Deps => ({ db: t.db, now: () => now })
  let seq = 0
  // A P1 ticket created and resolved on the given October day, between the given hours (UTC).
  const p1 = (ticket: string, day: number, from: number, to: number) => {
    const at = (h: number) => `2026-10-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`
    return ingestEvents(deps(), ADMIN, [
      {
        id: `e${++seq}`,
        ticket,
        type: 'created',
        at: at(from),
        customer: 'acme',
        service: 'portal',
        severity: 'P1',
      },
      { id: `e${++seq}`, ticket, type: 'status', at: at(to), status: 'resolved' },
    ])
  }
  const resolution = (view: Awaited<ReturnType<typeof getReport>>) => {
    const row = view.report.targets.find((r) => r.severity === 'P1' && r.metric === 'resolution')!
    return `${row.met} met, ${row.breached} breached`
  }

  before(async () => {
    t = await createTestDb()
    await seedPeople(t.db)
    now = Date.parse('2026-09-01T00:00:00Z')
    await uploadAgreement(deps(), ADMIN, { text: HELPDESK_SLA, filename: 'helpdesk-sla.yaml' })
    now = Date.parse('2026-11-02T09:00:00Z')
    await p1('T-1', 10, 10, 12) // 2h of a 4h target: met
    await p1('T-2', 12, 10, 15) // 5h: breached
  })
  after(() => t.drop())

  test('a month still running is reported as it stands and not stored', async () => {
    const view = await getReport(deps(), ACME, { agreementId: 'acme-helpdesk', period: NOVEMBER })
    assert.equal(view.frozen, null)
    assert.equal(view.report.complete, false)
  })

  test('a closed month is frozen the first time it is made; a late event shows, but changes nothing', async () => {
    const first = await getReport(deps(), ACME, query)
    assert.equal(resolution(first), '1 met, 1 breached')
    assert.deepEqual(
      { revision: first.frozen?.revision, by: first.frozen?.frozen_by, late: first.frozen?.late_events },
      { revision: 1, by: 'system', late: 0 },
    )
    now += 3_600_000
    await p1('T-3', 20, 10, 16) // arrives in November, about October: 6h, breached
    const again = await getReport(deps(), ADMIN, query)
    assert.equal(resolution(again), '1 met, 1 breached', 'the frozen report')
    assert.equal(again.frozen?.report_hash, first.frozen?.report_hash)
    assert.equal(again.frozen?.late_events, 2, 'the late ticket’s two events')
  })

  test('a recomputation needs provider staff and a reason, and stores a new revision with what changed', async () => {
    await assert.rejects(
      recomputeReport(deps(), ACME, { ...query, reason: 'we disagree' }),
      (e: AppError) => {
        return e.code === 'forbidden'
      },
    )
    await assert.rejects(recomputeReport(deps(), ADMIN, { ...query, reason: '  ' }), (e: AppError) => {
      return e.code === 'invalid_input' && e.issues[0]?.path[0] === 'reason'
    })
    await assert.rejects(
      recomputeReport(deps(), ADMIN, { agreementId: 'acme-helpdesk', period: NOVEMBER, reason: 'early' }),
      (e: AppError) => e.code === 'conflict',
    )
    const done = await recomputeReport(deps(), ADMIN, { ...query, reason: 'T-3 was exported late' })
    assert.equal(done.before?.revision, 1)
    assert.deepEqual(
      {
        revision: done.after.revision,
        by: done.after.frozen_by,
        reason: done.after.reason,
        late: done.after.late_events,
      },
      { revision: 2, by: 'u-admin', reason: 'T-3 was exported late', late: 0 },
    )
    const paths = done.changes.map((c) => c.path)
    assert.ok(
      paths.some((p) => /^targets\[P1\/resolution\/.*\]\.breached$/.test(p)),
      paths.join('\n'),
    )
    assert.ok(
      paths.some((p) => p.startsWith('breaches[T-3')),
      paths.join('\n'),
    )
    const latest = await getReport(deps(), ACME, query)
    assert.equal(resolution(latest), '1 met, 2 breached')
    assert.equal(latest.frozen?.revision, 2)
  })
})
