// After status intervals change (events ingested, probe results written), in the same
// transaction: each touched service's current status against what its contacts were last
// told. A confirmed outage or a recovery is told once to the contacts the agreement's
// monitoring section names (through the outbox), and an outage opens the incident ticket the
// agreement asks for, at its severity, so that its clocks start; the recovery resolves it.

import { contentHash } from '../domain/agreement/content-hash.ts'
import type { Agreement } from '../domain/agreement/schema.ts'
import { serviceTransition, type Transition } from '../domain/availability/transitions.ts'
import { type TicketEventInput, TicketEventSchema } from '../domain/clocks/ticket-events.ts'
import { namedContacts } from '../domain/notifications/message.ts'
import { buildServiceMessage } from '../domain/notifications/service-message.ts'
import { runsAsOf, worstStatus } from '../domain/status-runs.ts'
import { listEnabledChannels } from '../storage/notification-channels.ts'
import { insertNotifications } from '../storage/notifications.ts'
import { findOrganisation } from '../storage/organisations.ts'
import { saveServiceState, serviceStatesOf } from '../storage/service-states.ts'
import { currentIntervals } from '../storage/status-intervals.ts'
import { appendEvents, registerTickets } from '../storage/ticket-events.ts'
import { agreementsInForce, loadCustomerPolicies } from './customer-policies.ts'
import type { Deps } from './deps.ts'
import { outboxRows } from './enqueue-notification.ts'
import { DEFAULT_BASE_URL } from './fire-timers.ts'
import { eventRows } from './ingest-events.ts'
import { recomputeTickets } from './recompute-ticket.ts'
import { runOf } from './record-status.ts'

/** The transitions of every service these streams belong to, customer by customer. */
export async function trackTouchedServices(
  deps: Deps,
  streams: readonly { customer_id: string; service: string }[],
): Promise<void> {
  const byCustomer = new Map<string, Set<string>>()
  for (const s of streams)
    byCustomer.set(s.customer_id, (byCustomer.get(s.customer_id) ?? new Set()).add(s.service))
  for (const [customerId, services] of byCustomer)
    await trackServiceTransitions(deps, customerId, [...services])
}

type Current = { status: ReturnType<typeof worstStatus>; since: number }

/** Tells the transitions of these services of one customer; `deps.db` is the transaction. */
export async function trackServiceTransitions(
  deps: Deps,
  customerId: string,
  services: readonly string[],
): Promise<void> {
  if (services.length === 0) return
  const now = deps.now()
  const current = currentStatuses(await currentIntervals(deps.db, { customerId, services }), services, now)
  const known = new Map((await serviceStatesOf(deps.db, customerId, services)).map((r) => [r.service, r]))
  for (const service of services) {
    const status = current.get(service)
    if (!status) continue
    const row = known.get(service)
    const before = row ? { state: row.state, since: row.since.getTime() } : null
    const { next, transition } = serviceTransition(before, status)
    if (next === null || (before && next.state === before.state)) continue
    const incident = transition
      ? await tellTransition(deps, customerId, service, transition, before, row?.incident_ticket ?? null)
      : null
    await saveServiceState(deps.db, {
      customer_id: customerId,
      service,
      state: next.state,
      since: new Date(next.since),
      incident_ticket: incident,
      updated_at: new Date(now),
    })
  }
}

/** Each service's status now (the worst of its monitors') and since when it has been so. */
function currentStatuses(
  rows: Awaited<ReturnType<typeof currentIntervals>>,
  services: readonly string[],
  now: number,
): Map<string, Current> {
  const result = new Map<string, Current>()
  for (const service of services) {
    const runs = rows.filter((r) => r.service === service).flatMap((r) => runsAsOf([runOf(r)], now).slice(-1))
    if (runs.length === 0) continue
    const status = worstStatus(runs.map((r) => r.status))
    // Down since its first monitor saw it; up since its last monitor saw it recover.
    const starts = runs.filter((r) => r.status === status || status !== 'down').map((r) => r.start)
    result.set(service, { status, since: status === 'down' ? Math.min(...starts) : Math.max(...starts) })
  }
  return result
}

