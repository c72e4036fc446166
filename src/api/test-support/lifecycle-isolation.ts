// The lifecycle routes' cases of the customer-isolation test (isolation.test.ts): another
// customer's agreement answers exactly as one that does not exist, and nothing of theirs shows.
import assert from 'node:assert/strict'
import type { Reply, TestApi } from './test-api.ts'

type Side = { org: string; token: string; ticket: string; agreement: string }
type Case = (api: TestApi, me: Side, other: Side) => Promise<void>
type Helpers = {
  assertBlind(r: Reply, other: Side, what: string): void
  assertNotFoundAsMissing(api: TestApi, me: Side, path: (id: string) => string, id: string): Promise<void>
  /** The agreement text of a side's organisation, saved as a draft so that there is a revision. */
  textOf(org: string): string
}

const HASH = '0'.repeat(64)

export function lifecycleCases(h: Helpers): Record<string, Case> {
  // Both agreements get a draft revision (the same content again is a no-op), by an admin.
  const drafted = async (api: TestApi, ...sides: Side[]) => {
    for (const side of sides) {
      const r = await api.request('POST', `/api/agreements/${side.agreement}/revisions`, {
        body: h.textOf(side.org),
        type: 'application/yaml',
      })
      assert.ok(r.status === 200 || r.status === 201, r.text)
    }
  }
  const read =
    (suffix: string): Case =>
    async (api, me, other) => {
      await drafted(api, me, other)
      const mine = await api.request('GET', `/api/agreements/${me.agreement}${suffix}`, { token: me.token })
      assert.equal(mine.status, 200, mine.text)
      h.assertBlind(mine, other, suffix)
      await h.assertNotFoundAsMissing(api, me, (id) => `/api/agreements/${id}${suffix}`, other.agreement)
    }
  const act =
    (suffix: string, json: unknown): Case =>
    async (api, me, other) => {
      await drafted(api, me, other)
      const theirs = await api.request('POST', `/api/agreements/${other.agreement}${suffix}`, {
        token: me.token,
        json,
      })
      const missing = await api.request('POST', `/api/agreements/NO-SUCH${suffix}`, { token: me.token, json })
      assert.equal(theirs.status, 404, `${suffix}: ${theirs.text}`)
      assert.deepEqual(theirs.body, JSON.parse(missing.text.replaceAll('NO-SUCH', other.agreement)))
      const mine = await api.request('POST', `/api/agreements/${me.agreement}${suffix}`, {
        token: me.token,
        json,
      })
      assert.ok(mine.status < 500, mine.text)
      h.assertBlind(mine, other, suffix)
    }
  return {
    'POST /api/agreements/:id/revisions': async (api, me, other) => {
      for (const id of [me.agreement, other.agreement, 'NO-SUCH']) {
        const r = await api.request('POST', `/api/agreements/${id}/revisions`, {
          token: me.token,
          body: h.textOf(me.org),
          type: 'application/yaml',
        })
        assert.equal(r.status, 403, 'customers write no revisions, whoever’s')
        h.assertBlind(r, other, 'revisions')
      }
    },
    'GET /api/agreements/:id/revisions/:revision': read('/revisions/1'),
    'GET /api/agreements/:id/lifecycle': read('/lifecycle'),
    'GET /api/agreements/:id/actions': read('/actions'),
    'GET /api/agreements/:id/revisions/:revision/document': async (api, me, other) => {
      for (const format of ['html', 'md'])
        await read(`/revisions/1/document?format=${format}`)(api, me, other)
    },
    'GET /api/agreements/:id/history': read('/history'),
    'GET /api/agreements/:id/audit/verify': read('/audit/verify'),
    'POST /api/agreements/:id/negotiation': act('/negotiation', {}),
    'POST /api/agreements/:id/sections/agree': act('/sections/agree', {}),
    'POST /api/agreements/:id/sections/reopen': act('/sections/reopen', { sections: ['targets'] }),
    'POST /api/agreements/:id/comments': act('/comments', { body: 'Is this ours?' }),
    'POST /api/agreements/:id/submit': act('/submit', {}),
    'POST /api/agreements/:id/approve': act('/approve', { content_hash: HASH }),
    'POST /api/agreements/:id/reject': act('/reject', { content_hash: HASH, reason: 'no' }),
    'POST /api/agreements/:id/sign': act('/sign', { content_hash: HASH }),
    'POST /api/agreements/:id/withdraw': act('/withdraw', { reason: 'no' }),
    'POST /api/agreements/:id/review': act('/review', {}),
    'POST /api/agreements/:id/terminate': act('/terminate', { reason: 'no' }),
  }
}
