// An operational-level agreement adds its own clocks to a customer's ticket; staff see them,
// the customer does not.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import type { Deps } from './deps.ts'
import { getTicket } from './get-ticket.ts'
import { ingestEvents } from './ingest-events.ts'
import { listClocks } from './list-clocks.ts'
import { ACME, ADMIN, fixedClock, HELPDESK_SLA, seedPeople, T100_EVENTS } from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

const OLA = `apiVersion: upheld/v1
kind: OperationalLevelAgreement
metadata: { id: l2-ola, title: Second-line support OLA }
spec:
  parties:
    provider: { id: l2-team, name: Second-line team }
    customer: { id: example-it, name: Example IT }
  calendars:
    - { id: always, timezone: UTC, week: 24x7 }
  severities:
    - { id: P1, rank: 1, name: Critical, definition: Down. }
    - { id: P2, rank: 2, name: High, definition: Degraded. }
  targets:
    - { severity: P1, metric: resolution, within: 2h, calendar: always }
    - { severity: P2, metric: resolution, within: 8h, calendar: always }
`

describe('underpinning agreements', () => {
  let t: TestDb
  let deps: Deps
  before(async () => {
    t = await createTestDb()
    deps = { db: t.db, now: fixedClock('2026-11-20T17:00:00Z') }
    await seedPeople(t.db)
    await uploadAgreement(deps, ADMIN, { text: HELPDESK_SLA })
    await uploadAgreement(deps, ADMIN, { text: OLA, effectiveFrom: '2026-01-01' })
    await ingestEvents(deps, ADMIN, T100_EVENTS.slice(0, 2))
  })
  after(() => t.drop())

  test("an OLA adds its named clocks to the customer's ticket", async () => {
    const { clocks } = await getTicket(deps, ADMIN, 'T-100')
    const ola = clocks.filter((c) => c.agreement_id === 'l2-ola')
    assert.deepEqual(
      ola.map((c) => [c.metric, c.target_ms, c.due?.toISOString()]),
      [['resolution', 8 * 3_600_000, '2026-11-21T00:30:00.000Z']],
    )
    assert.ok(clocks.some((c) => c.agreement_id === 'acme-helpdesk' && c.metric === 'first_response'))
  })

  test('the customer sees only the clocks of its own agreement', async () => {
    const { clocks } = await getTicket(deps, ACME, 'T-100')
    assert.ok(clocks.length > 0)
    assert.ok(clocks.every((c) => c.agreement_id === 'acme-helpdesk'))
    const page = await listClocks(deps, ACME, { limit: 100 })
    assert.ok(page.clocks.every((c) => c.agreement_id === 'acme-helpdesk'))
    const staff = await listClocks(deps, ADMIN, { limit: 100 })
    assert.ok(staff.clocks.some((c) => c.agreement_id === 'l2-ola'))
  })
})
