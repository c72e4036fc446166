// Prometheus metrics at /metrics: requests by route and status, their durations, events
// ingested, and the process's own (CPU, memory, event loop, GC). One registry per app, so that
// tests may build several apps in one process.
import { createMiddleware } from 'hono/factory'
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'
import type { ApiEnv } from './route.ts'

export type Metrics = {
  registry: Registry
  eventsIngested: Counter<'outcome'>
  middleware: ReturnType<typeof createMiddleware<ApiEnv>>
}

export function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const labelNames = ['method', 'route', 'status'] as const
  const requests = new Counter({
    name: 'upheld_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'upheld_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const eventsIngested = new Counter({
    name: 'upheld_events_ingested_total',
    help: 'Ticket events received through the API: accepted (stored) or duplicate (stored before)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  })
  const middleware = createMiddleware<ApiEnv>(async (c, next) => {
    const started = performance.now()
    await next()
    // The route pattern, not the path: one series per endpoint, whatever the ids.
    const labels = {
      method: c.req.method,
      route: c.get('route') ?? 'unmatched',
      status: String(c.res.status),
    }
    requests.inc(labels)
    duration.observe(labels, (performance.now() - started) / 1000)
  })
  return { registry, eventsIngested, middleware }
}
