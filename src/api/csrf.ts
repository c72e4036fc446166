// What keeps another site from acting with a signed-in browser's cookie: requests that change
// something must carry the session's CSRF token in a header (which no other origin can read
// or set), and must not come from another origin. Bearer tokens need neither: a browser never
// adds them by itself.
import { timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { AppError } from '../domain/app-error.ts'
import { requestScheme } from './session-cookie.ts'

export const CSRF_HEADER = 'X-CSRF-Token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function changesSomething(c: Context): boolean {
  return !SAFE_METHODS.has(c.req.method)
}

/**
 * Refuses a request whose Origin header, when there is one, is neither the request's own
 * origin nor PUBLIC_URL's (behind a proxy that rewrites Host, only the latter matches).
 */
export function requireSameOrigin(c: Context, publicUrl: string | undefined): void {
  const origin = c.req.header('origin')
  if (origin === undefined) return
  const url = new URL(c.req.url)
  const own = [url.origin, `${requestScheme(c)}//${url.host}`]
  if (publicUrl) own.push(new URL(publicUrl).origin)
  if (own.includes(normalised(origin))) return
  throw new AppError('forbidden', `a request from ${origin} is refused: it is not this server's origin`, [
    {
      path: [],
      message: `send it from ${own.at(-1)} (the Origin header must match)`,
      hint: 'scripts and other servers use an API token instead: Authorization: Bearer uph_…',
    },
  ])
}

export function requireCsrfToken(c: Context, expected: string): void {
  const sent = c.req.header(CSRF_HEADER)
  if (sent !== undefined && sameText(sent, expected)) return
  throw new AppError(
    'forbidden',
    sent === undefined
      ? `a signed-in request that changes something needs the ${CSRF_HEADER} header`
      : `the ${CSRF_HEADER} header is not this session's`,
    [
      {
        path: [],
        message: `send ${CSRF_HEADER}: <csrf_token>`,
        hint: 'csrf_token is in the answer of POST /api/session and of GET /api/session',
      },
    ],
  )
}

function normalised(origin: string): string {
  try {
    return new URL(origin).origin
  } catch {
    return origin
  }
}

function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)]
  return x.length === y.length && timingSafeEqual(x, y)
}
