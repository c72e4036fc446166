// A route is declared once, as data: method, path, schemas and handler. The app mounts it
// (auth, body limit, validation) and the OpenAPI document describes it from the same record,
// so an endpoint cannot exist undocumented.
import type { Context, Hono, MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import type { SignedInSession } from '../actions/authenticate-session.ts'
import type { Actor } from '../actions/deps.ts'
import { fromZodIssues } from '../domain/agreement/zod-issues.ts'
import { AppError } from '../domain/app-error.ts'
import { limitBody, readJson, requireMediaType } from './body.ts'

/** `session` is set when the actor signed in with the session cookie (not with a token). */
export type ApiEnv = { Variables: { actor: Actor; route: string; session?: SignedInSession } }
export type ApiContext = Context<ApiEnv>

/** A JSON body checked against `json` (documented by `doc` when the action validates it itself). */
export type JsonBody = { json: z.ZodType; doc?: z.ZodType }
/** A text body in one of these media types, handed over as it came (agreements in YAML or JSON). */
export type TextBody = { text: readonly string[]; doc: { $ref: string } }
export type ResponseSpec = { description: string; schema?: z.ZodType; media?: string }

type BodyOf<B> = B extends { json: infer S extends z.ZodType }
  ? z.output<S>
  : B extends TextBody
    ? string
    : undefined
type Empty = z.ZodObject<Record<never, never>>

export type RouteSpec<Q extends z.ZodType, P extends z.ZodType, B extends JsonBody | TextBody | undefined> = {
  method: 'get' | 'post' | 'delete'
  /** Hono syntax: /api/tickets/:id */
  path: string
  operationId: string
  tag: string
  summary: string
  description?: string
  /** No token or session needed (health, documents, metrics, signing in). */
  public?: boolean
  query?: Q
  params?: P
  body?: B
  responses: Record<number, ResponseSpec>
  handle(
    c: ApiContext,
    input: { query: z.output<Q>; params: z.output<P>; body: BodyOf<B> },
  ): Response | Promise<Response>
}

export type Route = RouteSpec<z.ZodType, z.ZodType, JsonBody | TextBody | undefined>

export function route<
  Q extends z.ZodType = Empty,
  P extends z.ZodType = Empty,
  B extends JsonBody | TextBody | undefined = undefined,
>(spec: RouteSpec<Q, P, B>): Route {
  return spec as unknown as Route
}

export function mountRoutes(
  app: Hono<ApiEnv>,
  routes: readonly Route[],
  auth: MiddlewareHandler<ApiEnv>,
): void {
  for (const r of routes) {
    const chain: MiddlewareHandler<ApiEnv>[] = [
      async (c, next) => {
        c.set('route', r.path)
        await next()
      },
    ]
    // Authenticate before reading a body: a stranger's upload is refused unread.
    if (!r.public) chain.push(auth)
    if (r.body) chain.push(limitBody)
    const handler: MiddlewareHandler<ApiEnv> = async (c) => r.handle(c, await inputOf(c, r))
    app.on(r.method.toUpperCase(), [r.path], ...chain, handler)
  }
}

async function inputOf(c: ApiContext, r: Route) {
  return {
    query: r.query ? check(r.query, c.req.query(), 'query parameters') : {},
    params: r.params ? check(r.params, c.req.param(), 'path') : {},
    body: await bodyOf(c, r.body),
  }
}

async function bodyOf(c: ApiContext, body: Route['body']): Promise<unknown> {
  if (body === undefined) return undefined
  if ('text' in body) {
    requireMediaType(c, body.text)
    return c.req.text()
  }
  return check(body.json, await readJson(c), 'request body')
}

function check<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value, { reportInput: true })
  if (parsed.success) return parsed.data
  throw new AppError('invalid_input', `invalid ${where}`, fromZodIssues(schema, parsed.error.issues))
}
