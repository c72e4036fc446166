// The staff pages in Chromium, on one server with its clock pinned to 27 November 2026 (the
// browser's too): availability (timelines, uptime, the detail of an objective), the October
// report (charts, checklist, downloads of the PDF and a CSV table, a recomputation after a late
// event), and the admin pages (a user, a token shown once, a webhook channel, the log).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { HELPDESK_SLA } from '../../../actions/test-support/fixtures.ts'
import {
  launchBrowser,
  NO_CHROMIUM,
  newContext,
  screenshot,
  signIn,
  startTestApp,
  type TestApp,
} from '../../test-support/e2e.ts'

const NOW = '2026-11-27T10:00:00.000Z'
// The helpdesk agreement, with the portal watched so that an outage is told through the channels.
const SLA = HELPDESK_SLA.replace(
  '  maintenance:',
  '  monitoring:\n    - { id: m-portal, target: portal, kind: uptime, tool: external, notify: [c-support-lead] }\n\n  maintenance:',
)

const minutes = (at: string, n: number) => new Date(Date.parse(at) + n * 60_000).toISOString()

/** A ticket of October: created, answered by an agent, resolved (minutes after creation). */
function ticket(id: string, severity: string, day: string, answer: number, resolve?: number) {
  const at = `2026-10-${day}T10:00:00Z`
  return [
    { id: `${id}-1`, ticket: id, type: 'created', at, customer: 'acme', service: 'portal', severity },
    { id: `${id}-2`, ticket: id, type: 'message', at: minutes(at, answer), author: 'agent', public: true },
    ...(resolve === undefined
      ? []
      : [{ id: `${id}-3`, ticket: id, type: 'status', at: minutes(at, resolve), status: 'resolved' }]),
  ]
}

const status = (id: string, at: string, value: string) => ({
  id,
  service: 'portal',
  component: 'web',
  at,
  status: value,
})

