// `upheld channel` and `upheld notifications` against an embedded database in a temporary
// directory: secrets go in through standard input and are never printed.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { enqueueNotifications } from '../actions/enqueue-notification.ts'
import { seedPeople } from '../actions/test-support/fixtures.ts'
import { openDatabase } from '../database.ts'
import { runCli } from './test-support/run-cli.ts'

const HMAC_KEY = 'whsec_cli-key-very-secret'
const SLACK_URL = 'https://hooks.slack.example/services/T0/B0/cli-slack-very-secret'
const SMTP_PASSWORD = 'cli-smtp-very-secret'

describe('upheld channel and upheld notifications', () => {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-cli-notify-'))
  const env = { UPHELD_DATA_DIR: dir }
  const outputs: string[] = []
  const cli = (args: string[], input?: string) => {
    const r = runCli(args, { env, input })
    outputs.push(r.stdout, r.stderr)
    return r
  }
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('channels are added with their secrets from standard input', () => {
    const hook = cli(
      [
        'channel',
        'add',
        'webhook',
        '--name',
        'ops',
        '--url',
        'https://ops.example/hook',
        '--secret-stdin',
        '--json',
      ],
      HMAC_KEY,
    )
    assert.equal(hook.code, 0, hook.stderr)
    assert.equal(JSON.parse(hook.stdout).secret, 'set')
    assert.equal(cli(['channel', 'add', 'slack', '--name', 'chat', '--url-stdin'], SLACK_URL).code, 0)
    const mail = cli(
      [
        'channel',
        'add',
        'email',
        '--name',
        'mail',
        '--host',
        'smtp.example',
        '--user',
        'u',
        '--password-stdin',
        '--from',
        'sla@example.com',
        '--to',
        'desk@example.com',
      ],
      SMTP_PASSWORD,
    )
    assert.equal(mail.code, 0, mail.stderr)
    const short = cli(
      ['channel', 'add', 'webhook', '--name', 'weak', '--url', 'https://x.example', '--secret-stdin'],
      'short',
    )
    assert.notEqual(short.code, 0)
    assert.match(short.stderr, /secret: must be at least 16 characters/)
  })

  test('channel list shows each channel and whether a secret is set', () => {
    const text = cli(['channel', 'list'])
    assert.equal(text.code, 0, text.stderr)
    assert.match(text.stdout, /webhook\s+ops\s+https:\/\/ops\.example\/hook\s+\(secret set\)/)
    assert.match(text.stdout, /slack\s+chat\s+https:\/\/hooks\.slack\.example\/services\/…/)
    const json = JSON.parse(cli(['channel', 'list', '--json']).stdout)
    assert.deepEqual(
      json.map((c: { name: string; secret?: string }) => [c.name, c.secret]),
      [
        ['ops', 'set'],
        ['chat', 'set'],
        ['mail', 'set'],
      ],
    )
  })

  test('notifications lists the delivery log, filtered by state', async () => {
    const database = await openDatabase({ dataDir: dir, databaseUrl: undefined })
    try {
      await seedPeople(database.db)
      const deps = { db: database.db, now: Date.now, baseUrl: 'https://sla.example' }
      const enqueued = await enqueueNotifications(deps, [
        {
          event: 'clock.breached',
          customerId: 'acme',
          ticketId: 'T-9',
          agreementId: 'acme-helpdesk',
          metric: 'resolution',
          cycle: 1,
          severity: 'P1',
          targetMs: 3_600_000,
          due: null,
          remainingMs: -120_000,
          at: Date.now(),
          contacts: [],
        },
      ])
      assert.equal(enqueued, 3)
    } finally {
      await database.close()
    }
    const pending = cli(['notifications', '--state', 'pending'])
    assert.equal(pending.code, 0, pending.stderr)
    assert.match(pending.stdout, /acme\s+clock\.breached\s+desk@example\.com\s+pending, 0 attempt/)
    assert.match(pending.stdout, /\[P1\] T-9 \(Acme\): resolution target breached, late by 2m/)
    assert.deepEqual(JSON.parse(cli(['notifications', '--state', 'failed', '--json']).stdout), [])
    assert.notEqual(cli(['notifications', '--state', 'lost']).code, 0)
  })

  test('no output ever held a secret', () => {
    for (const text of outputs)
      for (const secret of [HMAC_KEY, 'cli-slack-very-secret', SMTP_PASSWORD])
        assert.ok(!text.includes(secret), text)
  })
})
