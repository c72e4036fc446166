import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { bootstrapAdmin } from './bootstrap-admin.ts'
import { hashToken } from './manage-people.ts'
import { signIn } from './sign-in.ts'

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

  test('the admin gets a random password, stored only as an argon2id hash, that signs them in', async () => {
    const [row] = await t.db.query<{ email: string; password_hash: string }>(
      'select email, password_hash from users',
    )
    assert.match(row!.password_hash, /^\$argon2id\$/)
    const other = await createTestDb()
    try {
      const first = await bootstrapAdmin({ db: other.db, now: Date.now })
      assert.match(first!.password, /^[A-Za-z0-9_-]{24}$/)
      const signedIn = await signIn(
        { db: other.db, now: Date.now },
        { email: first!.email, password: first!.password },
      )
      assert.equal(signedIn.user.role, 'admin')
      const [again] = await other.db.query<{ password_hash: string }>('select password_hash from users')
      assert.ok(!again!.password_hash.includes(first!.password))
      assert.notEqual(again!.password_hash, row!.password_hash, 'another password, another hash')
    } finally {
      await other.drop()
    }
  })

  test('once any user exists, nothing happens', async () => {
    assert.equal(await bootstrapAdmin({ db: t.db, now: Date.now }), null)
  })
})