async function seed(app: TestApp): Promise<void> {
  const ok = (r: { status: number; body: unknown }, what: string) =>
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`)
  ok(await app.api('POST', '/api/organisations', { id: 'acme', name: 'Acme Corporation' }), 'organisation')
  ok(await app.api('POST', '/api/agreements', SLA), 'agreement')
  const tickets = [
    ...ticket('T-1', 'P1', '05', 10, 120),
    ...ticket('T-2', 'P1', '06', 45, 300),
    ...ticket('T-3', 'P2', '07', 60, 360),
    ...ticket('T-4', 'P2', '08', 180, 480),
    ...ticket('T-5', 'P3', '12', 120, 2880),
    ...ticket('T-6', 'P4', '14', 60),
  ]
  ok(await app.api('POST', '/api/events', tickets), 'tickets')
  const outages = [
    status('s-0', '2026-09-30T00:00:00Z', 'up'),
    status('s-1', '2026-10-03T10:00:00Z', 'down'),
    status('s-2', '2026-10-03T10:30:00Z', 'up'),
    // Inside Sunday's announced patching (02:00 to 04:00 in London): not counted.
    status('s-3', '2026-10-11T01:15:00Z', 'down'),
    status('s-4', '2026-10-11T01:45:00Z', 'up'),
    status('s-5', '2026-10-20T14:00:00Z', 'degraded'),
    status('s-6', '2026-10-20T15:00:00Z', 'up'),
    status('s-7', '2026-11-10T09:00:00Z', 'down'),
    status('s-8', '2026-11-10T09:20:00Z', 'up'),
  ]
  ok(await app.api('POST', '/api/status-events?customer=acme', outages), 'status events')
}

describe('the staff pages in Chromium', { skip: NO_CHROMIUM }, () => {
  let app: TestApp
  let browser: Browser
  let page: Page
  before(async () => {
    app = await startTestApp({ now: () => Date.parse(NOW) })
    browser = await launchBrowser()
    await seed(app)
    const context = await newContext(browser)
    await context.clock.setFixedTime(NOW)
    page = await context.newPage()
    await signIn(page, app.url, app.admin.email, app.admin.password)
  })
  after(async () => {
    await browser?.close()
    await app?.close()
  })

  test('availability: each objective’s timeline, uptime and budget; an objective in detail', async () => {
    await page.goto(`${app.url}/availability`)
    const card = page.locator('section.objective', { hasText: 'Customer portal' })
    await card.getByRole('img', { name: /Customer portal, November 2026: timeline/ }).waitFor()
    assert.match(await card.innerText(), /Uptime/)
    await card.getByText('Not yet', { exact: true }).waitFor()
    await screenshot(page, 'availability-running-month')
    await page.getByLabel('Period').selectOption('2026-10')
    const october = await app.api('GET', '/api/availability?customer=acme&period=2026-10')
    const uptime = october.body.objectives[0].uptime
    await card.getByText(`${uptime}%`).waitFor()
    const timeline = card.getByRole('img', { name: /Customer portal, October 2026: timeline/ })
    assert.match(
      (await timeline.getAttribute('aria-label')) ?? '',
      /Reported down 1h 0m, degraded 1h 0m, otherwise up\. Counted down 30m 0s in 1 incident\./,
    )
    assert.equal(await card.locator('.seg-maintenance').count(), 4, 'four Sunday windows hatched')
    const legend = await card.getByRole('list', { name: 'Legend' }).innerText()
    assert.deepEqual(
      legend
        .split('\n')
        .map((l) => l.replace('▼', '').trim())
        .filter(Boolean),
      ['Up', 'Degraded', 'Down', 'Maintenance', 'Incident'],
    )
    await screenshot(page, 'availability')
    await card.getByRole('link', { name: 'Customer portal', exact: true }).click()
    await page.waitForURL(/\/availability\/acme\/portal-uptime\?period=2026-10/)
    await page.getByRole('heading', { name: 'Incidents' }).waitFor()
    const incidents = page.locator('section.card', { has: page.getByRole('heading', { name: 'Incidents' }) })
    assert.equal(await incidents.locator('tbody tr').count(), 1)
    await page.getByText('sunday-patching').first().waitFor()
    await screenshot(page, 'availability-objective')
    await page.goto(`${app.url}/availability?customer=acme&period=2026-08`)
    await page.getByText('Nothing has reported on portal in this period').waitFor()
    await screenshot(page, 'availability-no-data')
    const phone = await newContext(browser, { phone: true })
    await phone.clock.setFixedTime(NOW)
    const small = await phone.newPage()
    await signIn(small, app.url, app.admin.email, app.admin.password)
    await small.goto(`${app.url}/availability?customer=acme&period=2026-10`)
    await small.getByRole('img', { name: /October 2026: timeline/ }).waitFor()
    assert.ok((await small.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no sideways scroll')
    await screenshot(small, 'availability-phone')
    await small.goto(`${app.url}/reports/acme-helpdesk/2026-10`)
    await small.getByRole('heading', { name: 'KPI checklist' }).waitFor()
    await screenshot(small, 'reports-phone')
    await small.goto(`${app.url}/admin/users`)
    await small.getByRole('cell', { name: /admin@upheld.invalid/ }).waitFor()
    assert.ok(
      (await small.evaluate(() => document.documentElement.scrollWidth)) <= 390,
      'the table scrolls, not the page',
    )
    await screenshot(small, 'admin-users-phone')
    await phone.close()
  })

  test('reports: last month by default, charts and checklist, the PDF and a CSV download, a recomputation', async () => {
    await page.goto(`${app.url}/reports`)
    await page.waitForURL(/\/reports\/acme-helpdesk\/2026-10$/)
    await page.getByRole('heading', { name: 'Report: October 2026' }).waitFor()
    await page.getByText('Frozen', { exact: true }).waitFor()
    await page.getByRole('heading', { name: 'Compliance against the goals' }).waitFor()
    assert.ok((await page.locator('.recharts-surface').count()) >= 3, 'three charts drawn')
    const checklist = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'KPI checklist' }),
    })
    assert.ok((await checklist.locator('tbody tr').count()) > 0)
    await checklist.getByText('Missed', { exact: true }).first().waitFor()
    await screenshot(page, 'reports')

    const pdf = await downloaded(page, 'Download PDF')
    assert.equal(pdf.name, 'acme-helpdesk-2026-10.pdf')
    assert.equal(pdf.text.slice(0, 5), '%PDF-')
    const csv = await downloaded(page, 'Download CSV')
    assert.equal(csv.name, 'acme-helpdesk-2026-10-targets.csv')
    assert.match(csv.text.split('\r\n')[0]!, /^severity,metric,version,target/)
    const late = ticket('T-9', 'P1', '28', 90)
    assert.equal((await app.api('POST', '/api/events', late)).status, 202)
    await page.reload()
    await page.getByText(/event(s)? about this period arrived after it was frozen/).waitFor()
    await page.getByLabel('Why it is made again').fill('late events from the helpdesk import')
    await page.getByRole('button', { name: 'Recompute the report' }).click()
    await page.getByText('Revision 2 stored.').waitFor()
    await page.getByText(/revision 2, frozen/).waitFor()
    await screenshot(page, 'reports-recomputed')
  })

  test('admin: a user added, a token shown once, a webhook channel, the notification log', async () => {
    await page.goto(`${app.url}/admin`)
    await page.waitForURL(/\/admin\/users$/)
    await page.getByRole('button', { name: 'Add a user' }).click()
    await page.getByLabel('Name', { exact: true }).fill('Mei Tanaka')
    await page.getByLabel('Email').fill('mei@example-it.example')
    await page.getByLabel('Role').selectOption('agent')
    await page.getByLabel('Initial password', { exact: true }).fill('short')
    await page.getByRole('button', { name: 'Add user' }).click()
    await page.locator('.field-error', { hasText: /at least 10 characters/ }).waitFor()
    await page.getByLabel('Initial password', { exact: true }).fill('a long enough password')
    await page.getByRole('button', { name: 'Add user' }).click()
    await page.getByText('Mei Tanaka (mei@example-it.example) was added').waitFor()
    const mei = page.getByRole('row', { name: /Mei Tanaka/ })
    await mei.getByRole('button', { name: 'Set a password for Mei Tanaka' }).click()
    await mei.getByLabel('New password for Mei Tanaka').fill('another long password')
    await mei.getByRole('button', { name: 'Set password' }).click()
    await mei.getByText('Password set').waitFor()
    await screenshot(page, 'admin-users')
    await mei.getByText('Disable', { exact: true }).click()
    await mei.getByRole('button', { name: 'Yes, disable' }).click()
    await mei.getByText('Disabled', { exact: true }).waitFor()

    await page.getByRole('link', { name: 'API tokens', exact: true }).click()
    await page.getByLabel('What it is for').fill('helpdesk webhook')
    await page.getByRole('button', { name: 'Create token' }).click()
    const secret = (await page.locator('.secret-value').innerText()).trim()
    assert.ok(secret.length > 30)
    const used = await app.api('GET', '/api/me', undefined, secret)
    assert.equal(used.status, 200, 'the secret shown works')
    await page.getByRole('cell', { name: 'helpdesk webhook' }).waitFor()
    await screenshot(page, 'admin-tokens')
    await page.reload()
    await page.getByRole('cell', { name: 'helpdesk webhook' }).waitFor()
    assert.equal(await page.locator('.secret-value').count(), 0, 'the secret is shown once')

    await page.getByRole('link', { name: 'Notification channels', exact: true }).click()
    await page.getByRole('button', { name: 'Add a channel' }).click()
    await page.getByLabel('Name').fill('ops webhook')
    await page.getByLabel('URL').fill('http://127.0.0.1:9/upheld')
    await page.getByRole('button', { name: 'Generate' }).click()
    await page.getByRole('button', { name: 'Add channel' }).click()
    await page.getByRole('heading', { name: 'ops webhook' }).waitFor()
    const listed = await app.api('GET', '/api/notification-channels')
    assert.deepEqual(
      listed.body.items.map((c: { name: string; secret: string }) => [c.name, c.secret]),
      [['ops webhook', 'set']],
    )
    await screenshot(page, 'admin-channels')

    const down = status('s-9', '2026-11-27T09:30:00Z', 'down')
    assert.equal((await app.api('POST', '/api/status-events?customer=acme', [down])).status, 202)
    await page.getByRole('link', { name: 'Notification log', exact: true }).click()
    const row = page.getByRole('row', { name: /Service down/ })
    await row.waitFor()
    assert.match(await row.innerText(), /ops webhook[\s\S]*Pending/)
    await screenshot(page, 'admin-notifications')
    for (const [tab, name] of [
      ['Organisations', 'admin-organisations'],
      ['Roles', 'admin-roles'],
    ] as const) {
      await page.getByRole('link', { name: tab, exact: true }).click()
      await page.getByRole('heading', { name: tab, level: 1 }).waitFor()
      await screenshot(page, name)
    }
  })
})

/** Clicks a download button and reads what the browser saved. */
async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])
  const path = await file.path()
  return { name: file.suggestedFilename(), text: readFileSync(path, 'latin1') }
}
