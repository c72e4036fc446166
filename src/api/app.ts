// The HTTP application: routes are mounted here; handlers stay thin.
import { Hono } from 'hono'

export type AppDeps = { version: string }

export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.get('/api/health', (c) => c.json({ status: 'ok', version: deps.version }))
  app.get('/', (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Upheld</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Upheld ${deps.version}</h1>
<p>Upheld is running. This release has the business-hours calendar engine, in the library and as
<code>upheld hours</code> on the command line. Agreements, ticket clocks, availability, reports and
this web app are on their way.</p>
<p>Health: <a href="/api/health">/api/health</a></p>
</body></html>`),
  )
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404),
  )
  return app
}
