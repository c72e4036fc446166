import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { readConfig } from './config.ts'
import { startServer } from './main.ts'

describe('the composition root', () => {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-main-'))
  const config = readConfig({ PORT: '0', UPHELD_DATA_DIR: join(dir, 'data') })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('a first start makes the data directory, migrates, and hands out one working admin token and password', async () => {
    const running = await startServer(config)
    try {
      assert.ok(running.firstStart)
      const ready = await fetch(`${running.url}/api/ready`)
      assert.equal(ready.status, 200)
      const me = await fetch(`${running.url}/api/me`, {
        headers: { authorization: `Bearer ${running.firstStart.token}` },
      })
      const body = (await me.json()) as { role: string; organisation: string }
      assert.deepEqual([me.status, body.role, body.organisation], [200, 'admin', 'provider'])
      const { email, password } = running.firstStart
      const session = await fetch(`${running.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      assert.equal(session.status, 200, 'and the first password signs the admin in')
      assert.match(session.headers.get('set-cookie') ?? '', /^upheld_session=/)
    } finally {
      await running.close()
    }
  })

  test('a later start on the same data shows no token', async () => {
    const running = await startServer(config)
    try {
      assert.equal(running.firstStart, null)
      assert.match(running.database, /embedded database/)
    } finally {
      await running.close()
    }
  })
})
