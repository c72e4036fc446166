// Availability: what other monitors report (generic status events, Alertmanager and Uptime
// Kuma webhooks), the probes configured here, and each service's status and history. Staff
// send reports and manage probes; a customer reads the status of their own services only.
import { z } from 'zod'
import type { Deps } from '../../actions/deps.ts'
import {
  currentServiceStatus,
  type StreamRun,
  serviceStatusHistory,
} from '../../actions/get-service-status.ts'
import { ingestStatusEvents, type StatusEventsInput } from '../../actions/ingest-status-events.ts'
import { type ApiProbe, listApiProbes, removeProbe, saveProbe } from '../../actions/manage-probes.ts'
import { measureCustomerAvailability } from '../../actions/measure-availability.ts'
import { availabilityJson } from '../../render/availability-report.ts'
import { mediaTypeOf, readJson } from '../body.ts'
import { type ApiContext, type Route, route } from '../route.ts'
import * as S from '../schemas/availability.ts'
import { IdParam } from '../schemas/common.ts'

const REPORTS = 'Availability'
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())

export function availabilityRoutes(deps: Deps): Route[] {
  const ingest = async (c: ApiContext, input: StatusEventsInput) =>
    c.json(await ingestStatusEvents(deps, c.get('actor'), input), 202)
  const accepted = {
    202: { description: 'committed', schema: S.StatusIngestResultSchema },
    409: { description: 'an event id already used for other content; nothing was stored' },
  }
  return [
    route({
      method: 'post',
      path: '/api/status-events',
      operationId: 'ingestStatusEvents',
      tag: REPORTS,
      summary: 'Send status events: one, a batch of up to 1,000, or JSONL',
      description:
        'What another monitor says about a service. Each status holds until the next event for the same ' +
        'service and component. The batch is checked whole and stored in one transaction; an id sent again ' +
        'with the same content is a duplicate, with other content a 409. Staff only.',
      query: S.WebhookQuerySchema,
      body: {
        text: ['application/json', 'application/x-ndjson'],
        doc: { $ref: '#/components/schemas/StatusEventsBody' },
      },
      responses: accepted,
      handle: async (c, { query, body }) =>
        ingest(c, {
          format: 'generic',
          body: mediaTypeOf(c) === 'application/json' ? await readJson(c) : body,
          customer: query.customer,
        }),
    }),
    route({
      method: 'post',
      path: '/api/status-events/alertmanager',
      operationId: 'ingestAlertmanagerWebhook',
      tag: REPORTS,
      summary: 'Prometheus Alertmanager webhook (version 4)',
      description:
        'A firing alert is down from startsAt (degraded with the label upheld_status=degraded), a resolved one ' +
        'up from endsAt. The service is the label service, else the alertname; the component the label ' +
        'component; the customer the label customer, else ?customer=. Each alert is a monitor of its own.',
      query: S.WebhookQuerySchema,
      body: { json: z.unknown(), doc: z.looseObject({ alerts: z.array(z.looseObject({})) }) },
      responses: accepted,
      handle: async (c, { query, body }) =>
        ingest(c, { format: 'alertmanager', body, customer: query.customer }),
    }),
    route({
      method: 'post',
      path: '/api/status-events/uptime-kuma',
      operationId: 'ingestUptimeKumaWebhook',
      tag: REPORTS,
      summary: 'Uptime Kuma webhook (application/json)',
      description:
        'Heartbeat status 0 is down, 1 up, 3 (maintenance) unknown; 2 (pending, inside its retries) changes ' +
        'nothing. The service and component are the tags service and component, else the monitor name written ' +
        'service or service/component; the customer the tag customer, else ?customer=.',
      query: S.WebhookQuerySchema,
      body: {
        json: z.unknown(),
        doc: z.looseObject({ heartbeat: z.looseObject({}), monitor: z.looseObject({}) }),
      },
      responses: accepted,
      handle: async (c, { query, body }) =>
        ingest(c, { format: 'uptime-kuma', body, customer: query.customer }),
    }),
    route({
      method: 'get',
      path: '/api/status',
      operationId: 'getServiceStatus',
      tag: REPORTS,
      summary: 'Each service’s current status, with what each of its monitors says',
      query: S.StatusQuerySchema,
      responses: { 200: { description: 'services with any report', schema: S.ServiceStatusListSchema } },
      handle: async (c, { query }) => {
        const views = await currentServiceStatus(deps, c.get('actor'), query)
        return c.json({
          items: views.map(({ streams, ...v }) => ({ ...v, monitors: streams.map(presentRun) })),
        })
      },
    }),
    route({
      method: 'get',
      path: '/api/status/:service',
      operationId: 'getServiceHistory',
      tag: REPORTS,
      summary: 'A service’s status intervals over a range, every monitor',
      params: S.ServiceParam,
      query: S.HistoryQuerySchema,
      responses: { 200: { description: 'the intervals', schema: S.ServiceHistorySchema } },
      handle: async (c, { params, query }) => {
        const h = await serviceStatusHistory(deps, c.get('actor'), params.service, query)
        return c.json({ ...h, from: iso(h.from), to: iso(h.to), intervals: h.intervals.map(presentRun) })
      },
    }),
    route({
      method: 'get',
      path: '/api/availability',
      operationId: 'getAvailability',
      tag: REPORTS,
      summary: 'Period figures of the customer’s availability objectives',
      description:
        'Every objective of the agreements in force at the end of the month or quarter (or at `at`, while it ' +
        'runs), measured from the stored status intervals: uptime, budget, incidents, MTTR and MTBF. The same ' +
        'shape as `upheld uptime --json`.',
      query: S.AvailabilityQuerySchema,
      responses: {
        200: { description: 'the figures', schema: S.AvailabilityReportSchema },
        404: { description: 'no such objective in force (or another customer’s)' },
      },
      handle: async (c, { query }) => {
        const report = await measureCustomerAvailability(deps, c.get('actor'), {
          customer: query.customer,
          period: query.period ?? null,
          at: query.at,
          objective: query.objective,
          timeline: query.timeline,
        })
        return c.json({ customer: report.customer, ...availabilityJson(report.period, report.objectives) })
      },
    }),
    ...probeRoutes(deps),
  ]
}

function probeRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/probes',
      operationId: 'listProbes',
      tag: REPORTS,
      summary: 'The probes configured through the API (staff only)',
      description: 'Probes written in agreements are read from the agreements in force.',
      query: S.ProbeQuerySchema,
      responses: { 200: { description: 'the probes', schema: S.ProbeListSchema } },
      handle: async (c, { query }) =>
        c.json({ items: (await listApiProbes(deps, c.get('actor'), query.customer)).map(presentProbe) }),
    }),
    route({
      method: 'post',
      path: '/api/probes',
      operationId: 'saveProbe',
      tag: REPORTS,
      summary: 'Add a probe, or replace the customer’s probe of that id (staff only)',
      description: 'The probe takes the fields of an agreement’s monitoring[].probe: url, or host and port.',
      body: { json: S.ProbeBodySchema },
      responses: {
        200: { description: 'replaced', schema: S.ProbeViewSchema },
        201: { description: 'added', schema: S.ProbeViewSchema },
      },
      handle: async (c, { body }) => {
        const { probe, created } = await saveProbe(deps, c.get('actor'), body)
        return c.json(presentProbe(probe), created ? 201 : 200)
      },
    }),
    route({
      method: 'delete',
      path: '/api/probes/:id',
      operationId: 'deleteProbe',
      tag: REPORTS,
      summary: 'Remove a probe configured through the API (staff only)',
      params: IdParam,
      query: S.ProbeDeleteQuerySchema,
      responses: { 204: { description: 'removed' }, 404: { description: 'no such probe' } },
      handle: async (c, { params, query }) => {
        await removeProbe(deps, c.get('actor'), query.customer, params.id)
        return c.body(null, 204)
      },
    }),
  ]
}

function presentRun(r: StreamRun): z.output<typeof S.StreamRunSchema> {
  return {
    component: r.component,
    source: r.source,
    status: r.status,
    start: iso(r.start)!,
    end: iso(r.end),
    holds_until: iso(r.holdsUntil),
  }
}

function presentProbe(p: ApiProbe): z.output<typeof S.ProbeViewSchema> {
  return {
    customer: p.customer_id,
    id: p.id,
    service: p.service,
    component: p.component,
    interval_ms: p.interval_ms,
    probe: p.config,
    created_by: p.created_by,
    created_at: p.created_at.toISOString(),
  }
}
