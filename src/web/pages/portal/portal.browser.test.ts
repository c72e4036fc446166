// The customer portal as Acme's Ann uses it, in Chromium against the real server: the home page
// (empty, then with her new ticket's clock ticking), reporting a problem (the suggested severity
// follows her answers, the response target shown is the severity's, computed by the domain), the
// agreement with its referral contacts and escalation path, and this month's compliance. The
// server's clock and the browser's are pinned to a Wednesday morning in London, moving on in real
// time. Screenshots of every page, on a laptop and on a phone, go to tmp/screenshots/.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { HELPDESK_SLA } from '../../../actions/test-support/fixtures.ts'
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
} from '../../test-support/e2e.ts'

// Wednesday 25 November 2026, 10:00 in London (GMT): inside the helpdesk's business hours.
const START = Date.parse('2026-11-25T10:00:00Z')
let realStart = Date.now()
const now = () => START + (Date.now() - realStart)

// Two tickets earlier in the month: one met both targets, one answered late (a P2 first
// response is due within 2 business hours), so the month has something to report.
const EARLIER = [
  {
    type: 'created',
    id: 'h-1',
    ticket: 'T-1',
    at: '2026-11-02T09:00:00Z',
    customer: 'acme',
    service: 'portal',
    severity: 'P3',
    subject: 'Export to CSV drops the last row',
  },
  { type: 'message', id: 'h-2', ticket: 'T-1', at: '2026-11-02T09:30:00Z', author: 'agent', public: true },
  { type: 'status', id: 'h-3', ticket: 'T-1', at: '2026-11-03T10:00:00Z', status: 'resolved' },
  {
    type: 'created',
    id: 'h-4',
    ticket: 'T-2',
    at: '2026-11-10T09:00:00Z',
    customer: 'acme',
    service: 'email',
    severity: 'P2',
    subject: 'Mail delayed by an hour',
  },
  { type: 'message', id: 'h-5', ticket: 'T-2', at: '2026-11-10T12:30:00Z', author: 'agent', public: true },
  { type: 'status', id: 'h-6', ticket: 'T-2', at: '2026-11-11T10:00:00Z', status: 'resolved' },
]

