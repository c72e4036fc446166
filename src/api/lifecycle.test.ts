// The lifecycle over HTTP: each person with their own token, the statuses refusals map to,
// and the audit log read back and verified.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createToken } from '../actions/manage-people.ts'
import { ADMIN } from '../actions/test-support/fixtures.ts'
import { lifecycleText } from '../actions/test-support/lifecycle-fixtures.ts'
import { PEOPLE } from '../domain/lifecycle/test-support/lifecycle-agreement.ts'
import { insertUser } from '../storage/users.ts'
import { createTestApi, type TestApi } from './test-support/test-api.ts'

const ID = 'acme-helpdesk'
const YAML = 'application/yaml'

describe('the agreement lifecycle over HTTP', () => {
  let api: TestApi
  const token: Record<string, string> = {}
  const as = (who: string, method: string, path: string, json?: unknown) =>
    api.request(method, `/api/agreements/${ID}${path}`, { token: token[who], json })
  const hash = async () => (await as('admin', 'GET', '/lifecycle')).body.current.content_hash as string

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

  test('a draft is saved as YAML (201), again unchanged (200), and refused to a customer (403)', async () => {
    const post = (who: string, body: string) =>
      api.request('POST', `/api/agreements/${ID}/revisions`, { token: token[who], body, type: YAML })
    const first = await post('dana', lifecycleText())
    assert.equal(first.status, 201, first.text)
    assert.deepEqual([first.body.edition, first.body.revision, first.body.state], [1, 1, 'draft'])
    assert.equal((await post('dana', lifecycleText())).status, 200)
    assert.equal((await post('ann', lifecycleText())).status, 403)
    const mismatch = await api.request('POST', '/api/agreements/other/revisions', {
      token: token.dana,
      body: lifecycleText(),
      type: YAML,
    })
    assert.equal(mismatch.status, 400)
    const revision = await as('ann', 'GET', '/revisions/1')
    assert.deepEqual(
      [revision.status, revision.body.content_hash, revision.body.document.metadata.id],
      [200, first.body.content_hash, ID],
    )
    assert.equal(revision.body.section_hashes.targets.length, 64)
  })

  test('negotiation: a refusal says why, with 409 for the moment and 403 for the person', async () => {
    const early = await as('ann', 'POST', '/sections/agree', {})
    assert.equal(early.status, 409)
    assert.match(early.body.error.message, /sections are agreed during negotiation/)
    assert.equal((await as('ann', 'POST', '/negotiation', {})).status, 403)
    assert.equal((await as('dana', 'POST', '/negotiation', {})).status, 200)
    const comment = await as('ann', 'POST', '/comments', { body: 'Why a 25% cap?', section: 'credits' })
    assert.equal(comment.status, 200)
    const reply = await as('dana', 'POST', '/comments', {
      body: 'Industry norm.',
      reply_to: comment.body.recorded[0].seq,
    })
    assert.equal(reply.status, 200)
    assert.equal((await as('ann', 'POST', '/comments', { body: '' })).status, 400)
    assert.equal((await as('ann', 'POST', '/sections/agree', { sections: ['credit'] })).status, 400)
    await as('ann', 'POST', '/sections/agree', {})
    await as('dana', 'POST', '/sections/agree', {})
    const view = await as('ann', 'GET', '/lifecycle')
    assert.ok(view.body.current.sections.every((s: { agreed: boolean }) => s.agreed))
    assert.deepEqual(
      view.body.comments.map((c: { reply_to: number | null; author: { name: string } }) => [
        c.reply_to,
        c.author.name,
      ]),
      [
        [null, 'Ann'],
        [comment.body.recorded[0].seq, 'Dana Okafor'],
      ],
    )
  })

  test('submission, approvals and signatures, each bound to the content hash', async () => {
    const refusal = await as('dana', 'POST', '/submit', {})
    assert.equal(refusal.status, 409)
    assert.match(refusal.body.error.message, /acknowledgement/)
    const acknowledge = [
      ...refusal.body.error.message.matchAll(/Submit again acknowledging (.*)$/g),
    ][0]![1]!.split(', ')
    assert.equal((await as('dana', 'POST', '/submit', { acknowledge })).status, 200)
    const current = await hash()
    assert.equal((await as('luis', 'POST', '/approve', { content_hash: 'nope' })).status, 400)
    assert.equal((await as('lee', 'POST', '/approve', { content_hash: current })).status, 403)
    const stale = await as('luis', 'POST', '/approve', { content_hash: 'a'.repeat(64) })
    assert.deepEqual(
      [stale.status, /bound to content aaaaaaaaaaaa/.test(stale.body.error.message)],
      [409, true],
    )
    for (const who of ['luis', 'lee', 'ruth'])
      assert.equal((await as(who, 'POST', '/approve', { content_hash: current })).status, 200)
    assert.equal((await as('ann', 'POST', '/sign', { content_hash: current })).status, 403)
    assert.equal((await as('dana', 'POST', '/sign', { content_hash: current })).status, 200)
    const signed = await as('ruth', 'POST', '/sign', { content_hash: current })
    assert.deepEqual(
      [signed.status, signed.body.edition.state, signed.body.recorded.map((r: { type: string }) => r.type)],
      [200, 'in_force', ['signature.added', 'version.recorded', 'edition.in_force']],
      'signed after its effective date (the clock says 2026-11-27), it is in force at once',
    )
    const view = await as('ann', 'GET', '/lifecycle')
    assert.deepEqual(
      view.body.current.signatures.map((s: { name: string; auth_method: string }) => [s.name, s.auth_method]),
      [
        ['Dana Okafor', 'token'],
        ['Ruth Mensah', 'token'],
      ],
    )
    assert.equal(view.body.current.version, 1)
    assert.equal((await as('dana', 'POST', '/withdraw', { reason: 'too late' })).status, 409)
  })

  test('the history is the hash chain, and it verifies', async () => {
    const history = await as('ann', 'GET', '/history')
    assert.equal(history.status, 200)
    const items = history.body.items as {
      seq: number
      prev_hash: string
      hash: string
      actor: { email?: string }
    }[]
    assert.equal(items[0]?.prev_hash, '0'.repeat(64))
    assert.ok(items.every((e, i) => i === 0 || e.prev_hash === items[i - 1]?.hash))
    assert.equal(items[0]?.actor.email, 'dana.okafor@example-it.example')
    const verdict = await as('ann', 'GET', '/audit/verify')
    assert.deepEqual(verdict.body, {
      agreement: ID,
      ok: true,
      entries: items.length,
      head: items.at(-1)?.hash,
    })
  })
})
