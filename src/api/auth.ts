// Bearer-token authentication: Authorization: Bearer uph_…; the actor goes on the context.
import { createMiddleware } from 'hono/factory'
import { authenticateToken } from '../actions/authenticate-token.ts'
import type { Deps } from '../actions/deps.ts'
import { AppError } from '../domain/app-error.ts'
import type { ApiEnv } from './route.ts'

export function bearerAuth(deps: Deps) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header('authorization')
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match) {
      throw new AppError(
        'unauthorized',
        header === undefined ? 'this needs an API token' : 'the Authorization header is not "Bearer <token>"',
        [
          {
            path: [],
            message: 'send Authorization: Bearer uph_…',
            hint: 'an admin creates tokens with POST /api/tokens',
          },
        ],
      )
    }
    c.set('actor', await authenticateToken(deps, match[1]!))
    await next()
  })
}
