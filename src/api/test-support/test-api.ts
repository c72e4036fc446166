// One app over one test database per test file, with the fixture people (an admin, Acme's Ann,
// Globex's Gil) each holding a token, and a small request helper.

import type { Deps } from '../../actions/deps.ts'
import { createToken } from '../../actions/manage-people.ts'
import { ACME, ADMIN, fixedClock, GLOBEX, seedPeople } from '../../actions/test-support/fixtures.ts'
import { createTestDb, type TestDb } from '../../storage/test-support/test-db.ts'
import { createApp } from '../app.ts'

export const NOW = '2026-11-27T10:00:00.000Z'

export type Call = {
  token?: string | null
  json?: unknown
  body?: string
  type?: string
  headers?: Record<string, string>
}
// biome-ignore lint/suspicious/noExplicitAny: replies are JSON, read loosely by the tests
export type Reply = { status: number; body: any; text: string; headers: Headers }

export type TestApi = {
  t: TestDb
  deps: Deps
  app: ReturnType<typeof createApp>
  tokens: { admin: string; acme: string; globex: string }
  errors: unknown[]
  request(method: string, path: string, call?: Call): Promise<Reply>
  drop(): Promise<void>
}

/** `now`: the app's clock, for tests that move time; NOW otherwise. */
export async function createTestApi(options: { now?: Deps['now'] } = {}): Promise<TestApi> {
  const t = await createTestDb()
  const deps: Deps = { db: t.db, now: options.now ?? fixedClock(NOW) }
  await seedPeople(t.db)
  const tokenOf = async (userId: string) => (await createToken(deps, ADMIN, { userId, name: 'test' })).token
  const tokens = {
    admin: await tokenOf(ADMIN.userId),
    acme: await tokenOf(ACME.userId),
    globex: await tokenOf(GLOBEX.userId),
  }
  const errors: unknown[] = []
  const app = createApp({ ...deps, version: '9.9.9', logError: (e) => errors.push(e) })
  return {
    t,
    deps,
    app,
    tokens,
    errors,
    async request(method, path, call = {}) {
      const headers: Record<string, string> = { ...call.headers }
      const token = call.token === undefined ? tokens.admin : call.token
      if (token !== null) headers.authorization = `Bearer ${token}`
      let body: string | undefined = call.body
      if (call.json !== undefined) body = JSON.stringify(call.json)
      if (body !== undefined) headers['content-type'] = call.type ?? 'application/json'
      const response = await app.request(path, { method, headers, body })
      const text = await response.text()
      const isJson = response.headers.get('content-type')?.includes('json')
      return {
        status: response.status,
        body: isJson && text ? JSON.parse(text) : undefined,
        text,
        headers: response.headers,
      }
    },
    drop: () => t.drop(),
  }
}
