// `upheld agreement …` and `upheld audit verify` against an embedded database in a temporary
// directory: people act as themselves with a token on standard input, and the log is verified,
// then altered behind its triggers and found out.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createToken } from '../actions/manage-people.ts'
import { ADMIN } from '../actions/test-support/fixtures.ts'
import { lifecycleText, seedLifecyclePeople } from '../actions/test-support/lifecycle-fixtures.ts'
import { openDatabase } from '../database.ts'
import type { Db } from '../storage/db.ts'
import { runCli } from './test-support/run-cli.ts'

const ID = 'acme-helpdesk'

describe('upheld agreement and upheld audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-cli-lifecycle-'))
  const file = join(dir, 'helpdesk.yaml')
  const tokens: Record<string, string> = {}
  const cli = (args: string[], as?: string) =>
    runCli(as === undefined ? args : [...args, '--token-stdin'], {
      env: { UPHELD_DATA_DIR: dir },
      input: as && tokens[as],
    })
  const withDb = async (fn: (db: Db) => Promise<void>) => {
    const database = await openDatabase({ dataDir: dir, databaseUrl: undefined })
    try {
      await fn(database.db)
    } finally {
      await database.close()
    }
  }
  let hash = ''

  before(async () => {
    writeFileSync(file, lifecycleText())
    await withDb(async (db) => {
      await seedLifecyclePeople(db)
      const deps = { db, now: Date.now }
      for (const [name, userId] of Object.entries({
        dana: 'u-dana',
        luis: 'u-luis',
        lee: 'u-lee',
        ruth: 'u-ruth',
        ann: 'u-acme',
      }))
        tokens[name] = (await createToken(deps, ADMIN, { userId, name: 'cli' })).token
    })
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('a draft from a file, negotiated section by section by both parties', () => {
    const draft = cli(['agreement', 'draft', file], 'dana')
    assert.equal(draft.code, 0, draft.stderr)
    assert.match(draft.stdout, /acme-helpdesk: revision 1 saved, edition 1 is a draft/)
    hash = /content hash ([0-9a-f]{64})/.exec(draft.stdout)![1]!
    assert.equal(cli(['agreement', 'negotiate', ID]).code, 0)
    const comment = cli(
      ['agreement', 'comment', ID, 'Is 25% the cap we said?', '--section', 'credits'],
      'ann',
    )
    assert.equal(comment.code, 0, comment.stderr)
    assert.match(
      cli(['agreement', 'comments', ID]).stdout,
      /#\d+ Ann on credits, .*: Is 25% the cap we said\?/,
    )
    const customer = cli(['agreement', 'sections', ID, '--agree'], 'ann')
    assert.equal(customer.code, 0, customer.stderr)
    assert.match(customer.stdout, /credits\s+-\s+agreed/)
    assert.match(customer.stdout, /Awaiting: the provider's agreement to metadata/)
    const provider = cli(['agreement', 'sections', ID, '--agree', '--json'])
    assert.ok(JSON.parse(provider.stdout).current.sectionStatus.every((s: { agreed: boolean }) => s.agreed))
  })

  test('submission asks for acknowledgements; the wrong approver and signatory are refused', () => {
    const refused = cli(['agreement', 'submit', ID])
    assert.equal(refused.code, 4, 'a conflict')
    const rules = /Submit again acknowledging (.*)$/m.exec(refused.stderr)![1]!.split(', ')
    assert.equal(cli(['agreement', 'submit', ID, '--acknowledge', ...rules]).code, 0)
    const wrong = cli(['agreement', 'approve', ID, '--hash', hash], 'lee')
    assert.equal(wrong.code, 5, 'forbidden')
    assert.match(wrong.stderr, /only the management approvers the agreement names decide/)
    for (const who of ['luis', 'lee', 'ruth']) {
      const r = cli(['agreement', 'approve', ID, '--hash', hash], who)
      assert.equal(r.code, 0, r.stderr)
    }
    assert.match(cli(['agreement', 'sign', ID, '--hash', hash], 'ann').stderr, /ann@acme\.example is neither/)
    assert.equal(cli(['agreement', 'sign', ID, '--hash', hash], 'dana').code, 0)
    const last = cli(['agreement', 'sign', ID, '--hash', hash, '--json'], 'ruth')
    assert.equal(last.code, 0, last.stderr)
    assert.ok(JSON.parse(last.stdout).recorded.some((r: { type: string }) => r.type === 'version.recorded'))
  })

  test('the history lists every act, and the chain verifies until a row is altered', async () => {
    const history = cli(['agreement', 'history', ID])
    assert.equal(history.code, 0, history.stderr)
    assert.match(
      history.stdout,
      /^#1 \S+ revision\.saved edition 1 by dana\.okafor@example-it\.example [0-9a-f]{12}$/m,
    )
    assert.match(
      history.stdout,
      /approval\.granted edition 1 final_approval -> signing by ruth\.mensah@acme\.example/,
    )
    const ok = cli(['audit', 'verify', ID])
    assert.deepEqual([ok.code, /^OK: \d+ entries, head [0-9a-f]{64}$/.test(ok.stdout.trim())], [0, true])
    await withDb(async (db) => {
      await db.exec('alter table agreement_audit disable trigger agreement_audit_append_only')
      await db.execute(
        `update agreement_audit set actor = jsonb_set(actor, '{user}', '"u-mallory"') where seq = 3`,
      )
      await db.exec('alter table agreement_audit enable trigger agreement_audit_append_only')
    })
    const bad = cli(['audit', 'verify', ID])
    assert.equal(bad.code, 1)
    assert.equal(bad.stdout.trim(), 'entry 3: entry 3 was altered: its content no longer matches its hash')
  })
})
