// The ticket pages as an agent and a customer use them, in Chromium against the real server:
// the at-risk board with two thousand open tickets (ordered by time left, counting down live, a
// paused ticket shown as paused, filtered through the address, the breached tab, scrolled a
// page further), a ticket's clocks on their timeline and a reply that meets its first-response
// clock, the ticket list, and another customer's ticket answering "not found". The server's
// clock and the browser's are pinned to a Tuesday morning in London, moving on in real time.
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

// Tuesday 24 November 2026, 10:00 in London (GMT): inside the helpdesk's business hours.
const START = Date.parse('2026-11-24T10:00:00Z')
let realStart = Date.now()
const now = () => START + (Date.now() - realStart)
const ago = (minutes: number) => new Date(START - minutes * 60_000).toISOString()
const MANY = 2_000

const created = (ticket: string, at: string, severity: string, subject: string, extra: object = {}) => ({
  type: 'created',
  id: `${ticket}-c`,
  ticket,
  at,
  customer: 'acme',
  severity,
  subject,
  requester: 'ann@acme.example',
  channel: 'email',
  service: 'portal',
  ...extra,
})

// The board's story: a P1 due in 20 minutes (24×7), a P2 due in an hour (business hours), a P3
// waiting on the customer, a P2 that breached yesterday; then many P4s due later today.
const STORY = [
  created('T-1', ago(10), 'P1', 'Portal answers 502 for everyone'),
  created('T-2', ago(60), 'P2', 'Invoices page is slow', { agent: 'Mei Tanaka' }),
  created('T-3', ago(24 * 60), 'P3', 'Export misses a column'),
  { type: 'message', id: 'T-3-r', ticket: 'T-3', at: ago(23 * 60), author: 'agent', public: true },
  { type: 'status', id: 'T-3-w', ticket: 'T-3', at: ago(22 * 60), status: 'waiting_on_customer' },
  created('T-4', ago(26 * 60), 'P2', 'Password reset mail never arrives', { service: 'email' }),
]
const many = Array.from({ length: MANY }, (_, n) =>
  created(`M-${n + 1}`, ago(60 - (n % 50)), 'P4', `Question ${n + 1} about reports`, {
    service: n % 2 ? 'email' : 'portal',
  }),
)

