// Webhooks of other monitors, turned into status events. Each alert (Alertmanager) or monitor
// (Uptime Kuma) is a stream of its own: it reports only its own changes, so one alert resolving
// must not end another's outage of the same service. Ids are made from what identifies a
// report, so a webhook sent again (Alertmanager repeats firing alerts) is a duplicate.
import { z } from 'zod'
import { contentHash } from './agreement/content-hash.ts'
import { IdSchema } from './agreement/primitives.ts'
import { fromZodIssues } from './agreement/zod-issues.ts'
import type { Issue, PathSegment, Result } from './issues.ts'
import type { ServiceStatus, StatusEvent } from './status-events.ts'
import { parseInstant } from './time-zone.ts'

const Labels = z.record(z.string(), z.string())
const AlertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels: Labels,
  annotations: Labels.optional(),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  fingerprint: z.string().min(1).optional(),
})
export const AlertmanagerPayloadSchema = z.looseObject({ alerts: z.array(AlertSchema) })

const TagSchema = z.looseObject({ name: z.string(), value: z.string().nullish() })
export const UptimeKumaPayloadSchema = z.looseObject({
  heartbeat: z
    .looseObject({ status: z.number().int(), time: z.string(), msg: z.string().nullish() })
    .nullish(),
  monitor: z
    .looseObject({ id: z.number().int(), name: z.string(), tags: z.array(TagSchema).nullish() })
    .nullish(),
})

/**
 * Alertmanager (webhook version 4): a firing alert is `down` from startsAt (`degraded` with the
 * label upheld_status=degraded), a resolved one `up` from endsAt. The service is the label
 * `service`, else the alertname; the component the label `component`; the customer the label
 * `customer` (else the webhook URL's ?customer=).
 */
export function alertmanagerEvents(payload: unknown): Result<StatusEvent[]> {
  const parsed = AlertmanagerPayloadSchema.safeParse(payload, { reportInput: true })
  if (!parsed.success)
    return { ok: false, issues: fromZodIssues(AlertmanagerPayloadSchema, parsed.error.issues) }
  const issues: Issue[] = []
  const events: StatusEvent[] = []
  parsed.data.alerts.forEach((alert, i) => {
    const at = (field: 'startsAt' | 'endsAt') => instant(alert[field], ['alerts', i, field], issues)
    const firing = alert.status === 'firing'
    const when = firing ? at('startsAt') : at('endsAt')
    const labels = alert.labels
    const service = id(labels.service ?? labels.alertname, ['alerts', i, 'labels', 'service'], issues)
    const component =
      labels.component === undefined ? '' : id(labels.component, ['alerts', i, 'labels', 'component'], issues)
    if (when === undefined || service === undefined || component === undefined) return
    const fingerprint = alert.fingerprint ?? contentHash(labels).slice(0, 16)
    const status: ServiceStatus = !firing ? 'up' : labels.upheld_status === 'degraded' ? 'degraded' : 'down'
    const message = alert.annotations?.summary ?? alert.annotations?.description
    events.push({
      id: `am:${fingerprint}:${alert.startsAt}:${firing ? 'firing' : `resolved:${alert.endsAt}`}`,
      ...customerOf(labels.customer),
      service,
      component,
      stream: `alertmanager/${labels.alertname ?? service}/${fingerprint}`,
      source: 'alertmanager',
      at: when,
      status,
      ...(message === undefined ? {} : { message: message.slice(0, 1000) }),
      origin: { path: ['alerts', i, 'labels'] },
    })
  })
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: events }
}

const KUMA_STATUS: Record<number, ServiceStatus | 'pending'> = {
  0: 'down',
  1: 'up',
  2: 'pending',
  3: 'unknown',
}

