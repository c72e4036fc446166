// Ingesting what other monitors say about services: generic status events (a JSON array, one
// object, or JSONL), Alertmanager and Uptime Kuma webhooks. A batch is checked whole and stored
// in one transaction, so a rejected one changes nothing; an id sent again is a duplicate. Only
// staff send them: availability decides service credits, so a customer cannot report its own.
import { contentHash } from '../domain/agreement/content-hash.ts'
import { AppError } from '../domain/app-error.ts'
import type { Issue, Result } from '../domain/issues.ts'
import { readStatusEvents, type StatusEvent, splitJsonLines } from '../domain/status-events.ts'
import { alertmanagerEvents, uptimeKumaEvents } from '../domain/status-webhooks.ts'
import { servicesOfCustomer } from '../storage/agreements.ts'
import type { Db } from '../storage/db.ts'
import { findOrganisation } from '../storage/organisations.ts'
import { insertStatusEvents, type StatusEventRow, storedStatusEventHashes } from '../storage/status-events.ts'
import type { StreamKey } from '../storage/status-intervals.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'
import { type KnownServices, serviceIssue } from './known-services.ts'
import { replayStreams, streamId } from './record-status.ts'
import { trackTouchedServices } from './track-service-transitions.ts'

export const MAX_STATUS_BATCH = 1000

/** `body`: JSONL text, or a JSON value (one event, an array of them, or a webhook's payload). */
export type StatusEventsInput = {
  format: 'generic' | 'alertmanager' | 'uptime-kuma'
  body: unknown
  /** Who the events are for when they do not say. */
  customer?: string
}

export type StatusIngestResult = { accepted: number; duplicates: number }

export async function ingestStatusEvents(
  deps: Deps,
  actor: Actor,
  input: StatusEventsInput,
): Promise<StatusIngestResult> {
  requireRole(actor, 'admin', 'agent')
  const events = readInput(input)
  if (events.length === 0) return { accepted: 0, duplicates: 0 }
  return deps.db.transaction(async (tx) => {
    const byCustomer = await placeEvents(tx, events, input.customer)
    const streams = new Map<string, StreamKey & { t: Date }>()
    let accepted = 0
    for (const [customerId, list] of byCustomer) {
      const fresh = await freshEvents(tx, customerId, list)
      accepted += await insertStatusEvents(tx, fresh)
      for (const e of fresh) {
        const key = { customer_id: customerId, service: e.service, component: e.component, source: e.stream }
        const seen = streams.get(streamId(key))
        if (!seen || e.at < seen.t) streams.set(streamId(key), { ...key, t: e.at })
      }
    }
    await replayStreams(tx, [...streams.values()])
    await trackTouchedServices({ ...deps, db: tx }, [...streams.values()])
    return { accepted, duplicates: events.length - accepted }
  })
}

function readInput(input: StatusEventsInput): StatusEvent[] {
  const result = parse(input)
  if (!result.ok) throw new AppError('invalid_input', 'invalid status events; none was stored', result.issues)
  if (input.format === 'generic' && result.value.length === 0)
    throw new AppError('invalid_input', 'the batch is empty')
  if (result.value.length > MAX_STATUS_BATCH)
    throw new AppError(
      'invalid_input',
      `a batch holds at most ${MAX_STATUS_BATCH} events, not ${result.value.length}`,
    )
  return result.value
}

function parse({ format, body }: StatusEventsInput): Result<StatusEvent[]> {
  if (format === 'alertmanager') return alertmanagerEvents(body)
  if (format === 'uptime-kuma') return uptimeKumaEvents(body)
  if (typeof body !== 'string') return readStatusEvents(Array.isArray(body) ? body : [body])
  const split = splitJsonLines(body)
  return split.ok ? readStatusEvents(split.value.items, split.value.lines) : split
}

// Each event's customer (its own, else the request's), which must exist and have the service.
async function placeEvents(
  db: Db,
  events: readonly StatusEvent[],
  fallback: string | undefined,
): Promise<Map<string, StatusEvent[]>> {
  const placed = new Map<string, StatusEvent[]>()
  const issues: Issue[] = []
  const known = new Map<string, KnownServices | null>()
  for (const e of events) {
    const customer = e.customer ?? fallback
    const at = (field: string) => ({ ...e.origin, path: [...e.origin.path, field] })
    if (customer === undefined) {
      issues.push({ ...at('customer'), message: 'is required', hint: CUSTOMER_HINT })
      continue
    }
    if (!known.has(customer))
      known.set(
        customer,
        (await findOrganisation(db, customer)) ? await servicesOfCustomer(db, customer) : null,
      )
    const services = known.get(customer)
    const problem =
      services === null ? { ...at('customer'), message: `no customer organisation "${customer}"` } : undefined
    const issue = problem ?? serviceIssue(services!, customer, e, at)
    if (issue) issues.push(issue)
    else if (placed.has(customer)) placed.get(customer)!.push(e)
    else placed.set(customer, [e])
  }
  if (issues.length > 0)
    throw new AppError('invalid_input', 'status events that cannot be placed; none was stored', issues)
  return placed
}

const CUSTOMER_HINT = 'name the customer: a "customer" field, label or tag, or ?customer= on the URL'

// The events not stored before; an id stored, or sent twice, with other content is a conflict.
async function freshEvents(
  db: Db,
  customerId: string,
  list: readonly StatusEvent[],
): Promise<StatusEventRow[]> {
  const stored = await storedStatusEventHashes(
    db,
    customerId,
    list.map((e) => e.id),
  )
  const fresh = new Map<string, StatusEventRow>()
  const conflicts: Issue[] = []
  for (const e of list) {
    const row = rowOf(customerId, e)
    const earlier = stored.get(e.id) ?? fresh.get(e.id)?.body_hash
    if (earlier !== undefined && earlier !== row.body_hash)
      conflicts.push({
        ...e.origin,
        path: [...e.origin.path, 'id'],
        message: `"${e.id}" was stored before with other content`,
      })
    else if (earlier === undefined) fresh.set(e.id, row)
  }
  if (conflicts.length > 0)
    throw new AppError(
      'conflict',
      'status event ids already used for other content; none was stored',
      conflicts,
    )
  return [...fresh.values()]
}

function rowOf(customerId: string, e: StatusEvent): StatusEventRow {
  const { origin, ...content } = e
  return {
    customer_id: customerId,
    id: e.id,
    service: e.service,
    component: e.component,
    stream: e.stream,
    source: e.source ?? null,
    at: new Date(e.at),
    status: e.status,
    message: e.message ?? null,
    body_hash: contentHash({ ...content, customer: customerId }),
  }
}
