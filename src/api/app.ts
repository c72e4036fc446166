// The HTTP application: every route comes from a route table (routes/*.ts), mounted here with
// its middleware; one onError turns every failure into the one error shape.
import { Hono } from 'hono'
import type { Deps } from '../actions/deps.ts'
import type { SealConfig } from '../actions/distribute-agreement.ts'
import { lifecycleRecords } from '../actions/lifecycle-records.ts'
import { requestAuth } from './auth.ts'
import { renderDocsPage } from './docs-page.ts'
import { errorBody, errorResponse } from './errors.ts'
import { createMetrics } from './metrics.ts'
import { openApiDocument } from './openapi.ts'
import { type ApiEnv, mountRoutes, type Route } from './route.ts'
import { agreementChangeRoutes } from './routes/agreement-changes.ts'
import { agreementDocumentRoutes } from './routes/agreement-documents.ts'
import { agreementRoutes } from './routes/agreements.ts'
import { availabilityRoutes } from './routes/availability.ts'
import { boardRoutes } from './routes/board.ts'
import { distributionRoutes } from './routes/distribution.ts'
import { lifecycleRoutes } from './routes/lifecycle.ts'
import { notificationRoutes } from './routes/notifications.ts'
import { peopleRoutes } from './routes/people.ts'
import { reportRoutes } from './routes/reports.ts'
import { sessionRoutes } from './routes/session.ts'
import { statusPageRoutes } from './routes/status-page.ts'
import { systemRoutes } from './routes/system.ts'
import { ticketRoutes } from './routes/tickets.ts'
import { serveWebApp, type WebApp } from './web-app.ts'

export type AppDeps = Deps & {
  version: string
  /** The certificate that seals distributed PDFs, when one is configured. */
  seal?: SealConfig
  /** The built web app served at `/`; without it `/` is a start page that says how to build it. */
  web?: WebApp | null
  /** Where unexpected errors go (the 500s); standard error by default. */
  logError?: (error: unknown) => void
}

export function createApp(deps: AppDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>()
  const metrics = createMetrics()
  const routes: Route[] = []
  let openapi: Record<string, unknown> | undefined
  let html: string | undefined
  const documents = {
    openapi: () => (openapi ??= openApiDocument(routes, deps.version)),
    html: () => (html ??= renderDocsPage(documents.openapi())),
  }
  routes.push(
    ...systemRoutes(deps, metrics, documents, deps.web ?? null),
    ...peopleRoutes(deps),
    ...sessionRoutes(deps),
    ...agreementRoutes(deps),
    ...lifecycleRoutes(deps),
    ...distributionRoutes({ ...deps, lifecycle: lifecycleRecords }),
    ...agreementChangeRoutes(deps),
    ...agreementDocumentRoutes(deps),
    ...ticketRoutes(deps, metrics),
    ...boardRoutes(deps),
    ...notificationRoutes(deps),
    ...availabilityRoutes(deps),
    ...reportRoutes(deps),
    ...statusPageRoutes(deps),
  )
  app.use(metrics.middleware)
  mountRoutes(app, routes, requestAuth(deps))
  const logError = deps.logError ?? ((error: unknown) => console.error('upheld: internal error:', error))
  app.onError((error, c) => errorResponse(c, error, logError))
  const { web } = deps
  app.notFound(async (c) => {
    const served = web ? await serveWebApp(web, c) : null
    return served ?? c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404)
  })
  return app
}
