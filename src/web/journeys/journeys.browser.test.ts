// The journeys across the app, each as people would walk it in Chromium against the real
// server: signing in (a wrong password, the limit on attempts, the way back to the page first
// asked for, signing out); a customer reporting a problem that an agent sees counting down on
// the board, answers, and sees met, as does the customer; and a customer who types another
// customer's ticket address. Both clocks (server and browser) are pinned to a Thursday morning
// in London and move on in real time.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { HELPDESK_SLA } from '../../actions/test-support/fixtures.ts'
import {
  addUser,
  builtWebApp,
  launchBrowser,
  NO_CHROMIUM,
  newContext,
  screenshot,
  signIn,
  startTestApp,
  type TestApp,
} from '../test-support/e2e.ts'

// Thursday 26 November 2026, 09:30 in London (GMT): inside the helpdesk's business hours.
const START = Date.parse('2026-11-26T09:30:00Z')
let realStart = Date.now()
const now = () => START + (Date.now() - realStart)

type Person = { email: string; password: string }

describe('journeys through the web app', { skip: NO_CHROMIUM }, () => {
  let app: TestApp
  let browser: Browser
  let ann: Person
  let gil: Person
  let mei: Person
  let eve: Person

  before(async () => {
    await builtWebApp()
    realStart = Date.now()
    app = await startTestApp({ now })
    browser = await launchBrowser()
    for (const org of [
      { id: 'acme', name: 'Acme Corporation' },
      { id: 'globex', name: 'Globex' },
    ]) {
      assert.equal((await app.api('POST', '/api/organisations', org)).status, 201)
    }
    const sla = await app.api('POST', '/api/agreements', HELPDESK_SLA)
    assert.equal(sla.status, 201, JSON.stringify(sla.body))
    ann = await addUser(app, {
      email: 'ann@acme.example',
      name: 'Ann Lee',
      role: 'customer',
      organisation: 'acme',
    })
    gil = await addUser(app, {
      email: 'gil@globex.example',
      name: 'Gil Bates',
      role: 'customer',
      organisation: 'globex',
    })
    eve = await addUser(app, {
      email: 'eve@acme.example',
      name: 'Eve Park',
      role: 'customer',
      organisation: 'acme',
    })
    mei = await addUser(app, {
      email: 'mei@provider.example',
      name: 'Mei Tanaka',
      role: 'agent',
      organisation: 'provider',
    })
  })
  after(async () => {
    await browser?.close()
    await app?.close()
  })

  async function open(options: { phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, { ...options, timezoneId: 'Europe/London' })
    await context.clock.install({ time: now() })
    return { context, page: await context.newPage() }
  }

  test('signing in: a wrong password, the limit on attempts, the page first asked for, signing out', async () => {
    const { context, page } = await open()
    try {
      // A page asked for while signed out leads to sign-in, then back to it.
      await page.goto(`${app.url}/agreements`)
      await page.waitForURL(/\/sign-in\?next=%2Fagreements$/)
      await page.getByRole('heading', { level: 1, name: 'Sign in to Upheld' }).waitFor()
      await screenshot(page, 'sign-in')
      await page.getByLabel('Email').fill(app.admin.email)
      await page.getByLabel('Password').fill('not the password')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.getByRole('alert').getByText('The email or password is wrong.').waitFor()
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'email')
      await screenshot(page, 'sign-in-refused')
      await page.getByLabel('Password').fill(app.admin.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL(/\/agreements$/)
      await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor()
      // The session cookie is out of the page's reach.
      assert.equal(await page.evaluate(() => document.cookie.includes('upheld_session')), false)
      const cookie = (await context.cookies()).find((c) => c.name === 'upheld_session')
      assert.equal(cookie?.httpOnly, true)
      assert.equal(cookie?.sameSite, 'Lax')

      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL(/\/sign-in/)
      await page.goto(`${app.url}/`)
      await page.waitForURL(/\/sign-in/)

      // Five wrong passwords for one account, and the sixth attempt is refused with when to retry.
      for (let attempt = 0; attempt < 5; attempt++) {
        await page.getByLabel('Email').fill(eve.email)
        await page.getByLabel('Password').fill(`wrong ${attempt}`)
        await page.getByRole('button', { name: 'Sign in' }).click()
        await page.getByRole('alert').getByText('The email or password is wrong.').waitFor()
      }
      await page.getByLabel('Password').fill(gil.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page
        .getByRole('alert')
        .getByText(/Too many failed attempts.*try again in 15 minutes \(after \d\d:\d\d UTC\)/)
        .waitFor()
      await screenshot(page, 'sign-in-rate-limited')
      assert.match(new URL(page.url()).pathname, /^\/sign-in/)
    } finally {
      await context.close()
    }
  })

  test('a customer reports a problem; the agent sees it counting down, replies, and both see it met', async () => {
    const customer = await open()
    const agent = await open()
    try {
      await signIn(customer.page, app.url, ann.email, ann.password)
      const report = customer.page
      await report.getByRole('link', { name: 'Report a problem' }).first().click()
      await report.waitForURL(/\/report-problem$/)
      await report.getByLabel('Service', { exact: true }).selectOption({ label: 'Customer portal' })
      await report.getByLabel('Subject', { exact: true }).fill('Invoices will not download')
      await report.getByLabel('Description').fill('Every invoice link answers 500 since this morning.')
      // Unusable for everyone with no way around it: a P1, first response within 30 minutes.
      await report.getByLabel('It cannot be used at all').check()
      await report.getByLabel('Everyone who uses it').check()
      await report.getByLabel('No, the work has stopped').check()
      await report.getByRole('button', { name: 'Send the report' }).click()
      await report.waitForURL(/\/tickets\/[^/]+$/)
      const ticketId = decodeURIComponent(new URL(report.url()).pathname.split('/').pop()!)
      const customerResponse = report.getByRole('article', { name: 'First response' })
      await customerResponse.getByText('Running').waitFor()
      await screenshot(report, 'journey-customer-ticket-raised')

      // The agent's board: the new ticket, its first-response clock counting down in business time.
      await signIn(agent.page, app.url, mei.email, mei.password)
      const board = agent.page.getByRole('table', { name: /Tickets at risk/ })
      const row = board
        .getByRole('row')
        .filter({ has: agent.page.getByRole('link', { name: ticketId, exact: true }) })
      await row.waitFor()
      const timer = row.getByRole('timer')
      const before = await timer.innerText()
      assert.ok(seconds(before) > 25 * 60 && seconds(before) <= 30 * 60, `${before} is under 30 minutes`)
      await agent.page.waitForTimeout(2_500)
      const later = await timer.innerText()
      assert.ok(seconds(later) < seconds(before), `the countdown moves: ${later} after ${before}`)
      await screenshot(agent.page, 'journey-agent-board')

      // The agent answers; the first-response clock stops, met.
      await row.getByRole('link', { name: ticketId, exact: true }).click()
      await agent.page
        .getByRole('heading', { level: 1, name: new RegExp(`^${ticketId}: Invoices will not download`) })
        .waitFor()
      const response = agent.page.getByRole('article', { name: 'First response' })
      await response.getByText('Running').waitFor()
      await agent.page
        .getByLabel('Reply to the customer')
        .fill('Found it: a certificate expired. Fixed within the hour.')
      await agent.page.getByRole('button', { name: 'Send reply' }).click()
      await agent.page.getByText('Reply sent.').waitFor()
      await response.getByText('Met', { exact: true }).waitFor()
      await screenshot(agent.page, 'journey-agent-replied')

      // The customer sees the answer and the met clock.
      await report.reload()
      await customerResponse.getByText('Met', { exact: true }).waitFor()
      await report.getByText('Found it: a certificate expired. Fixed within the hour.').waitFor()
      await screenshot(report, 'journey-customer-sees-met')
    } finally {
      await customer.context.close()
      await agent.context.close()
    }
  })

  test("a customer who types another customer's ticket address finds nothing there", async () => {
    const acme = await app.api('POST', '/api/tickets', {
      customer: 'acme',
      severity: 'P3',
      subject: 'Acme only',
    })
    assert.equal(acme.status, 201, JSON.stringify(acme.body))
    const { context, page } = await open()
    try {
      await signIn(page, app.url, gil.email, gil.password)
      await page.goto(`${app.url}/tickets/${encodeURIComponent(acme.body.id)}`)
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
      assert.equal(await page.getByText('Acme only').count(), 0)
      await page.goto(`${app.url}/tickets/${encodeURIComponent(acme.body.id)}?customer=acme`)
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
      await page.goto(`${app.url}/tickets`)
      await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor()
      assert.equal(await page.getByText('Acme only').count(), 0)
      await screenshot(page, 'journey-other-customer-not-found')
    } finally {
      await context.close()
    }
  })
})

/** "1h 29m 12s" → seconds. */
function seconds(text: string): number {
  let total = 0
  for (const [, n, unit] of text.matchAll(/(\d+)\s*([dhms])/g)) {
    total += Number(n) * { d: 86_400, h: 3_600, m: 60, s: 1 }[unit as 'd' | 'h' | 'm' | 's']
  }
  return total
}
