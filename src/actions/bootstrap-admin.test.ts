import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { bootstrapAdmin } from './bootstrap-admin.ts'
import { hashToken } from './manage-people.ts'

describe('first start', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb()
  })
  after(() => t.drop())

  test('an empty database gets one provider, one admin and one token, even when two processes start together', async () => {
    const deps = { db: t.db, now: Date.now }
    const results = await Promise.all([bootstrapAdmin(deps), bootstrapAdmin(deps)])
    const made = results.filter((r) => r !== null)
    assert.equal(made.length, 1)
    assert.match(made[0]!.token, /^uph_/)
    const users = await t.db.query<{ role: string; organisation_id: string }>(
      'select role, organisation_id from users',
    )
    assert.deepEqual(users, [{ role: 'admin', organisation_id: 'provider' }])
    const tokens = await t.db.query<{ token_hash: string }>('select token_hash from api_tokens')
    assert.deepEqual(tokens, [{ token_hash: hashToken(made[0]!.token) }])
  })

  test('once any user exists, nothing happens', async () => {
    assert.equal(await bootstrapAdmin({ db: t.db, now: Date.now }), null)
  })
})
