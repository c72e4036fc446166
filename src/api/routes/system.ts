// What needs no token: liveness, readiness, the API's own documents, metrics and a start page.
import { checkReadiness } from '../../actions/check-readiness.ts'
import type { Deps } from '../../actions/deps.ts'
import type { Metrics } from '../metrics.ts'
import { type Route, route } from '../route.ts'
import { HealthSchema, ReadySchema } from '../schemas/common.ts'
import { page, type WebApp } from '../web-app.ts'

export function systemRoutes(
  deps: Deps & { version: string },
  metrics: Metrics,
  documents: { openapi: () => Record<string, unknown>; html: () => string },
  web: WebApp | null,
): Route[] {
  const common = { public: true, tag: 'System' } as const
  return [
    route({
      ...common,
      method: 'get',
      path: '/api/health',
      operationId: 'health',
      summary: 'Liveness: the process answers',
      responses: { 200: { description: 'alive', schema: HealthSchema } },
      handle: (c) => c.json({ status: 'ok' as const, version: deps.version }),
    }),
    route({
      ...common,
      method: 'get',
      path: '/api/ready',
      operationId: 'ready',
      summary: 'Readiness: the database answers and is migrated',
      responses: {
        200: { description: 'ready to serve', schema: ReadySchema },
        503: {
          description: 'not ready: the database is unreachable or migrations are pending',
          schema: ReadySchema,
        },
      },
      handle: async (c) => {
        const r = await checkReadiness(deps)
        const body = {
          status: r.ready ? ('ready' as const) : ('not_ready' as const),
          database: r.database,
          pending_migrations: r.pendingMigrations,
        }
        return c.json(body, r.ready ? 200 : 503)
      },
    }),
    route({
      ...common,
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openapi',
      summary: 'This API, as an OpenAPI 3.1 document',
      responses: { 200: { description: 'the document', media: 'application/json' } },
      handle: (c) => c.json(documents.openapi()),
    }),
    route({
      ...common,
      method: 'get',
      path: '/api/docs',
      operationId: 'docs',
      summary: 'This API, as a readable reference page',
      responses: { 200: { description: 'an HTML page', media: 'text/html' } },
      handle: (c) => c.html(documents.html()),
    }),
    route({
      ...common,
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      responses: { 200: { description: 'the text exposition format', media: 'text/plain' } },
      handle: async (c) =>
        c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType }),
    }),
    route({
      ...common,
      method: 'get',
      path: '/',
      operationId: 'startPage',
      summary: 'The web app (or, when it is not built, a start page saying how to build it)',
      responses: { 200: { description: 'an HTML page', media: 'text/html' } },
      handle: (c) => (web ? page(c, web) : c.html(startPage(deps.version))),
    }),
  ]
}

function startPage(version: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Upheld</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Upheld ${version}</h1>
<p>Upheld is running. The HTTP API takes agreements, tickets and their events, and answers with each
ticket's clocks. The web app is not built in this installation: run <code>npm run build</code> and
start Upheld again (or set <code>UPHELD_WEB_DIR</code> to where it was built).</p>
<ul>
<li>API reference: <a href="/api/docs">/api/docs</a> (OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a>)</li>
<li>Health: <a href="/api/health">/api/health</a>, readiness: <a href="/api/ready">/api/ready</a></li>
</ul>
</body></html>`
}