/** Enqueues the notices and opens or resolves the incident ticket; returns the open incident. */
async function tellTransition(
  deps: Deps,
  customerId: string,
  service: string,
  transition: Transition,
  before: { state: 'up' | 'down'; since: number } | null,
  incident: string | null,
): Promise<string | null> {
  const agreement = (await agreementsInForce(deps.db, customerId, transition.since)).find((a) =>
    (a.spec.monitoring ?? []).some((m) => m.target === service),
  )
  const monitors = (agreement?.spec.monitoring ?? []).filter((m) => m.target === service)
  const severity = monitors.find((m) => m.openIncident)?.openIncident?.severity
  let openIncident = incident
  if (transition.to === 'down' && severity && incident === null) {
    openIncident = `INC-${service}-${compactInstant(transition.since)}`
    await addTicketEvents(deps, customerId, [
      {
        id: `status:${openIncident}:created`,
        ticket: openIncident,
        type: 'created',
        at: new Date(transition.since).toISOString(),
        customer: customerId,
        service,
        severity,
        subject: `${serviceName(agreement, service)} is down`,
      },
    ])
  } else if (transition.to === 'up' && incident !== null) {
    await addTicketEvents(deps, customerId, [
      {
        id: `status:${incident}:resolved`,
        ticket: incident,
        type: 'status',
        at: new Date(transition.since).toISOString(),
        status: 'resolved',
      },
    ])
    openIncident = null
  }
  if (agreement)
    await enqueueTransition(
      deps,
      customerId,
      service,
      transition,
      before,
      agreement,
      monitors,
      openIncident ?? incident,
    )
  return openIncident
}

async function enqueueTransition(
  deps: Deps,
  customerId: string,
  service: string,
  transition: Transition,
  before: { state: 'up' | 'down'; since: number } | null,
  agreement: Agreement,
  monitors: NonNullable<Agreement['spec']['monitoring']>,
  incident: string | null,
): Promise<void> {
  const channels = await listEnabledChannels(deps.db)
  if (channels.length === 0) return
  const contacts = namedContacts(agreement.spec.contacts, [
    ...new Set(monitors.flatMap((m) => m.notify ?? [])),
  ])
  const customer = (await findOrganisation(deps.db, customerId))?.name ?? customerId
  const event = transition.to === 'down' ? 'service.down' : 'service.up'
  const message = buildServiceMessage({
    event,
    since: transition.since,
    service: { id: service, name: serviceName(agreement, service) },
    customer: { id: customerId, name: customer },
    agreementId: agreement.metadata.id,
    monitors: monitors.map((m) => m.id),
    incidentTicket: incident,
    downMs: transition.to === 'up' && before?.state === 'down' ? transition.since - before.since : null,
    contacts,
    baseUrl: deps.publicUrl ?? DEFAULT_BASE_URL,
  })
  const key = [event, customerId, service, transition.since]
  await insertNotifications(
    deps.db,
    outboxRows({ customerId, event, message, contacts, key }, channels, new Date(deps.now())),
  )
}

async function addTicketEvents(deps: Deps, customerId: string, events: TicketEventInput[]): Promise<void> {
  const parsed = events.map((e) => TicketEventSchema.parse(e))
  await registerTickets(
    deps.db,
    parsed.filter((e) => e.type === 'created').map((e) => ({ ticketId: e.ticket, customerId })),
  )
  await appendEvents(deps.db, eventRows(customerId, parsed, contentHash))
  const policies = await loadCustomerPolicies(deps.db, customerId)
  await recomputeTickets(deps.db, policies, customerId, [...new Set(parsed.map((e) => e.ticket))], deps.now())
}

function serviceName(agreement: Agreement | undefined, service: string): string {
  return agreement?.spec.services?.find((s) => s.id === service)?.name ?? service
}

/** 2026-10-03T10:00:00Z → 20261003T1000Z: a ticket id people can read. */
function compactInstant(t: number): string {
  const iso = new Date(t).toISOString()
  return `${iso.slice(0, 10).replaceAll('-', '')}T${iso.slice(11, 16).replace(':', '')}${iso.slice(17, 19) === '00' ? '' : iso.slice(17, 19)}Z`
}
