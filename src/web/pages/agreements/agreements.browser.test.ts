// The agreement pages as staff use them, in Chromium against the real server: an agreement
// created from a template, a schema error shown beside its line in the YAML editor, and the
// lifecycle walked to in force: negotiation (the customer agreeing through the API), submission
// with its warnings acknowledged, approval by the named approvers, and signature by the named
// signatories, the provider's signed in as themselves. Refused acts show their reasons.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import {
  addUser,
  launchBrowser,
  NO_CHROMIUM,
  newContext,
  screenshot,
  signIn,
  startTestApp,
  type TestApp,
} from '../../test-support/e2e.ts'

const ID = 'office-it'
const START = Date.parse('2026-03-02T09:00:00Z')
const FILLED: Record<string, string> = {
  'agreement-id': ID,
  'provider-id': 'provider',
  'provider-name': 'IT Partner Ltd',
  'customer-id': 'example-org',
  'customer-name': 'Example Organisation',
  'effective-from': '2026-01-01',
  'effective-to': '2026-12-31',
  timezone: 'Europe/Dublin',
  'office-vendor': 'Example Office',
  'endpoint-count': '120',
  'support-email': 'support@it-partner.example',
  'portal-url': 'https://support.it-partner.example',
  'monthly-fee': '4500',
  currency: 'EUR',
  'it-manager-name': 'Ivo Manager',
  'it-manager-email': 'ivo@it-partner.example',
  'executive-name': 'Eve Executive',
  'executive-email': 'eve@example-org.example',
  'department-head-name': 'Dan Head',
  'department-head-email': 'dan@example-org.example',
  'legal-email': 'legal@example-org.example',
}

let app: TestApp
let browser: Browser
const tokens: Record<string, string> = {}

before(async () => {
  if (NO_CHROMIUM) return
  const t0 = Date.now()
  app = await startTestApp({ now: () => START + (Date.now() - t0) })
  browser = await launchBrowser()
  assert.equal(
    (await app.api('POST', '/api/organisations', { id: 'example-org', name: 'Example Org' })).status,
    201,
  )
  await addUser(app, {
    email: 'ivo@it-partner.example',
    name: 'Ivo Manager',
    role: 'agent',
    organisation: 'provider',
  })
  for (const [who, email, name] of [
    ['eve', 'eve@example-org.example', 'Eve Executive'],
    ['legal', 'legal@example-org.example', 'Lena Legal'],
  ] as const) {
    const user = await addUser(app, { email, name, role: 'customer', organisation: 'example-org' })
    tokens[who] = (await app.api('POST', '/api/tokens', { user: user.id, name: 'test' })).body.token
  }
})

after(async () => {
  await browser?.close()
  await app?.close()
})

/** As one of the customer's people, through the API. */
async function asCustomer(who: string, path: string, body: unknown = {}) {
  const r = await app.api('POST', `/api/agreements/${ID}${path}`, body, tokens[who])
  assert.equal(r.status, 200, `${who} ${path}: ${JSON.stringify(r.body)}`)
}
const contentHash = async () =>
  (await app.api('GET', `/api/agreements/${ID}/lifecycle`)).body.current.content_hash

const refused = (page: Page, act: string) =>
  page
    .locator('.ag-refused li', { has: page.locator('.ag-refused-name', { hasText: act }) })
    .locator('.ag-refused-reason')

test('an agreement from a template to in force, through its pages', { skip: NO_CHROMIUM }, async () => {
  const context = await newContext(browser)
  const page = await context.newPage()
  try {
    await walk(page)
  } catch (error) {
    await screenshot(page, 'agreements-failed')
    throw error
  }
  await phoneScreenshots(page)
  await context.close()
})

