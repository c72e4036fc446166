// The daily health check over the CRVS support plan: its review, licence renewal and restore
// tests fall due, each finding appears once and is told once to its owner, and a revision
// that deals with them resolves them. Runs on PGlite, or PostgreSQL with UPHELD_TEST_DATABASE_URL.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { listFindings } from '../storage/agreement-health.ts'
import { insertOrganisation } from '../storage/organisations.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { checkAgreementHealth, type HealthAuditEvent, type HealthDeps } from './check-agreement-health.ts'
import { getAgreementHealth } from './get-agreement-health.ts'
import { createChannel } from './manage-notification-channels.ts'
import { ACME, ADMIN, seedPeople } from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

const CRVS = readFileSync(new URL('../../../shared/examples/crvs-support-plan.yaml', import.meta.url), 'utf8')
const day = (date: string) => Date.parse(`${date}T06:00:00Z`)
const D1 = day('2027-01-05')

/** The revision that deals with the findings: reviewed, licence renewed, restore tested; backups reordered. */
function revised(): string {
  const lines = CRVS.replace('review: { every: P6M,', 'review: { every: P6M, last: 2027-01-04,')
    .replace('expiry: 2027-02-28', 'expiry: 2028-02-28')
    .replace('lastRestoreTest: 2026-02-10', 'lastRestoreTest: 2027-01-03')
    .split('\n')
  const nightly = lines.findIndex((l) => l.includes('id: b-nightly'))
  ;[lines[nightly], lines[nightly + 1]] = [lines[nightly + 1]!, lines[nightly]!]
  return lines.join('\n')
}

describe('checkAgreementHealth', () => {
  let t: TestDb
  let deps: HealthDeps
  const audit: HealthAuditEvent[] = []
  const told = (type: HealthAuditEvent['type']) =>
    audit.filter((e) => e.type === type).map((e) => e.payload.rule)
  const open = async () => listFindings(t.db, 'registrar-general', 'crvs-support', 'open')
  const outbox = async () =>
    t.db.query<{
      recipient: string
      payload: { event: { data: { finding: { rule: string; path: string } } } }
    }>(
      `select recipient, payload from notifications where event_type = 'agreement.finding' order by recipient, id`,
    )

  before(async () => {
    t = await createTestDb()
    await seedPeople(t.db)
    await insertOrganisation(t.db, {
      id: 'registrar-general',
      name: 'Office of the Registrar General',
      kind: 'customer',
    })
    deps = {
      db: t.db,
      now: () => D1,
      publicUrl: 'https://sla.gov.example',
      audit: async (_db, event) => {
        audit.push(event)
      },
    }
    await uploadAgreement(deps, ADMIN, { text: CRVS })
    await createChannel(deps, ADMIN, {
      kind: 'email',
      name: 'mail',
      host: '127.0.0.1',
      port: 9,
      from: 'sla@gov.example',
    })
  })
  after(() => t.drop())

  test('finds the review, the licence renewal and the restore tests due, and tells each owner once', async () => {
    const report = await checkAgreementHealth(deps, D1)
    const findings = await open()
    const places = findings.map((f) => `${f.rule} ${f.path}`)
    for (const expected of [
      'term.review-due spec.term.review',
      'licence.renewal-due spec.licenses[id=l-app].expiry',
      'backup.restore-test-overdue spec.backups[id=b-nightly].lastRestoreTest',
      'backup.restore-test-overdue spec.backups[id=b-wal]',
    ])
      assert.ok(places.includes(expected), `${expected} in ${places.join('; ')}`)
    assert.deepEqual([report.checked, report.new, report.found], [1, findings.length, findings.length])
    assert.ok(findings.every((f) => f.first_seen.getTime() === D1 && f.version === 1))
    const sent = await outbox()
    assert.equal(report.notified, sent.length)
    assert.equal(told('check.failed').length, findings.length, 'each new finding goes into the audit log')
    const to = (rule: string, path: string) =>
      sent.filter(
        (n) => n.payload.event.data.finding.rule === rule && n.payload.event.data.finding.path === path,
      )
    assert.deepEqual(
      to('licence.renewal-due', 'spec.licenses[id=l-app].expiry').map((n) => n.recipient),
      ['crvs.manager@gov.example'],
    )
    assert.deepEqual(
      to('term.review-due', 'spec.term.review').map((n) => n.recipient),
      ['crvs.manager@gov.example'],
    )
    assert.deepEqual(
      to('backup.restore-test-overdue', 'spec.backups[id=b-wal]').map((n) => n.recipient),
      ['dba@gov.example'],
    )
  })

  test('the next day finds the same findings: none is new and nobody is told again', async () => {
    const before = await open()
    const sent = (await outbox()).length
    const report = await checkAgreementHealth(deps, day('2027-01-06'))
    assert.deepEqual([report.new, report.notified, report.resolved], [0, 0, 0])
    const after = await open()
    assert.deepEqual(
      after.map((f) => [f.rule, f.path, f.first_seen.getTime()]),
      before.map((f) => [f.rule, f.path, f.first_seen.getTime()]),
    )
    assert.ok(after.every((f) => f.last_seen.getTime() === day('2027-01-06')))
    assert.equal((await outbox()).length, sent)
  })

  test('a revision that deals with them resolves them; a reordered list keeps its open finding', async () => {
    await uploadAgreement(deps, ADMIN, { text: revised(), effectiveFrom: '2027-01-07' })
    const report = await checkAgreementHealth(deps, day('2027-01-08'))
    const places = (await open()).map((f) => `${f.rule} ${f.path}`)
    assert.ok(
      !places.some((p) => /term\.review-due|licence\.renewal-due|b-nightly/.test(p)),
      places.join('; '),
    )
    const wal = (await open()).find((f) => f.path === 'spec.backups[id=b-wal]')
    assert.deepEqual(
      [wal?.first_seen.getTime(), wal?.version],
      [D1, 2],
      'the same finding, now seen in version 2',
    )
    assert.equal(report.resolved, 3)
    assert.equal(report.new, 0)
    assert.deepEqual(told('check.cleared').sort(), [
      'backup.restore-test-overdue',
      'licence.renewal-due',
      'term.review-due',
    ])
    const resolved = await listFindings(t.db, 'registrar-general', 'crvs-support', 'resolved')
    assert.deepEqual(
      resolved.map((f) => f.resolved_at?.getTime()),
      [1, 2, 3].map(() => day('2027-01-08')),
    )
  })

  test('an agreement the lifecycle takes out of force has its findings resolved', async () => {
    const report = await checkAgreementHealth({ ...deps, inForce: async () => [] }, day('2027-01-09'))
    assert.equal(report.checked, 0)
    assert.ok(report.resolved > 0)
    assert.deepEqual(await open(), [])
    assert.equal(told('check.cleared').length, told('check.failed').length, 'every finding told cleared')
  })

  test('the health list is the customer’s alone', async () => {
    const staff = await getAgreementHealth(deps, ADMIN, 'crvs-support', 'all')
    assert.ok(staff.findings.length > 0)
    await assert.rejects(getAgreementHealth(deps, ACME, 'crvs-support'), /no agreement "crvs-support"/)
  })
})
