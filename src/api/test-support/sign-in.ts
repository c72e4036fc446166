// Signing a fixture user in through the API, as the web app does: a password set by the admin,
// then POST /api/session; the cookie and CSRF token come back for later requests.
import assert from 'node:assert/strict'
import type { Call, TestApi } from './test-api.ts'

export type Signed = {
  cookie: string
  csrf: string
  /** A call signed in by the session (no token), with the CSRF header when `csrf` is true. */
  call(call?: Call & { csrf?: boolean }): Call
}

export const PASSWORD = 'correct horse battery staple'

export async function setPassword(api: TestApi, userId: string, password = PASSWORD): Promise<void> {
  const r = await api.request('POST', `/api/users/${userId}/password`, { json: { password } })
  assert.equal(r.status, 204, r.text)
}

export async function signIn(api: TestApi, email: string, password = PASSWORD): Promise<Signed> {
  const r = await api.request('POST', '/api/session', { token: null, json: { email, password } })
  assert.equal(r.status, 200, r.text)
  const cookie = /^upheld_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1]
  assert.ok(cookie, 'a session cookie')
  const csrf = r.body.csrf_token as string
  return {
    cookie,
    csrf,
    call: ({ csrf: withCsrf, ...call } = {}) => ({
      ...call,
      token: null,
      headers: {
        cookie: `upheld_session=${cookie}`,
        ...(withCsrf ? { 'x-csrf-token': csrf } : {}),
        ...call.headers,
      },
    }),
  }
}
