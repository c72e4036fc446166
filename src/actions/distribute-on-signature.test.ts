// On signature the agreement goes out: the last signature distributes the new version when an
// email channel is enabled; without one it says why nothing went, and `distribute` sends it later.
import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import type { Deps } from './deps.ts'
import { distributeOnSignature } from './distribute-on-signature.ts'
import { lifecycleRecords } from './lifecycle-records.ts'
import { createChannel } from './manage-notification-channels.ts'
import { signAgreement } from './sign-agreement.ts'
import { ADMIN } from './test-support/fixtures.ts'
import { AS, lifecycleText, seedLifecyclePeople, walkToSigning } from './test-support/lifecycle-fixtures.ts'

describe('distribution on signature', () => {
  let t: TestDb
  const deps = (): Deps => ({ db: t.db, now: () => Date.parse('2025-12-01T09:00:00Z') })
  beforeEach(async () => {
    t = await createTestDb()
    await seedLifecyclePeople(t.db)
  })
  afterEach(() => t.drop())

  const signLast = async () => {
    const { id, contentHash } = await walkToSigning(deps(), lifecycleText())
    const first = await distributeOnSignature(
      { ...deps(), lifecycle: lifecycleRecords },
      await signAgreement(deps(), AS.dana, id, { contentHash }),
    )
    assert.equal(first.distribution, null, 'a signature that is not the last sends nothing')
    return distributeOnSignature(
      { ...deps(), lifecycle: lifecycleRecords },
      await signAgreement(deps(), AS.ruth, id, { contentHash }),
    )
  }

  test('the last signature sends the signed version to everyone it names, and records it', async () => {
    await createChannel(deps(), ADMIN, {
      kind: 'email',
      name: 'mail',
      host: '127.0.0.1',
      from: 'sla@example-it.example',
    })
    const signed = await signLast()
    assert.ok(signed.distribution && 'id' in signed.distribution, JSON.stringify(signed.distribution))
    assert.ok(signed.distribution.recipients > 0)
    assert.equal(signed.distribution.enqueued, signed.distribution.recipients)
    const [row] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from notifications where event_type = 'agreement.distributed'`,
    )
    assert.equal(row!.n, signed.distribution.enqueued)
  })

  test('without an email channel the signature stands and says why nothing went', async () => {
    const signed = await signLast()
    assert.deepEqual(signed.distribution, {
      skipped:
        'no email channel is enabled to send the agreement through: add one (upheld channel add email)',
    })
    assert.ok(
      signed.recorded.some((r) => r.type === 'version.recorded'),
      'signed all the same',
    )
  })
})
