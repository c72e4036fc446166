// Who is asking: an API token (Authorization: Bearer uph_…) or the web app's session cookie.
// The token wins when both come. A session's requests that change something must also pass
// the CSRF checks (csrf.ts); a token's need not. The actor goes on the context.
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { authenticateSession } from '../actions/authenticate-session.ts'
import { authenticateToken } from '../actions/authenticate-token.ts'
import type { Deps } from '../actions/deps.ts'
import { AppError } from '../domain/app-error.ts'
import { changesSomething, requireCsrfToken, requireSameOrigin } from './csrf.ts'
import type { ApiEnv } from './route.ts'
import { clearSessionCookie, readSessionCookie } from './session-cookie.ts'

export function requestAuth(deps: Deps) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header('authorization')
    const sessionId = header === undefined ? readSessionCookie(c) : undefined
    if (sessionId === undefined) c.set('actor', await authenticateToken(deps, bearerToken(header)))
    else await signedIn(deps, c, sessionId)
    await next()
  })
}

async function signedIn(deps: Deps, c: Context<ApiEnv>, sessionId: string): Promise<void> {
  const { actor, session } = await authenticateSession(deps, sessionId).catch((error: unknown) => {
    // The browser keeps no cookie that no longer signs anyone in.
    clearSessionCookie(c)
    throw error
  })
  if (changesSomething(c)) {
    requireSameOrigin(c, deps.publicUrl)
    requireCsrfToken(c, session.csrfToken)
  }
  c.set('actor', actor)
  c.set('session', session)
}

function bearerToken(header: string | undefined): string {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (match) return match[1]!
  throw new AppError(
    'unauthorized',
    header === undefined
      ? 'this needs an API token or a signed-in session'
      : 'the Authorization header is not "Bearer <token>"',
    [
      {
        path: [],
        message: 'send Authorization: Bearer uph_…, or sign in with POST /api/session {email, password}',
        hint: 'an admin creates tokens with POST /api/tokens',
      },
    ],
  )
}
