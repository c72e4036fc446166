// `upheld user password EMAIL` against a database of its own (embedded in a temporary
// directory, or on the test PostgreSQL): the password comes in on standard input.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { signIn } from '../actions/sign-in.ts'
import { seedPeople } from '../actions/test-support/fixtures.ts'
import { openDatabase } from '../database.ts'
import type { Db } from '../storage/db.ts'
import { createTestDb, TEST_DATABASE_URL, type TestDb } from '../storage/test-support/test-db.ts'
import { runCli } from './test-support/run-cli.ts'

describe('upheld user password', () => {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-cli-user-'))
  let server: TestDb | undefined
  const env = (): Record<string, string> =>
    server?.url ? { DATABASE_URL: server.url } : { UPHELD_DATA_DIR: dir, DATABASE_URL: '' }
  const withDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    if (server) return fn(server.db)
    const database = await openDatabase({ dataDir: dir, databaseUrl: undefined })
    try {
      return await fn(database.db)
    } finally {
      await database.close()
    }
  }
  const cli = (args: string[], input?: string) => runCli(['user', 'password', ...args], { env: env(), input })
  const signInAs = (password: string) =>
    withDb((db) => signIn({ db, now: Date.now }, { email: 'ann@acme.example', password }))

  before(async () => {
    if (TEST_DATABASE_URL) server = await createTestDb()
    await withDb((db) => seedPeople(db))
  })
  after(async () => {
    await server?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  test('sets the password read from standard input (one newline dropped) and ends the sessions', async () => {
    const first = cli(['Ann@Acme.example', '--password-stdin'], ' spaced out password \n')
    assert.equal(first.code, 0, first.stderr)
    assert.equal(first.stdout, 'Password set for ann@acme.example; 0 sessions ended.\n')
    assert.equal((await signInAs(' spaced out password ')).user.id, 'u-acme')
    const second = cli(['ann@acme.example', '--password-stdin', '--json'], 'another password')
    assert.equal(second.code, 0, second.stderr)
    assert.deepEqual(JSON.parse(second.stdout), {
      user: 'u-acme',
      email: 'ann@acme.example',
      sessions_ended: 1,
    })
    await assert.rejects(signInAs(' spaced out password '), /email or password is wrong/)
    assert.equal((await signInAs('another password')).user.id, 'u-acme')
  })

  test('a short password, an unknown user and no terminal are refused, saying why', () => {
    const short = cli(['ann@acme.example', '--password-stdin'], 'short\n')
    assert.equal(short.code, 2)
    assert.equal(
      short.stderr.trim(),
      'upheld: password: must be at least 10 characters (a few unrelated words make a good one)',
    )
    const unknown = cli(['nobody@acme.example', '--password-stdin'], 'long enough password')
    assert.equal(unknown.code, 3)
    assert.equal(unknown.stderr.trim(), 'upheld: no user with the email nobody@acme.example')
    const noTerminal = cli(['ann@acme.example'])
    assert.equal(noTerminal.code, 2)
    assert.match(noTerminal.stderr, /pipe it in with --password-stdin/)
  })
})