/**
 * Uptime Kuma: heartbeat status 0 is `down`, 1 `up`, 3 (maintenance, when Kuma does not check)
 * `unknown`; 2 (pending, a failure still inside its retries) changes nothing, so retries never
 * count as downtime. The service and component are the monitor's tags `service` and
 * `component`, else its name written `service` or `service/component`; the customer the tag
 * `customer` (else the webhook URL's ?customer=). A test notification (no heartbeat) holds no event.
 */
export function uptimeKumaEvents(payload: unknown): Result<StatusEvent[]> {
  const parsed = UptimeKumaPayloadSchema.safeParse(payload, { reportInput: true })
  if (!parsed.success)
    return { ok: false, issues: fromZodIssues(UptimeKumaPayloadSchema, parsed.error.issues) }
  const { heartbeat, monitor } = parsed.data
  if (!heartbeat) return { ok: true, value: [] }
  if (!monitor) return { ok: false, issues: [{ path: ['monitor'], message: 'is required with a heartbeat' }] }
  const issues: Issue[] = []
  const status = KUMA_STATUS[heartbeat.status]
  if (status === undefined)
    issues.push({ path: ['heartbeat', 'status'], message: `${heartbeat.status} is not one of 0, 1, 2, 3` })
  // Kuma writes the heartbeat's time in UTC without a zone: "2026-10-03 10:00:00.123".
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(heartbeat.time) ? heartbeat.time : `${heartbeat.time}Z`
  const at = instant(zoned, ['heartbeat', 'time'], issues)
  const tag = (name: string) => monitor.tags?.find((t) => t.name === name)?.value ?? undefined
  const target = kumaTarget(monitor.name, tag, issues)
  if (issues.length > 0) return { ok: false, issues }
  if (status === 'pending') return { ok: true, value: [] }
  const event: StatusEvent = {
    id: `kuma:${monitor.id}:${heartbeat.time}:${heartbeat.status}`,
    ...customerOf(tag('customer')),
    ...target!,
    stream: `uptime-kuma/${monitor.id}`,
    source: 'uptime-kuma',
    at: at!,
    status: status!,
    ...(heartbeat.msg ? { message: heartbeat.msg.slice(0, 1000) } : {}),
    origin: { path: ['monitor', 'tags'] },
  }
  return { ok: true, value: [event] }
}

function kumaTarget(
  name: string,
  tag: (name: string) => string | undefined,
  issues: Issue[],
): { service: string; component: string } | undefined {
  const tagged = tag('service')
  const [named, namedComponent] = name.split('/').map((part) => part.trim())
  const service =
    tagged !== undefined
      ? id(tagged, ['monitor', 'tags', 'service'], issues)
      : id(named, ['monitor', 'name'], issues)
  const componentText = tagged !== undefined ? tag('component') : namedComponent
  const path = tagged !== undefined ? ['monitor', 'tags', 'component'] : ['monitor', 'name']
  const component = componentText === undefined ? '' : id(componentText, path, issues)
  return service === undefined || component === undefined ? undefined : { service, component }
}

function customerOf(customer: string | undefined): { customer?: string } {
  return customer === undefined ? {} : { customer }
}

function id(value: string | undefined, path: PathSegment[], issues: Issue[]): string | undefined {
  if (value === undefined) {
    issues.push({ path, message: 'is required', hint: 'name the service this alert is about' })
    return undefined
  }
  if (IdSchema.safeParse(value).success) return value
  issues.push({
    path,
    message: `"${value}" is not a service or component id`,
    hint: 'letters, digits, ".", "_" or "-"',
  })
  return undefined
}

// Go writes nanoseconds; milliseconds are what Upheld keeps.
const DATE_TIME_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/i

function instant(text: string | undefined, path: PathSegment[], issues: Issue[]): number | undefined {
  const ok = text !== undefined && DATE_TIME_ZONE.test(text)
  const t = ok ? parseInstant(text.replace(/(\.\d{3})\d+/, '$1'), 'UTC') : null
  if (t === null) {
    issues.push({ path, message: text === undefined ? 'is required' : `"${text}" is not an instant` })
    return undefined
  }
  return t
}
