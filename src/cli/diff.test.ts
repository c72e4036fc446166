// `upheld diff` as a person runs it: two files, or two stored versions of an agreement in an
// embedded database in a temporary directory.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { ADMIN, HELPDESK_SLA, seedPeople } from '../actions/test-support/fixtures.ts'
import { uploadAgreement } from '../actions/upload-agreement.ts'
import { openDatabase } from '../database.ts'
import { runCli } from './test-support/run-cli.ts'

const VERSION_2 = HELPDESK_SLA.replace('every: P6M', 'every: P3M').replace(
  'name: Hosted email',
  'name: Hosted email and calendars',
)

describe('upheld diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-cli-diff-'))
  const [a, b] = [join(dir, 'a.yaml'), join(dir, 'b.yaml')]
  writeFileSync(a, HELPDESK_SLA)
  writeFileSync(b, VERSION_2)
  const env = { UPHELD_DATA_DIR: join(dir, 'data') }
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('two files: one line per change, prose word by word', () => {
    const r = runCli(['diff', a, b])
    assert.equal(r.code, 0, r.stderr)
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      `${a} → ${b}`,
      '~ spec.term.review.every: "P6M" → "P3M"',
      '~ spec.services[id=email].name: Hosted email {+and calendars+}',
      '2 changes: 2 changed',
    ])
  })

  test('--json gives the changes as data', () => {
    const r = runCli(['diff', a, b, '--json'])
    const { changes } = JSON.parse(r.stdout)
    assert.deepEqual(changes[0], {
      path: 'spec.term.review.every',
      kind: 'changed',
      before: 'P6M',
      after: 'P3M',
    })
  })

  test('stored versions: --from and --to, and a version that does not exist', async () => {
    const database = await openDatabase({ dataDir: env.UPHELD_DATA_DIR, databaseUrl: undefined })
    try {
      await seedPeople(database.db)
      const deps = { db: database.db, now: Date.now }
      for (const text of [HELPDESK_SLA, VERSION_2]) await uploadAgreement(deps, ADMIN, { text })
    } finally {
      await database.close()
    }
    const r = runCli(['diff', 'acme-helpdesk', '--from', '1', '--to', '2'], { env })
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^acme-helpdesk: version 1 → 2\n/)
    assert.match(r.stdout, /~ spec\.term\.review\.every: "P6M" → "P3M"/)
    const missing = runCli(['diff', 'acme-helpdesk', '--to', '7'], { env })
    assert.equal(missing.code, 3)
    assert.match(missing.stderr, /to: no version 7 \(its versions are 1, 2\)/)
  })

  test('a bad version number or a mix of files and versions is a usage error', () => {
    assert.equal(runCli(['diff', 'acme-helpdesk', '--from', 'one'], { env }).code, 2)
    assert.equal(runCli(['diff', a, b, '--from', '1']).code, 2)
  })
})