async function walk(page: Page): Promise<void> {
  await signIn(page, app.url, app.admin.email, app.admin.password)

  await page.goto(`${app.url}/agreements`)
  await page.getByText('No agreements yet').waitFor()
  await screenshot(page, 'agreements-empty')

  // From a template: each blank filled, checked as the server will check it, created as a draft.
  await page.getByRole('link', { name: 'New agreement' }).click()
  await page.getByRole('radio', { name: /IT support agreement/ }).check()
  for (const [id, value] of Object.entries(FILLED)) await page.locator(`#ph-${id}`).fill(value)
  await page.getByText('The agreement reads as valid.').waitFor()
  await screenshot(page, 'agreements-new')
  await page.getByRole('button', { name: 'Create the draft' }).click()
  await page.waitForURL(`**/agreements/${ID}/lifecycle`)
  await page.getByRole('heading', { name: /Edition 1/ }).waitFor()
  assert.match(
    (await refused(page, 'Submit for approval').textContent()) ?? '',
    /edition 1 is a draft: submission for approval comes after negotiation/,
  )

  // The YAML editor: a broken date is named beside its line, and undone.
  await page.getByRole('link', { name: 'Edit', exact: true }).click()
  await page.getByLabel('Title', { exact: true }).fill('IT Support Agreement 2026')
  await page.getByRole('tab', { name: 'YAML' }).click()
  const line = page.locator('.cm-line', { hasText: 'effectiveFrom:' })
  await line.click()
  await page.keyboard.press('End')
  await page.keyboard.type('x')
  const message = line.locator('.cm-line-message')
  await message.waitFor()
  assert.match((await message.textContent()) ?? '', /must be a date written YYYY-MM-DD/)
  await page.getByText(/^1 error/).waitFor()
  assert.ok(await page.getByRole('button', { name: 'Save revision' }).isDisabled())
  await screenshot(page, 'agreements-edit-yaml')
  await page.keyboard.press('Control+z')
  await message.waitFor({ state: 'detached' })
  await page.getByRole('button', { name: 'Save revision' }).click()
  await page.getByText('Saved as revision 2 of edition 1').waitFor()
  await page.getByRole('tab', { name: 'Form' }).click()
  await screenshot(page, 'agreements-edit-form')

  // Negotiation: the provider agrees in the browser, the customer through the API.
  await page.getByRole('link', { name: 'See the lifecycle' }).click()
  await page.getByRole('button', { name: 'Open the negotiation' }).click()
  await page.getByText('Edition 1 is now in negotiation').waitFor()
  await page.getByRole('button', { name: 'Agree to every section' }).click()
  await page.getByText(/Recorded: section agreed/).waitFor()
  await refused(page, 'Submit for approval').filter({ hasText: 'waiting for the customer' }).waitFor()
  await asCustomer('eve', '/sections/agree')
  await asCustomer('eve', '/comments', { body: 'Can the fee be invoiced quarterly?', section: 'costs' })
  await page.reload()
  await page.getByRole('button', { name: /1 comment on Costs/ }).click()
  await page.getByText('Can the fee be invoiced quarterly?').waitFor()
  await screenshot(page, 'agreements-lifecycle-negotiation')

  // Submission: every warning of the lint rules acknowledged, by rule.
  await page.getByRole('button', { name: 'Submit for approval' }).click()
  const form = page.getByRole('form', { name: 'Submit for approval' })
  for (const box of await form.getByRole('checkbox').all()) await box.check()
  await form.getByRole('button', { name: 'Submit for approval' }).click()
  await page.getByText('Edition 1 is now awaiting management approval').waitFor()
  assert.match(
    (await refused(page, 'Approve').textContent()) ?? '',
    /only the management approvers the agreement names decide .*Eve Executive \(c-executive\).*admin@upheld\.invalid is not one of them/,
  )
  await screenshot(page, 'agreements-lifecycle-approval')

  // The named approvers approve, each stage in turn.
  for (const who of ['eve', 'legal', 'eve'])
    await asCustomer(who, '/approve', { content_hash: await contentHash() })

  // The provider's signatory signs, signed in as himself.
  const ivo = await newContext(browser)
  const signer = await ivo.newPage()
  await signIn(signer, app.url, 'ivo@it-partner.example', 'correct horse battery staple')
  await signer.goto(`${app.url}/agreements/${ID}/lifecycle`)
  await signer.getByRole('button', { name: 'Sign', exact: true }).click()
  await signer.getByText(/You sign edition 1, revision 2 as Ivo Manager/).waitFor()
  await screenshot(signer, 'agreements-lifecycle-sign')
  await signer.getByRole('button', { name: 'Sign as Ivo Manager' }).click()
  await signer.getByText(/Recorded: signed/).waitFor()
  await ivo.close()

  // The customer's signatory signs last: signed after its start date, it is in force at once.
  await asCustomer('eve', '/sign', { content_hash: await contentHash() })
  await page.reload()
  await page
    .getByRole('heading', { name: /Edition 1/ })
    .getByText('In force')
    .waitFor()
  await screenshot(page, 'agreements-lifecycle-in-force')

  for (const [tab, name] of [
    ['Document', 'agreements-document'],
    ['Changes', 'agreements-changes'],
    ['Health', 'agreements-health'],
  ] as const) {
    await page.getByRole('link', { name: tab, exact: true }).click()
    await page
      .locator(tab === 'Document' ? 'iframe.ag-frame' : 'h2, .empty')
      .first()
      .waitFor()
    await screenshot(page, name)
  }
  await page.getByRole('link', { name: 'Audit trail' }).click()
  await page.getByRole('button', { name: 'Verify the chain' }).click()
  await page.getByText('The chain holds.').waitFor()
  await screenshot(page, 'agreements-audit')

  await page.getByRole('link', { name: 'Agreements', exact: true }).click()
  const row = page.getByRole('row', { name: /IT Support Agreement 2026/ })
  await row.getByText('In force').waitFor()
  assert.match((await row.textContent()) ?? '', /Version 1/)
  await screenshot(page, 'agreements-list')
}

// The main pages at a phone's width, in the same session.
async function phoneScreenshots(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 })
  for (const [path, shown, name] of [
    ['/agreements', 'table', 'agreements-list-phone'],
    [`/agreements/${ID}/lifecycle`, '.ag-acts', 'agreements-lifecycle-phone'],
    ['/agreements/new?template=helpdesk-sla', '.ag-placeholders', 'agreements-new-phone'],
  ] as const) {
    await page.goto(`${app.url}${path}`)
    await page.locator(shown).waitFor()
    await screenshot(page, name)
  }
}
