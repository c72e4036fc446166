// The report from the database is the report from the events: the same tickets, ingested and
// aggregated by SQL (replaying only the tickets whose stored clocks cannot say), give exactly
// what replaying every ticket gives. Runs on PGlite, and on PostgreSQL when
// UPHELD_TEST_DATABASE_URL names a server.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Agreement } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import { parsePeriodLabel } from '../domain/availability/reporting-period.ts'
import type { TicketEventInput } from '../domain/clocks/ticket-events.ts'
import { historySelector } from '../domain/reports/replay-tally.ts'
import { reportPeriod } from '../domain/reports/report-period.ts'
import {
  agent,
  historyOf,
  OCTOBER_STATUS,
  OCTOBER_TICKETS,
  portalIntervals,
  REPORT_TARGETS,
  randomTickets,
  reportAgreement,
  reportFromEvents,
  resolved,
  ticket,
} from '../domain/reports/test-support/report-fixture.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { buildReport } from './build-report.ts'
import type { Deps } from './deps.ts'
import { ingestEvents } from './ingest-events.ts'
import { ingestStatusEvents } from './ingest-status-events.ts'
import { loadReportTally } from './load-report-tally.ts'
import { ACME, ADMIN, fixedClock, GLOBEX, seedPeople } from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

const LATER = '2027-01-01T00:00:00Z'
const period = (label: string) => parsePeriodLabel(label)!

async function seed(
  t: TestDb,
  versions: [Agreement, string][],
  tickets: TicketEventInput[][],
): Promise<Deps> {
  const deps = { db: t.db, now: fixedClock('2026-12-01T00:00:00Z') }
  await seedPeople(t.db)
  for (const [agreement, effectiveFrom] of versions)
    await uploadAgreement(deps, ADMIN, { text: JSON.stringify(agreement), effectiveFrom })
  const events = tickets.flat()
  for (let i = 0; i < events.length; i += 1000) await ingestEvents(deps, ADMIN, events.slice(i, i + 1000))
  return deps
}

describe('the report from the database', () => {
  let t: TestDb
  let deps: Deps
  const versions: [Agreement, string][] = [[reportAgreement(), '2026-01-01T00:00:00Z']]
  const history = historyOf(...versions)
  before(async () => {
    t = await createTestDb()
    deps = await seed(t, versions, OCTOBER_TICKETS)
    await ingestStatusEvents(deps, ADMIN, { format: 'generic', body: OCTOBER_STATUS, customer: 'acme' })
  })
  after(() => t.drop())

  const cases: [label: string, at: string][] = [
    ['2026-10', LATER],
    ['2026-11', LATER],
    ['2026-10', '2026-10-02T12:00:00Z'], // the month so far
    ['2026-10', '2026-10-31T23:00:00Z'], // T-7 breached and open, T-6 running
    ['2026-Q4', LATER],
  ]
  for (const [label, at] of cases)
    test(`${label} as of ${at}: the same as replaying every ticket`, async () => {
      const fromDb = await buildReport(deps, ADMIN, {
        agreementId: 'acme-helpdesk',
        period: period(label),
        at: Date.parse(at),
      })
      assert.deepEqual(fromDb, reportFromEvents(history, label, at, OCTOBER_TICKETS, portalIntervals(at)))
    })

  test('only the tickets whose stored clocks cannot say are replayed', async () => {
    const p = reportPeriod(history, period('2026-10'), Date.parse(LATER))
    const select = historySelector(history)
    assert.ok(p.ok && select.ok)
    const { replayed } = await loadReportTally(
      t.db,
      { customerId: 'acme', agreementId: 'acme-helpdesk' },
      p.value,
      select.value,
    )
    // T-5 reopened, T-6 and T-7 ran into November, T-12 breached and is still open. T-11
    // changed severity, but no clock of it breached: its rows keep everything.
    assert.equal(replayed, 4)
  })

  test('an agreement that does not exist, or is another customer’s, is not found, with a hint', async () => {
    const ask = (actor: typeof ADMIN, agreementId: string) =>
      buildReport(deps, actor, { agreementId, period: period('2026-10') })
    await assert.rejects(
      () => ask(ADMIN, 'acme-helpdsk'),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'not_found' &&
        /did you mean "acme-helpdesk"/.test(e.issues[0]?.hint ?? ''),
    )
    await assert.rejects(
      () => ask(GLOBEX, 'acme-helpdesk'),
      (e: unknown) => e instanceof AppError && e.code === 'not_found',
    )
    assert.equal((await ask(ACME, 'acme-helpdesk')).agreement, 'acme-helpdesk')
  })

  test('a period before the agreement took effect is a clear error', async () => {
    await assert.rejects(
      () => buildReport(deps, ADMIN, { agreementId: 'acme-helpdesk', period: period('2025-12') }),
      (e: unknown) =>
        e instanceof AppError && e.code === 'invalid_input' && /no version in force/.test(e.message),
    )
  })
})

