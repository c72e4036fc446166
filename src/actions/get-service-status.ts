// Reading availability as measured: each service's current status (the worst of what its
// monitors say now, a probe whose result has lapsed saying unknown) and a service's interval
// history. A customer reads only their own services.
import { AppError } from '../domain/app-error.ts'
import type { ServiceStatus } from '../domain/status-events.ts'
import { runsAsOf, type StatusRun, worstStatus } from '../domain/status-runs.ts'
import { currentIntervals, type IntervalRow, intervalsBetween } from '../storage/status-intervals.ts'
import { customerScope } from './access.ts'
import type { Actor, Deps } from './deps.ts'
import { runOf } from './record-status.ts'

/** One monitor's view of one component ('' is the service as a whole). */
export type StreamRun = StatusRun & { component: string; source: string }
export type ServiceStatusView = {
  customer: string
  service: string
  status: ServiceStatus
  streams: StreamRun[]
}

const DAY_MS = 86_400_000
export const MAX_INTERVALS = 5_000

export async function currentServiceStatus(
  deps: Deps,
  actor: Actor,
  query: { customer?: string; service?: string },
): Promise<ServiceStatusView[]> {
  const customerId = customerScope(actor, query.customer)
  const rows = await currentIntervals(deps.db, { customerId, service: query.service })
  const views = new Map<string, ServiceStatusView>()
  for (const row of rows) {
    const key = `${row.customer_id}\u0000${row.service}`
    const view = views.get(key) ?? {
      customer: row.customer_id,
      service: row.service,
      status: 'unknown',
      streams: [],
    }
    view.streams.push(...streamRuns([row], deps.now()).slice(-1))
    views.set(key, view)
  }
  for (const view of views.values()) view.status = worstStatus(view.streams.map((s) => s.status))
  return [...views.values()]
}

export async function serviceStatusHistory(
  deps: Deps,
  actor: Actor,
  service: string,
  query: { customer?: string; from?: number; to?: number },
): Promise<{ customer: string; service: string; from: number; to: number; intervals: StreamRun[] }> {
  const customerId = customerScope(actor, query.customer)
  if (customerId === undefined) {
    throw new AppError('invalid_input', 'name the customer', [
      { path: ['customer'], message: 'is required', hint: 'add ?customer=ORGANISATION-ID' },
    ])
  }
  const to = query.to ?? deps.now()
  const from = query.from ?? to - 7 * DAY_MS
  if (from >= to)
    throw new AppError('invalid_input', 'from must be before to', [
      { path: ['from'], message: 'is not before to' },
    ])
  const rows = await intervalsBetween(
    deps.db,
    customerId,
    service,
    new Date(from),
    new Date(to),
    MAX_INTERVALS,
  )
  return { customer: customerId, service, from, to, intervals: streamRuns(rows, deps.now()) }
}

// A probe's open run past its hold shows as ending there, with unknown after.
function streamRuns(rows: readonly IntervalRow[], now: number): StreamRun[] {
  return rows.flatMap((row) =>
    runsAsOf([runOf(row)], now).map((run) => ({ ...run, component: row.component, source: row.source })),
  )
}
