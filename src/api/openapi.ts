// The OpenAPI 3.1 document, built from the route table: each route's parameters, body and
// responses come from its zod schemas (z.toJSONSchema), and named response schemas become
// components. Nothing here is written twice.
import { z } from 'zod'
import { agreementJsonSchema } from '../domain/agreement/json-schema.ts'
import { STATUS_OF } from './errors.ts'
import type { ResponseSpec, Route } from './route.ts'
import { apiSchemas } from './schemas/common.ts'

type Json = Record<string, unknown>
const ERROR_REF = { $ref: '#/components/schemas/Error' }

export function openApiDocument(routes: readonly Route[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {}
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}')
    paths[path] = { ...paths[path], [r.method]: operation(r) }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Upheld API', version, description: DESCRIPTION },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token: Authorization: Bearer uph_…' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'upheld_session',
          description: 'The web app’s session (POST /api/session); changes also need X-CSRF-Token',
        },
      },
      schemas: componentSchemas(),
    },
  }
}

function componentSchemas(): Record<string, Json> {
  const generated = z.toJSONSchema(apiSchemas, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'output',
    unrepresentable: 'any',
  }).schemas as Record<string, Json>
  const { $id, $schema, ...agreement } = agreementJsonSchema()
  const schemas: Record<string, Json> = { Agreement: agreement }
  for (const [name, { $id: _id, $schema: _schema, ...schema }] of Object.entries(generated))
    schemas[name] = schema
  return schemas
}

function operation(r: Route): Json {
  const op: Json = { operationId: r.operationId, tags: [r.tag], summary: r.summary }
  if (r.description) op.description = r.description
  if (r.public) op.security = []
  const parameters = [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')]
  if (parameters.length > 0) op.parameters = parameters
  if (r.body) op.requestBody = requestBody(r.body)
  op.responses = responses(r)
  return op
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!(schema instanceof z.ZodObject)) return []
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { description, ...json } = inline(field, 'input')
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      ...(description === undefined ? {} : { description }),
      schema: json,
    }
  })
}

function requestBody(body: NonNullable<Route['body']>): Json {
  if ('text' in body) {
    return {
      required: true,
      content: Object.fromEntries(body.text.map((type) => [type, { schema: body.doc }])),
    }
  }
  return {
    required: true,
    content: { 'application/json': { schema: inline(body.doc ?? body.json, 'input') } },
  }
}

function responses(r: Route): Json {
  const standard: Record<number, ResponseSpec> = {}
  if (r.query || r.params || r.body) standard[400] = { description: 'invalid input; details name each field' }
  if (!r.public) standard[401] = { description: 'no token or session, or an unknown, revoked or expired one' }
  if (!r.public && r.method !== 'get')
    standard[403] = { description: 'signed in by session, without X-CSRF-Token or from another origin' }
  if (r.body) {
    standard[413] = { description: 'the body is larger than 5 MB' }
    standard[415] = { description: 'the Content-Type is not one this endpoint takes' }
  }
  const all = { ...standard, ...r.responses }
  return Object.fromEntries(
    Object.entries(all).map(([status, spec]) => [status, responseOf(Number(status), spec)]),
  )
}

function responseOf(status: number, spec: ResponseSpec): Json {
  if (status >= 400 && !spec.schema) {
    return { description: spec.description, content: { 'application/json': { schema: ERROR_REF } } }
  }
  if (!spec.schema) {
    return spec.media
      ? { description: spec.description, content: { [spec.media]: {} } }
      : { description: spec.description }
  }
  const id = apiSchemas.get(spec.schema)?.id
  const schema = id ? { $ref: `#/components/schemas/${id}` } : inline(spec.schema, 'output')
  return { description: spec.description, content: { [spec.media ?? 'application/json']: { schema } } }
}

function inline(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json
  return json
}

const statusTable = Object.entries(STATUS_OF)
  .map(([code, status]) => `| ${code} | ${status} |`)
  .join('\n')

const DESCRIPTION = `Upheld measures service level agreements: agreements as data, ticket clocks on business-hours calendars.

**Authentication.** Every endpoint but the health, readiness, documentation and metrics ones needs an API token:
\`Authorization: Bearer uph_…\`. The first start of a server prints one admin token; admins make more with
\`POST /api/tokens\`. A customer's token sees only its own organisation's agreements, tickets and clocks;
anything else answers 404, as if it did not exist.

**Sessions.** The web app signs in with \`POST /api/session\` {email, password} and is answered with the
\`upheld_session\` cookie and a \`csrf_token\`. Requests signed in by the cookie that change something (any
method but GET, HEAD and OPTIONS) must send \`X-CSRF-Token: <csrf_token>\` and, when they send an Origin, this
server's. A token wins when both come, and needs neither. Failed sign-ins are limited (5 per account and 30
per address in 15 minutes, per server process): past that the answer is 429 with Retry-After.

**Errors.** Every error is \`{ "error": { "code", "message", "details": [{ path, message, hint, line, column }] } }\`.
The code decides the status:

| code | status |
| --- | --- |
${statusTable}
| payload_too_large | 413 |
| unsupported_media_type | 415 |
| rate_limited | 429 |

\`invalid_input\` is always 400: a bad query parameter, JSON field or line of an uploaded agreement. 422 is for
well-formed input that cannot be honoured. A 500 never carries internals; it is logged on the server.

**Paging.** Lists that can grow are paged: pass \`next_cursor\` back as \`cursor\` until it is null.`
