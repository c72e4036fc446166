// The web app's session cookie, upheld_session: HttpOnly (no script reads it), SameSite=Lax (no
// other site's form or fetch sends it), on the whole site, and Secure where the browser reaches
// Upheld over HTTPS or on its own machine, where browsers keep Secure cookies over plain HTTP.
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SESSION_MAX_AGE_MS } from '../actions/authenticate-session.ts'

export const SESSION_COOKIE = 'upheld_session'
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The scheme the browser used: the URL's, or https when a proxy in front says so. */
export function requestScheme(c: Context): 'http:' | 'https:' {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:' ? 'https:' : 'http:'
}

function secure(c: Context): boolean {
  return requestScheme(c) === 'https:' || LOOPBACK.has(new URL(c.req.url).hostname)
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined
}

export function setSessionCookie(c: Context, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secure(c),
    // The browser may forget it sooner; the server ends it after 12 idle hours.
    maxAge: SESSION_MAX_AGE_MS / 1000,
  })
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure: secure(c) })
}