describe('the report from the database, for an agreement revised mid-month', () => {
  let t: TestDb
  let deps: Deps
  const v2Targets = REPORT_TARGETS.map((x) =>
    x.severity === 'P1' && x.metric === 'resolution' ? { ...x, within: '2h', goal: '95%' } : x,
  )
  const versions: [Agreement, string][] = [
    [reportAgreement(), '2026-01-01T00:00:00Z'],
    [reportAgreement({ targets: v2Targets }), '2026-10-15T00:00:00Z'],
  ]
  const tickets = [
    ...OCTOBER_TICKETS,
    ticket('R-1', 'P1', '2026-10-14 23:00', agent('2026-10-14 23:05'), resolved('2026-10-15 02:00')),
    ticket('R-2', 'P1', '2026-10-20 10:00', agent('2026-10-20 10:05'), resolved('2026-10-20 13:00')),
  ]
  before(async () => {
    t = await createTestDb()
    deps = await seed(t, versions, tickets)
  })
  after(() => t.drop())

  test('each clock under the version it pinned, as replaying gives', async () => {
    const fromDb = await buildReport(deps, ADMIN, {
      agreementId: 'acme-helpdesk',
      period: period('2026-10'),
      at: Date.parse(LATER),
    })
    const expected = reportFromEvents(historyOf(...versions), '2026-10', LATER, tickets)
    assert.deepEqual(fromDb, expected)
    // v1: T-1 to T-5, T-10, T-11 and R-1 (14 clocks); v2: the first responses of T-6, T-7,
    // T-12 and R-2, the resolutions of T-12 and R-2, and T-7's, due at 23:00 under v2's 2h.
    assert.deepEqual(
      fromDb.versions.map((v) => [v.version, v.clocks]),
      [
        ['acme-helpdesk@1', 14],
        ['acme-helpdesk@2', 7],
      ],
    )
  })
})

// Seeded random histories under a revision that changes the clock modes mid-October: the
// split between SQL and replay must hold whatever the tickets did.
const MODES = [
  { onSeverityChange: 'keep-elapsed', onReopen: 'resume' },
  { onSeverityChange: 'new-clock', onReopen: 'new-cycle' },
  { onSeverityChange: 'recompute', onReopen: 'resume' },
] as const
for (const [i, modes] of MODES.entries())
  describe(`the report from the database, for random histories (${modes.onSeverityChange}, ${modes.onReopen})`, () => {
    let t: TestDb
    let deps: Deps
    const versions: [Agreement, string][] = [
      [reportAgreement(), '2026-01-01T00:00:00Z'],
      [reportAgreement({ clock: { pauseOn: ['waiting_on_customer'], ...modes } }), '2026-10-20T00:00:00Z'],
    ]
    const tickets = randomTickets(20261031 + i, 300)
    before(async () => {
      t = await createTestDb()
      deps = await seed(t, versions, tickets)
    })
    after(() => t.drop())

    const cases: [label: string, at: string][] = [
      ['2026-09', LATER],
      ['2026-10', LATER],
      ['2026-11', LATER],
      ['2026-10', '2026-10-17T13:37:00Z'],
    ]
    for (const [label, at] of cases)
      test(`${label} as of ${at}`, async () => {
        const fromDb = await buildReport(deps, ADMIN, {
          agreementId: 'acme-helpdesk',
          period: period(label),
          at: Date.parse(at),
        })
        assert.deepEqual(fromDb, reportFromEvents(historyOf(...versions), label, at, tickets))
      })
  })
