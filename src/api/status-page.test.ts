// The public status pages over HTTP, without a token: only what an agreement marks public,
// days without data grey, one customer's page blind to another's, every text escaped.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { insertOrganisation } from '../storage/organisations.ts'
import { PUBLIC_SLA, publicSla, seedStatusHistory } from './test-support/status-page-fixtures.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

/** Every day bar of a page: date, state and title. */
function bars(html: string): { date: string; state: string; title: string }[] {
  return [
    ...html.matchAll(
      /<li class="day day-[\w-]+" data-state="([\w-]+)" data-date="([\d-]+)" title="([^"]*)"/g,
    ),
  ].map((m) => ({ state: m[1]!, date: m[2]!, title: m[3]! }))
}

describe('the public status pages', () => {
  let api: TestApi
  const page = (path: string) => api.request('GET', path, { token: null })
  before(async () => {
    api = await createTestApi()
    await insertOrganisation(api.t.db, { id: 'initech', name: 'Initech', kind: 'customer' })
    const slas = [
      PUBLIC_SLA,
      publicSla('globex', 'Portal <script>alert(1)</script>'),
      HELPDESK_SLA.replaceAll('acme', 'initech'),
    ]
    for (const sla of slas)
      assert.equal(
        (await api.request('POST', '/api/agreements', { body: sla, type: 'application/yaml' })).status,
        201,
      )
    await seedStatusHistory((path, json) => api.request('POST', path, { json }))
  })
  after(() => api.drop())

  test("a customer's page: its public service, 90 daily bars, incidents and maintenance", async () => {
    const r = await page('/status/acme')
    assert.equal(r.status, 200, r.text)
    assert.match(r.headers.get('content-type') ?? '', /text\/html/)
    assert.match(
      r.text,
      /<h2 id="name-portal">Customer portal<\/h2><span class="badge badge-up">Operational<\/span>/,
    )
    const days = bars(r.text)
    assert.equal(days.length, 90)
    assert.deepEqual([days[0]!.date, days.at(-1)!.date], ['2026-08-30', '2026-11-27'])
    const down = days.find((d) => d.date === '2026-11-10')!
    assert.equal(down.state, 'down')
    assert.match(down.title, /^2026-11-10: Downtime, 97\.04% uptime, down 42m 30s/)
    assert.match(
      r.text,
      /<time datetime="2026-11-10T10:00:00.000Z">2026-11-10 10:00<\/time> to <time[^>]*>2026-11-10 10:42<\/time>: down 42m 30s/,
    )
    assert.match(
      r.text,
      /<strong>Upcoming<\/strong>: <time[^>]*>2026-11-29 02:00<\/time> to <time[^>]*>2026-11-29 04:00<\/time> Europe\/London, Customer portal</,
    )
    assert.match(r.text, /<strong>Completed<\/strong>: <time[^>]*>2026-11-22 02:00/)
  })

  test('a day nobody watched is grey, never green; a day half watched is partial', async () => {
    const days = bars((await page('/status/acme')).text)
    const before = days.filter((d) => d.date < '2026-10-31')
    assert.ok(before.length > 0)
    assert.ok(before.every((d) => d.state === 'no-data' && /^[\d-]+: No data/.test(d.title)))
    assert.deepEqual(
      days.filter((d) => d.date >= '2026-10-31' && d.date <= '2026-11-01').map((d) => d.state),
      ['partial', 'up'],
    )
  })

  test("nothing private, nothing of another customer's", async () => {
    const acme = (await page('/status/acme')).text
    for (const secret of [
      'Hosted email',
      'email',
      'Globex',
      'globex',
      '2026-11-20 12:00',
      'portal-uptime',
      'acme-helpdesk',
    ])
      assert.ok(!acme.includes(secret), `the page shows ${secret}`)
    const globex = (await page('/status/globex')).text
    assert.ok(globex.includes('2026-11-20 12:00'))
    assert.ok(!globex.includes('2026-11-10 10:00') && !globex.includes('Acme'))
  })

  test('text from an agreement is escaped', async () => {
    const globex = await page('/status/globex')
    assert.equal(globex.status, 200)
    assert.ok(globex.text.includes('Portal &lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(!globex.text.includes('<script>'))
  })

  test('no page where nothing is public, for a provider, or for a customer that does not exist', async () => {
    for (const path of ['/status/initech', '/status/example-it', '/status/nobody']) {
      const r = await page(path)
      assert.equal(r.status, 404, path)
      assert.match(r.text, /No such status page/)
    }
  })

  test('the index links the pages there are, and no other customer', async () => {
    const r = await page('/status')
    assert.equal(r.status, 200)
    assert.ok(r.text.includes('<a href="/status/acme">Acme</a>'))
    assert.ok(r.text.includes('<a href="/status/globex">Globex</a>'))
    assert.ok(!r.text.includes('Initech'))
  })
})
