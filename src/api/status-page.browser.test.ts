// The status page as a person sees it: the real server (startServer) on a fresh database, the
// page opened in headless Chromium with JavaScript off, the bars' colours and labels read from
// the DOM, and a screenshot kept (also at tmp/status-page.png, for a person to look at).
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { readConfig } from '../config.ts'
import { type Running, startServer } from '../main.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { PUBLIC_SLA, publicSla, seedStatusHistory } from './test-support/status-page-fixtures.ts'
import { NOW } from './test-support/test-api.ts'

const CHROMIUM = '/usr/bin/chromium'
const SHOWN = fileURLToPath(new URL('../../tmp/status-page.png', import.meta.url))
const skip = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) to run this test`

const [GREEN, GREY, RED] = ['rgb(26, 127, 55)', 'rgb(140, 149, 159)', 'rgb(207, 34, 46)']

type Bar = { date: string; state: string; title: string; colour: string; pattern: string; label: string }

test('the status page in headless Chromium: grey days without data, labels beside every colour', {
  skip,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-status-page-'))
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
    running = await startServer(readConfig(env), () => Date.parse(NOW))
    await seed(running)
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1000, height: 900 },
    })
    const page = await context.newPage()
    const response = await page.goto(`${running.url}/status/acme`)
    assert.equal(response?.status(), 200)
    checkBars(await readBars(page))
    assert.equal((await page.textContent('#service-portal .badge'))?.trim(), 'Operational')
    const legend = await page.$$eval('.legend li', (items) => items.map((li) => li.textContent))
    assert.deepEqual(legend, [
      'No downtime',
      'No downtime, partial data',
      'Degraded',
      'Downtime',
      'Maintenance',
      'No data',
    ])
    assert.equal(await page.$$eval('script', (s) => s.length), 0)
    const shot = join(dir, 'status-page.png')
    await page.screenshot({ path: shot, fullPage: true })
    assert.ok(statSync(shot).size > 10_000)
    mkdirSync(join(SHOWN, '..'), { recursive: true })
    await page.screenshot({ path: SHOWN, fullPage: true })
  } finally {
    await browser.close()
    await running?.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  }
})

async function readBars(page: Page): Promise<Bar[]> {
  return page.$$eval('#service-portal li.day', (items) =>
    items.map((li) => {
      const style = getComputedStyle(li)
      const el = li as HTMLElement
      return {
        date: el.dataset.date ?? '',
        state: el.dataset.state ?? '',
        title: el.title,
        colour: style.backgroundColor,
        pattern: style.backgroundImage,
        label: el.textContent ?? '',
      }
    }),
  )
}

// Acme's portal is watched from noon on 31 October and down on 10 November.
function checkBars(bars: Bar[]): void {
  assert.equal(bars.length, 90)
  const noData = bars.filter((b) => b.date < '2026-10-31')
  assert.ok(noData.length > 60)
  for (const b of noData) {
    assert.equal(b.state, 'no-data', b.date)
    assert.notEqual(b.colour, GREEN, `${b.date} is drawn green`)
    assert.equal(b.colour, GREY, `${b.date} is grey`)
  }
  const byDate = new Map(bars.map((b) => [b.date, b]))
  assert.equal(byDate.get('2026-11-11')!.colour, GREEN)
  assert.equal(byDate.get('2026-11-10')!.colour, RED)
  assert.match(byDate.get('2026-10-31')!.pattern, /repeating-linear-gradient/)
  // Every bar carries its words, for those who cannot tell the colours apart.
  for (const b of bars) assert.ok(b.label === b.title && b.title.startsWith(`${b.date}: `), b.date)
}

// Through the API, as an administrator would: the customers, their agreements, their events.
async function seed(running: Running): Promise<void> {
  const token = running.firstStart?.token
  assert.ok(token, 'a fresh database hands out the first admin token')
  const call = async (path: string, init: { json?: unknown; yaml?: string }) => {
    const r = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': init.yaml === undefined ? 'application/json' : 'application/yaml',
      },
      body: init.yaml ?? JSON.stringify(init.json),
    })
    await r.text()
    return { status: r.status }
  }
  for (const [id, name] of [
    ['acme', 'Acme'],
    ['globex', 'Globex'],
  ])
    assert.equal((await call('/api/organisations', { json: { id, name } })).status, 201)
  for (const sla of [PUBLIC_SLA, publicSla('globex')])
    assert.equal((await call('/api/agreements', { yaml: sla })).status, 201)
  await seedStatusHistory((path, json) => call(path, { json }))
}