describe('the customer portal', { skip: NO_CHROMIUM }, () => {
  let app: TestApp
  let browser: Browser
  let ann: { email: string; password: string }

  before(async () => {
    // The clocks start once the app is built, which takes a while the first time.
    await builtWebApp()
    realStart = Date.now()
    app = await startTestApp({ now })
    browser = await launchBrowser()
    const org = await app.api('POST', '/api/organisations', { id: 'acme', name: 'Acme Corporation' })
    assert.equal(org.status, 201, JSON.stringify(org.body))
    const sla = await app.api('POST', '/api/agreements', HELPDESK_SLA)
    assert.equal(sla.status, 201, JSON.stringify(sla.body))
    assert.equal((await app.api('POST', '/api/events', EARLIER)).status, 202)
    ann = await addUser(app, {
      email: 'ann@acme.example',
      name: 'Ann Lee',
      role: 'customer',
      organisation: 'acme',
    })
  })
  after(async () => {
    await browser?.close()
    await app?.close()
  })

  async function signedIn(
    who: { email: string; password: string },
    options: { phone?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, { ...options, timezoneId: 'Europe/London' })
    await context.clock.install({ time: now() })
    const page = await context.newPage()
    await signIn(page, app.url, who.email, who.password)
    return { context, page }
  }

  test('home, report a problem, the new ticket, our agreement and compliance', async () => {
    const { context, page } = await signedIn(ann)
    try {
      await page.getByRole('heading', { level: 1, name: 'Support for Acme Corporation' }).waitFor()
      await page.getByText('No open tickets').waitFor()
      const call = page.getByRole('region', { name: 'Who to call' })
      await call.getByText('Service desk').waitFor()
      assert.ok(await call.getByRole('link', { name: '+44 20 7946 0000' }).isVisible())
      await call.getByText('Open now').waitFor()
      await page.getByRole('heading', { name: 'November 2026 so far' }).waitFor()
      await page.getByText('1 of 2').waitFor()
      await screenshot(page, 'portal-home-empty')

      await page.getByRole('link', { name: 'Report a problem' }).first().click()
      await page.waitForURL(/\/report-problem$/)
      await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Customer portal' })
      await page.getByLabel('Subject', { exact: true }).fill('Every page of the portal answers 502')
      await page
        .getByLabel('Description')
        .fill('Since 09:40 every page answers 502 Bad Gateway, for all of us.')
      const suggestion = page.locator('#severity-suggestion')
      assert.match(await suggestion.innerText(), /Answer the questions/)
      await page.getByLabel('It cannot be used at all').check()
      await page.getByLabel('Everyone who uses it').check()
      await page.getByLabel('No, the work has stopped').check()
      await suggestion.getByText('Suggested: P1 Critical').waitFor()
      assert.ok(await page.getByRole('radio', { name: 'P1 · Critical' }).isChecked())
      const summary = page.getByRole('complementary', { name: 'When you send it' })
      const response = summary.locator('dd').first()
      await response.getByText('within 30 minutes, around the clock (24×7)').waitFor()
      assert.match(await response.innerText(), /^by Wed, 25 Nov 2026, 10:3\d GMT/)
      // A workaround makes it less urgent: the suggestion and the targets follow.
      await page.getByLabel('Yes, there is a way around it').check()
      await suggestion.getByText('Suggested: P2 High').waitFor()
      await response
        .getByText('within 2 business hours, Mon–Thu 08:00–18:00, Fri 08:00–17:00 Europe/London')
        .waitFor()
      assert.match(await response.innerText(), /^by Wed, 25 Nov 2026, 12:0\d GMT/)
      await page.evaluate(() => window.scrollTo(0, 0))
      await screenshot(page, 'portal-report-problem')

      await page.getByRole('button', { name: 'Send the report' }).click()
      await page.waitForURL(/\/tickets\/TK-[0-9A-F]{8}$/)
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
      // The ticket page confirms it with the response due time, and its clocks run.
      await page.getByText(/first response by Wed, 25 Nov 2026, 12:0\d GMT/).waitFor()
      await page.getByText('Running').first().waitFor()
      await screenshot(page, 'portal-ticket-raised')

      await page.getByRole('link', { name: 'Home', exact: true }).click()
      const ticket = page.getByRole('listitem').filter({ hasText: id })
      await ticket.getByText('Every page of the portal answers 502').waitFor()
      const timer = ticket.getByRole('timer').first()
      const before = await timer.innerText()
      assert.match(before, /^in (1h 5\dm|2h 0m)$/)
      // Two minutes later (on the browser's clock) it shows two minutes less.
      await context.clock.fastForward('02:00')
      await page.waitForFunction(
        (shown) => document.querySelector('[role="timer"]')?.textContent !== shown,
        before,
      )
      assert.match(await timer.innerText(), /^in 1h 5\dm$/)
      await screenshot(page, 'portal-home')

      await page.getByRole('link', { name: 'Our agreement' }).click()
      await page.getByRole('heading', { level: 1, name: 'Our agreement' }).waitFor()
      const referral = page.getByRole('region', { name: 'Who to contact about a problem' })
      for (const name of ['Service desk', 'Mei Tanaka', 'Luis Ferreira'])
        await referral.getByText(name).waitFor()
      const escalation = page.getByRole('region', { name: 'Escalation path' })
      const steps = await escalation.locator('.portal-steps > li').allInnerTexts()
      assert.equal(steps.length, 3)
      assert.match(
        steps[0]!,
        /Mei Tanaka[\s\S]*At 75% of the resolution target[\s\S]*P1 Critical: after 3 hours\s+P2 High: after 12 business hours/,
      )
      assert.match(steps[2]!, /Dana Okafor[\s\S]*P1 Critical: after 8 hours/)
      await screenshot(page, 'portal-agreement')
      await page.getByText('Read the whole document here').click()
      const frame = page.frameLocator('iframe[title="Helpdesk Service Level Agreement, version 1"]')
      await frame.getByRole('heading', { level: 1, name: 'Helpdesk Service Level Agreement' }).waitFor()
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Download the PDF' }).click()
      assert.equal((await download).suggestedFilename(), 'acme-helpdesk-v1.pdf')

      await page.getByRole('link', { name: 'Compliance' }).click()
      await page.getByRole('heading', { level: 2, name: 'November 2026' }).waitFor()
      assert.equal(await page.getByLabel('Period').inputValue(), '2026-11')
      await page.getByText('The period is still running').waitFor()
      const bySeverity = page.getByRole('region', { name: 'By severity' })
      const p2 = bySeverity.getByRole('row').filter({ hasText: 'P2' }).filter({ hasText: 'First response' })
      assert.match(await p2.innerText(), /0\s+1\s+0(\.00)?%\s+Below the 95% goal/)
      await page
        .getByRole('table')
        .filter({ hasText: 'Late by' })
        .getByRole('link', { name: 'T-2' })
        .waitFor()
      await screenshot(page, 'portal-compliance')
      await page.getByLabel('Period').selectOption('2026-10')
      await page.getByRole('heading', { level: 2, name: 'October 2026' }).waitFor()
      await page.getByText(/^Closed\. Frozen/).waitFor()
      assert.match(page.url(), /period=2026-10/)
    } finally {
      await context.close()
    }
  })

  test('on a phone: home, the report form, the agreement and compliance fit 390 pixels', async () => {
    const { context, page } = await signedIn(ann, { phone: true })
    const fits = async (name: string) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= 390, `${name} is ${width}px wide`)
      await screenshot(page, `${name}-phone`)
    }
    try {
      await page.getByRole('link', { name: 'Report a problem' }).first().waitFor()
      await page.getByText('Every page of the portal answers 502').waitFor()
      await fits('portal-home')
      await page.goto(`${app.url}/report-problem?kind=assistance`)
      assert.ok(await page.getByRole('radio', { name: /Ask for assistance/ }).isChecked())
      await page.locator('#severity-suggestion').getByText('Suggested: P4 Low').waitFor()
      await page.getByRole('button', { name: 'Send the question' }).click()
      await page.getByText('Choose the service this is about.').waitFor()
      await page.getByText('Write a short summary').waitFor()
      await fits('portal-report-problem')
      await page.goto(`${app.url}/agreement`)
      await page.getByRole('heading', { name: 'Escalation path' }).waitFor()
      await fits('portal-agreement')
      await page.goto(`${app.url}/compliance`)
      await page.getByRole('heading', { level: 2, name: 'November 2026' }).waitFor()
      await fits('portal-compliance')
    } finally {
      await context.close()
    }
  })

  test('a customer whose organisation has no agreement in force is told what to do', async () => {
    assert.equal(
      (await app.api('POST', '/api/organisations', { id: 'initech', name: 'Initech' })).status,
      201,
    )
    const bill = await addUser(app, {
      email: 'bill@initech.example',
      name: 'Bill Lumbergh',
      role: 'customer',
      organisation: 'initech',
    })
    const { context, page } = await signedIn(bill, { phone: true })
    try {
      await page.getByText('No open tickets').waitFor()
      await page.getByText('Your organisation has no agreement in force yet').waitFor()
      await page.goto(`${app.url}/report-problem`)
      await page.getByText('Your organisation has no agreement in force', { exact: true }).waitFor()
      await screenshot(page, 'portal-report-problem-no-agreement-phone')
    } finally {
      await context.close()
    }
  })
})
