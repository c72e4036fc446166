// What the web app asks of an agreement beyond its records: the acts each person may take now
// (with the reasons for the others, as the acts themselves would refuse), a draft revision
// rendered as a document, and the list with where each agreement stands.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createToken } from '../actions/manage-people.ts'
import { ADMIN, HELPDESK_SLA } from '../actions/test-support/fixtures.ts'
import { lifecycleText } from '../actions/test-support/lifecycle-fixtures.ts'
import { PEOPLE } from '../domain/lifecycle/test-support/lifecycle-agreement.ts'
import { insertUser } from '../storage/users.ts'
import { setPassword, signIn } from './test-support/sign-in.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

const ID = 'acme-helpdesk'
type Act = { act: string; allowed: boolean; reason: string | null }

describe('the acts each person may take, documents of drafts, and the list’s standing', () => {
  let api: TestApi
  const token: Record<string, string> = {}
  const as = (who: string, method: string, path: string, json?: unknown) =>
    api.request(method, `/api/agreements/${ID}${path}`, { token: token[who], json })
  const actsOf = async (who: string): Promise<Record<string, Act>> => {
    const r = await as(who, 'GET', '/actions')
    assert.equal(r.status, 200, r.text)
    return Object.fromEntries((r.body.acts as Act[]).map((a) => [a.act, a]))
  }

  before(async () => {
    api = await createTestApi()
    for (const name of ['dana', 'luis', 'lee', 'ruth'] as const) {
      const p = PEOPLE[name]
      await insertUser(api.t.db, {
        id: p.userId,
        email: p.email,
        name: p.name,
        role: p.role,
        organisation_id: p.organisationId,
      })
      token[name] = (await createToken(api.deps, ADMIN, { userId: p.userId, name: 'test' })).token
    }
    token.admin = api.tokens.admin
    token.ann = api.tokens.acme
  })
  after(() => api.drop())

  test('a draft: staff may open the negotiation; a customer may only comment, and is told why', async () => {
    const saved = await api.request('POST', `/api/agreements/${ID}/revisions`, {
      token: token.dana,
      body: lifecycleText(),
      type: 'application/yaml',
    })
    assert.equal(saved.status, 201, saved.text)
    const staff = await as('dana', 'GET', '/actions')
    assert.deepEqual(
      [staff.body.party, staff.body.edition.state, staff.body.edition.revision],
      ['provider', 'draft', 1],
    )
    const dana = await actsOf('dana')
    assert.deepEqual(
      Object.values(dana)
        .filter((a) => a.allowed)
        .map((a) => a.act),
      ['edit', 'negotiate', 'comment', 'withdraw'],
    )
    const ann = await actsOf('ann')
    assert.equal((await as('ann', 'GET', '/actions')).body.party, 'customer')
    assert.equal(ann.comment?.allowed, true)
    assert.match(ann.negotiate?.reason ?? '', /only the provider's staff open a negotiation/)
    assert.match(ann.agree?.reason ?? '', /sections are agreed during negotiation/)
  })

  test('the reasons match what the act answers when it is tried anyway', async () => {
    const reason = (await actsOf('ann')).negotiate?.reason
    const tried = await as('ann', 'POST', '/negotiation', {})
    assert.deepEqual([tried.status, tried.body.error.message], [403, reason])
  })

  test('in negotiation: submission waits on the customer (signed in to the web app); the warnings are listed', async () => {
    assert.equal((await as('dana', 'POST', '/negotiation', {})).status, 200)
    await as('dana', 'POST', '/sections/agree', {})
    const waiting = await actsOf('dana')
    assert.match(
      waiting.submit?.reason ?? '',
      /every section must be agreed by both parties.*waiting for the customer/,
    )
    assert.equal(waiting.agree?.reason, 'the provider has agreed to every section')
    // The customer's people take part signed in to the web app, as they do with a token.
    await setPassword(api, 'u-acme')
    const session = await signIn(api, 'ann@acme.example')
    const viaSession = (method: string, path: string, json?: unknown) =>
      api.request(method, `/api/agreements/${ID}${path}`, session.call({ json, csrf: true }))
    const mine = await viaSession('GET', '/actions')
    assert.deepEqual([mine.status, mine.body.party], [200, 'customer'])
    assert.equal(
      (await viaSession('POST', '/comments', { body: 'Fine by us.', section: 'credits' })).status,
      200,
    )
    assert.equal((await viaSession('POST', '/sections/agree', {})).status, 200)
    const ready = await as('dana', 'GET', '/actions')
    const submit = ready.body.acts.find((a: Act) => a.act === 'submit')
    assert.deepEqual([submit.allowed, submit.reason], [true, null])
    const warnings = ready.body.findings.filter((f: { level: string }) => f.level === 'warning')
    assert.ok(warnings.some((f: { rule: string; path: string }) => f.rule === 'availability.monitored'))
    const acknowledge = [...new Set(warnings.map((f: { rule: string }) => f.rule))]
    assert.equal((await as('dana', 'POST', '/submit', { acknowledge })).status, 200)
    assert.equal((await actsOf('luis')).approve?.allowed, true)
    assert.match((await actsOf('lee')).approve?.reason ?? '', /Luis Ferreira \(c-service-owner\)/)
  })

  test('a draft revision renders as a document, HTML or Markdown; another format is a 400', async () => {
    const html = await as('ann', 'GET', '/revisions/1/document')
    assert.equal(html.status, 200)
    assert.match(html.headers.get('content-type') ?? '', /^text\/html/)
    assert.match(html.headers.get('content-security-policy') ?? '', /default-src 'none'/)
    assert.match(html.text, /<h1>Helpdesk Service Level Agreement<\/h1>/)
    const md = await as('ann', 'GET', '/revisions/1/document?format=md')
    assert.match(md.text, /^# Helpdesk Service Level Agreement/m)
    assert.equal((await as('ann', 'GET', '/revisions/1/document?format=docx')).status, 400)
  })

  test('the list says where each agreement stands', async () => {
    const uploaded = HELPDESK_SLA.replaceAll('acme-helpdesk', 'acme-uploaded')
    assert.equal(
      (await api.request('POST', '/api/agreements', { body: uploaded, type: 'application/yaml' })).status,
      201,
    )
    const list = await api.request('GET', '/api/agreements', { token: token.ann })
    assert.deepEqual(
      list.body.items.map((a: { id: string; standing: Record<string, unknown> }) => [
        a.id,
        a.standing.state,
        a.standing.edition,
        a.standing.version_in_force,
      ]),
      [
        [ID, 'management_approval', 1, null],
        ['acme-uploaded', null, null, 1],
      ],
    )
    assert.deepEqual(list.body.items[1].standing.open_findings, { errors: 0, warnings: 0 })
  })
})