describe('the at-risk board and the ticket pages', { skip: NO_CHROMIUM }, () => {
  let app: TestApp
  let browser: Browser
  let agent: { email: string; password: string }
  let gil: { email: string; password: string }

  before(async () => {
    await builtWebApp()
    realStart = Date.now()
    app = await startTestApp({ now })
    browser = await launchBrowser()
    for (const [id, name] of [
      ['acme', 'Acme Corporation'],
      ['globex', 'Globex'],
    ])
      assert.equal((await app.api('POST', '/api/organisations', { id, name })).status, 201)
    const sla = await app.api('POST', '/api/agreements', HELPDESK_SLA)
    assert.equal(sla.status, 201, JSON.stringify(sla.body))
    for (const batch of [STORY, many.slice(0, 1000), many.slice(1000)]) {
      const r = await app.api('POST', '/api/events', batch)
      assert.equal(r.status, 202, JSON.stringify(r.body))
    }
    agent = await addUser(app, {
      email: 'mei@provider.example',
      name: 'Mei Tanaka',
      role: 'agent',
      organisation: 'provider',
    })
    gil = await addUser(app, {
      email: 'gil@globex.example',
      name: 'Gil',
      role: 'customer',
      organisation: 'globex',
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
    // Opened afresh with the session cookie, whatever page signing in led to.
    await page.goto(app.url)
    return { context, page }
  }

  const rowOf = (page: Page, ticket: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name: ticket, exact: true }) })

  test('the board: ordered by time left, counting down, filtered, breached, paged', async () => {
    const { context, page } = await signedIn(agent)
    try {
      const started = Date.now()
      await page.getByRole('heading', { level: 1, name: 'At risk' }).waitFor()
      const board = page.getByRole('table', { name: /Tickets at risk/ })
      const first = board.getByRole('row').nth(1)
      await first.getByRole('link', { name: 'T-1', exact: true }).waitFor()
      const shownIn = Date.now() - started
      assert.ok(shownIn < 10_000, `the first rows took ${shownIn} ms`)
      const second = board.getByRole('row').nth(2)
      assert.ok(await second.getByRole('link', { name: 'T-2', exact: true }).isVisible())
      await page.getByRole('link', { name: `At risk (${(MANY + 3).toLocaleString('en-GB')})` }).waitFor()
      await page.getByRole('link', { name: 'Breached (1)' }).waitFor()

      // T-1: a P1 raised 10 minutes ago, due in 30 on a 24×7 calendar: about 20 minutes left.
      const timer = first.getByRole('timer')
      const before = seconds(await timer.innerText())
      assert.ok(before > 17 * 60 && before <= 20 * 60, `T-1 shows ${before} s left`)
      await page.waitForTimeout(2_500)
      const later = seconds(await timer.innerText())
      assert.ok(later <= before - 2 && later >= before - 6, `${before} s, then ${later} s`)
      // T-2 counts business hours: an hour left of its two.
      assert.match(await second.innerText(), /5\dm \d+s\s*left/)
      await screenshot(page, 'tickets-board')

      // Only the rows in view are drawn; scrolling to the end loads the next page.
      const drawn = await board.getByRole('row').count()
      assert.ok(drawn < 80, `${drawn} rows drawn of ${MANY + 3}`)
      await page.getByText(`Showing 50 of ${(MANY + 3).toLocaleString('en-GB')} tickets`).waitFor()
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
      await page.getByText(`Showing 100 of`).waitFor()
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
      await board.locator('tr[aria-rowindex="100"]').waitFor()
      await page.evaluate(() => window.scrollTo(0, 0))

      // Filtering by severity goes into the address; the P3 waiting on the customer is paused.
      await page.getByLabel('Severity').selectOption('P3')
      await page.waitForURL((url) => url.searchParams.get('severity') === 'P3')
      const paused = rowOf(page, 'T-3')
      await paused.getByText('Paused').waitFor()
      assert.match(await paused.innerText(), /38h\s*left/)
      assert.equal(await board.getByRole('row').count(), 2)
      await screenshot(page, 'tickets-board-filtered')

      await page.getByRole('button', { name: 'Clear filters' }).click()
      await page.getByRole('link', { name: /^Breached/ }).click()
      await page.waitForURL((url) => url.searchParams.get('state') === 'breached')
      const breached = rowOf(page, 'T-4')
      await breached.getByText('Breached').waitFor()
      assert.match(await breached.innerText(), /1d 0h\s*ago\s*Breached 10h over/)
      await screenshot(page, 'tickets-board-breached')
    } finally {
      await context.close()
    }
  })

  test('a ticket: clocks on a timeline, a reply meets the first response', async () => {
    const { context, page } = await signedIn(agent)
    try {
      await rowOfBoard(page, 'T-1').getByRole('link', { name: 'T-1', exact: true }).click()
      await page.waitForURL(/\/tickets\/T-1\?customer=acme$/)
      await page.getByRole('heading', { level: 1, name: 'T-1: Portal answers 502 for everyone' }).waitFor()
      const response = page.getByRole('article', { name: 'First response' })
      await response.getByText('Running').waitFor()
      assert.match(await response.innerText(), /of 30m left/)
      const escalation = page.getByRole('complementary').getByRole('region', { name: 'Escalation' })
      await escalation.getByText('Level 1').waitFor()
      assert.match(await escalation.innerText(), /Mei Tanaka/)
      await screenshot(page, 'tickets-ticket')

      await page.getByLabel('Reply to the customer').fill('We are on it: the load balancer lost a node.')
      await page.getByRole('button', { name: 'Send reply' }).click()
      await page.getByText('Reply sent.').waitFor()
      await response.getByText('Met', { exact: true }).waitFor()
      assert.match(await response.innerText(), /in time|after/)
      await page.getByText('We are on it: the load balancer lost a node.').waitFor()

      await page.getByLabel('Status').selectOption('resolved')
      await page.getByRole('button', { name: 'Change status' }).click()
      await page.getByText('Status set to Resolved.').waitFor()
      await page.getByRole('article', { name: 'Resolution' }).getByText('Met', { exact: true }).waitFor()
      await screenshot(page, 'tickets-ticket-replied')

      await page.getByRole('link', { name: 'Tickets', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor()
      await page.getByLabel('Status').selectOption('closed')
      await page.waitForURL((url) => url.searchParams.get('status') === 'closed')
      await page.getByRole('link', { name: 'T-1', exact: true }).waitFor()
      await screenshot(page, 'tickets-list')
    } finally {
      await context.close()
    }
  })

  test('on a phone, and as another customer', async () => {
    const phone = await signedIn(agent, { phone: true })
    try {
      await phone.page.getByRole('heading', { level: 1, name: 'At risk' }).waitFor()
      await rowOfBoard(phone.page, 'T-2').waitFor()
      await screenshot(phone.page, 'tickets-board-phone')
      await phone.page.goto(`${app.url}/tickets/T-2?customer=acme`)
      await phone.page.getByRole('article', { name: 'Resolution' }).waitFor()
      await screenshot(phone.page, 'tickets-ticket-phone')
    } finally {
      await phone.context.close()
    }
    const other = await signedIn(gil)
    try {
      await other.page.goto(`${app.url}/tickets/T-1`)
      await other.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
      await other.page.goto(`${app.url}/tickets`)
      await other.page.getByText('You have no tickets yet').waitFor()
      await screenshot(other.page, 'tickets-list-customer-empty')
    } finally {
      await other.context.close()
    }
  })
})

function rowOfBoard(page: Page, ticket: string) {
  return page
    .getByRole('table', { name: /Tickets at risk/ })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: ticket, exact: true }) })
}

/** "19m 54s" → 1194. */
function seconds(text: string): number {
  const m = /(?:(\d+)m)?\s*(?:(\d+)s)?/.exec(text.trim())
  return Number(m?.[1] ?? 0) * 60 + Number(m?.[2] ?? 0)
}
