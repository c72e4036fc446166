// Signing in to the web app (a session cookie), signing out, passwords, and disabling users.
import type { z } from 'zod'
import type { SignedInSession } from '../../actions/authenticate-session.ts'
import type { Deps } from '../../actions/deps.ts'
import { disableUser } from '../../actions/disable-user.ts'
import { setPassword } from '../../actions/set-password.ts'
import { signIn } from '../../actions/sign-in.ts'
import { signOut } from '../../actions/sign-out.ts'
import { AppError } from '../../domain/app-error.ts'
import { requireSameOrigin } from '../csrf.ts'
import { createLoginThrottle } from '../login-throttle.ts'
import { presentUser } from '../presenters.ts'
import { type Route, route } from '../route.ts'
import { IdParam } from '../schemas/common.ts'
import { UserSchema } from '../schemas/people.ts'
import * as S from '../schemas/session.ts'
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../session-cookie.ts'

const TOO_MANY = {
  429: { description: 'too many failed attempts: Retry-After says how many seconds to wait' },
}
const failedWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code

export function sessionRoutes(deps: Deps): Route[] {
  const throttle = createLoginThrottle(deps.now)
  return [
    route({
      method: 'post',
      path: '/api/session',
      operationId: 'signIn',
      tag: 'Session',
      summary: 'Sign in with an email and password',
      description: `Sets the session cookie ${SESSION_COOKIE} (HttpOnly, SameSite=Lax, Secure over HTTPS and on loopback). A session ends after 12 idle hours or 7 days. Requests it signs in that change something need the X-CSRF-Token header.`,
      public: true,
      body: { json: S.SignInSchema },
      responses: {
        200: { description: 'signed in', schema: S.SessionSchema },
        401: { description: 'the email or password is wrong (the same answer for either)' },
        403: { description: 'sent from another origin' },
        ...TOO_MANY,
      },
      handle: async (c, { body }) => {
        requireSameOrigin(c, deps.publicUrl)
        const email = body.email.toLowerCase()
        const done = await throttle.guard(
          c,
          `email ${email}`,
          () => signIn(deps, body),
          failedWith('unauthorized'),
        )
        setSessionCookie(c, done.sessionId)
        return c.json(presentSession(done.user, done.csrfToken))
      },
    }),
    route({
      method: 'get',
      path: '/api/session',
      operationId: 'getSession',
      tag: 'Session',
      summary: 'Who the session cookie signs in, with its CSRF token',
      responses: { 200: { description: 'signed in', schema: S.SessionSchema } },
      handle: (c) => {
        const session = requireSession(c.get('session'))
        return c.json(presentSession(session.user, session.csrfToken))
      },
    }),
    route({
      method: 'delete',
      path: '/api/session',
      operationId: 'signOut',
      tag: 'Session',
      summary: 'Sign out: the session ends and the cookie is cleared',
      description: 'With an API token there is no session to end; the answer is the same.',
      responses: { 204: { description: 'signed out' } },
      handle: async (c) => {
        const session = c.get('session')
        if (session) await signOut(deps, session.idHash)
        clearSessionCookie(c)
        return c.body(null, 204)
      },
    }),
    ...passwordRoutes(deps, throttle),
  ]
}

function passwordRoutes(deps: Deps, throttle: ReturnType<typeof createLoginThrottle>): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/users/:id/password',
      operationId: 'setPassword',
      tag: 'People',
      summary: 'Set a password',
      description:
        "An admin sets anyone's; anyone else their own, with current_password. The user's other sessions end.",
      params: IdParam,
      body: { json: S.SetPasswordSchema },
      responses: {
        204: { description: 'set' },
        403: { description: "another user's password, or a wrong current_password" },
        404: { description: 'no such user' },
        ...TOO_MANY,
      },
      handle: async (c, { params, body }) => {
        const actor = c.get('actor')
        const change = {
          userId: params.id,
          password: body.password,
          currentPassword: body.current_password,
          keepSession: c.get('session')?.idHash,
        }
        // Guessing a current password is guessing a password: it counts as a failed sign-in would.
        await throttle.guard(
          c,
          `user ${actor.userId}`,
          () => setPassword(deps, actor, change),
          failedWith('forbidden'),
        )
        return c.body(null, 204)
      },
    }),
    route({
      method: 'post',
      path: '/api/users/:id/disable',
      operationId: 'disableUser',
      tag: 'People',
      summary: 'Disable a user (admin)',
      description: 'They cannot sign in, their sessions end and their API tokens stop working.',
      params: IdParam,
      responses: {
        200: { description: 'disabled (since when, if they were already)', schema: UserSchema },
        403: { description: 'the token is not an admin’s' },
        404: { description: 'no such user' },
      },
      handle: async (c, { params }) =>
        c.json(presentUser(await disableUser(deps, c.get('actor'), params.id))),
    }),
  ]
}

function requireSession(session: SignedInSession | undefined): SignedInSession {
  if (session) return session
  throw new AppError('unauthorized', 'no session: this request came with an API token', [
    { path: [], message: 'sign in with POST /api/session {email, password}' },
  ])
}

function presentSession(user: SignedInSession['user'], csrfToken: string): z.output<typeof S.SessionSchema> {
  const { id, email, name, role, organisation_id } = user
  return { user: { id, email, name, role, organisation: organisation_id }, csrf_token: csrfToken }
}
