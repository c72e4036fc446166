// What other parts of Upheld call: the signed record a PDF prints, a distribution recorded in
// the caller's transaction, events appended to the same chain, and the daily advance.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { advanceAgreements } from './advance-agreements.ts'
import { appendAgreementAudit } from './append-agreement-audit.ts'
import type { Deps } from './deps.ts'
import { recordDistributionEvent, signedRecord } from './lifecycle-records.ts'
import {
  getAgreementHistory,
  getAgreementLifecycle,
  verifyAgreementAudit,
} from './read-agreement-lifecycle.ts'
import { AS, lifecycleText, seedLifecyclePeople, walkToSigned } from './test-support/lifecycle-fixtures.ts'

const ID = 'acme-helpdesk'

describe('the lifecycle, as distribution and the worker use it', () => {
  let t: TestDb
  let deps: Deps
  let clock = Date.parse('2025-12-10T15:00:00Z')
  let hash = ''
  before(async () => {
    t = await createTestDb()
    deps = { db: t.db, now: () => clock }
    await seedLifecyclePeople(t.db)
    hash = await walkToSigned(deps, lifecycleText())
  })
  after(() => t.drop())

  test('a signed version has its signatures and the audit head to print; other versions have none', async () => {
    const record = await signedRecord(t.db, ID, 1)
    const history = await getAgreementHistory(deps, AS.admin, ID)
    assert.deepEqual(record?.signatures, [
      {
        name: 'Dana Okafor',
        email: 'dana.okafor@example-it.example',
        role: 'head-of-service',
        party: 'Example IT Services Ltd (provider)',
        signedAt: clock,
        authMethod: 'token',
        contentHash: hash,
      },
      {
        name: 'Ruth Mensah',
        email: 'ruth.mensah@acme.example',
        role: 'customer-representative',
        party: 'Acme Corporation (customer)',
        signedAt: clock,
        authMethod: 'token',
        contentHash: hash,
      },
    ])
    assert.deepEqual(record?.audit, { events: history.length, lastHash: history.at(-1)?.hash, at: clock })
    assert.equal(await signedRecord(t.db, ID, 2), null)
    assert.equal(await signedRecord(t.db, 'no-such', 1), null)
  })

  test('a distribution is recorded in the transaction of the sending', async () => {
    const event = {
      agreementId: ID,
      version: 1,
      actor: AS.mei,
      at: clock,
      payload: { distributionId: 'd_1', documentSha256: 'ab'.repeat(32), recipients: ['it@acme.example'] },
    }
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await recordDistributionEvent(tx, event)
        throw new Error('the sending failed')
      }),
      /the sending failed/,
    )
    assert.equal(
      (await getAgreementLifecycle(deps, AS.admin, ID)).current?.state,
      'signed',
      'rolled back with it',
    )
    await t.db.transaction((tx) => recordDistributionEvent(tx, event))
    const last = (await getAgreementHistory(deps, AS.admin, ID)).at(-1)!
    assert.deepEqual(
      [last.type, last.actor.user, (last.payload as { distributionId: string }).distributionId],
      ['distribution.recorded', 'u-mei', 'd_1'],
    )
    assert.equal((await getAgreementLifecycle(deps, AS.admin, ID)).current?.state, 'distributed')
  })

  test('other acts join the chain without moving the lifecycle', async () => {
    const sealed = await appendAgreementAudit(deps, AS.mei, ID, {
      type: 'document.sealed',
      payload: { version: 1, pdfSha256: 'cd'.repeat(32) },
    })
    assert.equal(sealed.type, 'document.sealed')
    assert.equal((await getAgreementLifecycle(deps, AS.admin, ID)).current?.state, 'distributed')
    assert.equal((await verifyAgreementAudit(deps, AS.admin, ID)).ok, true)
  })

  test('the daily advance moves what is due once, and nothing twice', async () => {
    clock = Date.parse('2026-01-01T06:00:00Z')
    assert.deepEqual(await advanceAgreements(deps), [
      { agreement: ID, edition: 1, type: 'edition.in_force', from: 'distributed', to: 'in_force' },
    ])
    assert.deepEqual(await advanceAgreements(deps), [])
    clock = Date.parse('2026-07-01T00:00:00Z')
    assert.deepEqual(
      (await advanceAgreements(deps)).map((m) => [m.type, m.to]),
      [['review.due', 'review_due']],
    )
    clock = Date.parse('2027-01-01T00:00:00Z')
    assert.deepEqual(
      (await advanceAgreements(deps)).map((m) => [m.type, m.to]),
      [['edition.expired', 'expired']],
    )
  })
})
