// The session cookie as a browser treats it: the real server (startServer) on a fresh database,
// signed in from a page in headless Chromium over plain HTTP on the loopback address. The cookie
// is Secure there, and the browser must still keep it and send it back, and the CSRF header
// must be enough for a change.
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { chromium } from 'playwright-core'
import { readConfig } from '../config.ts'
import { type Running, startServer } from '../main.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'

const CHROMIUM = '/usr/bin/chromium'
const skip = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) to run this test`

type Answer = { status: number; body: string }

test('Chromium keeps the Secure session cookie of http://127.0.0.1 and of http://localhost, and sends it back', {
  skip,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-session-browser-'))
  let database: TestDb | undefined
  let running: Running | undefined
  const browser = await chromium.launch({ executablePath: CHROMIUM })
  try {
    if (process.env.UPHELD_TEST_DATABASE_URL) database = await createTestDb({ migrated: false })
    const env = {
      PORT: '0',
      UPHELD_ROLES: 'api',
      UPHELD_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: database?.url,
    }
    running = await startServer(readConfig(env))
    const first = running.firstStart
    assert.ok(first && running.url)
    const port = new URL(running.url).port
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const context = await browser.newContext()
      const page = await context.newPage()
      assert.equal((await page.goto(`${origin}/api/health`))?.status(), 200)
      const call = (method: string, path: string, body?: unknown, csrf?: string) =>
        page.evaluate(
          async ({ method, path, body, csrf }): Promise<Answer> => {
            const headers: Record<string, string> = { 'content-type': 'application/json' }
            if (csrf) headers['x-csrf-token'] = csrf
            const r = await fetch(path, {
              method,
              headers,
              body: body === undefined ? undefined : JSON.stringify(body),
            })
            return { status: r.status, body: await r.text() }
          },
          { method, path, body, csrf },
        )
      const signedIn = await call('POST', '/api/session', { email: first.email, password: first.password })
      assert.equal(signedIn.status, 200, signedIn.body)
      const cookies = await context.cookies()
      assert.deepEqual(
        cookies.map((c) => [c.name, c.secure, c.httpOnly, c.sameSite]),
        [['upheld_session', true, true, 'Lax']],
        `${origin} keeps the cookie`,
      )
      assert.equal(await page.evaluate(() => document.cookie), '', 'no script reads it')
      const session = await call('GET', '/api/session')
      assert.equal(session.status, 200, `${origin} sends it back: ${session.body}`)
      const { csrf_token } = JSON.parse(signedIn.body) as { csrf_token: string }
      const org = { id: `org-${port}-${origin.includes('localhost') ? 'l' : 'i'}`, name: 'Initech' }
      const refused = await call('POST', '/api/organisations', org)
      assert.equal(refused.status, 403, refused.body)
      const created = await call('POST', '/api/organisations', org, csrf_token)
      assert.equal(created.status, 201, created.body)
      assert.equal((await call('DELETE', '/api/session', undefined, csrf_token)).status, 204)
      assert.deepEqual(await context.cookies(), [], 'signing out clears the cookie')
      assert.equal((await call('GET', '/api/session')).status, 401)
      await context.close()
    }
  } finally {
    await browser.close()
    await running?.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  }
})
