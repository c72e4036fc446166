// The public status pages. A customer's page shows the services its agreements in force mark
// public, each with its current status, 90 days of daily bars, its incidents, and the
// maintenance announced for them; nothing else of the agreement, and nothing of another
// customer. No login: everything here is what the provider chose to publish.
import type { AgreementSpec } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import { historyRange, serviceHistory } from '../domain/availability/daily-figures.ts'
import { maintenanceOccurrences } from '../domain/availability/maintenance.ts'
import {
  type AnnouncedMaintenance,
  announcedMaintenance,
  type PublicService,
  publicServices,
} from '../domain/availability/public-services.ts'
import type { Result } from '../domain/issues.ts'
import { DAY } from '../domain/time-zone.ts'
import type { MaintenanceView, ServiceView, StatusPageView } from '../render/status-page.ts'
import { findOrganisation, listOrganisations } from '../storage/organisations.ts'
import { type Deps, SYSTEM_ACTOR } from './deps.ts'
import { findAgreementsInForce, specOf } from './find-agreements-in-force.ts'
import { loadServiceIntervals } from './load-service-intervals.ts'

export const HISTORY_DAYS = 90
/** Announced maintenance shown: what ended in the last two weeks and what starts in the next 30 days. */
const RECENT_MS = 14 * DAY
const UPCOMING_MS = 30 * DAY

type Published = { spec: AgreementSpec; agreement: string; services: PublicService[] }
type Context = { deps: Deps; customerId: string; now: number }

/** The customer's page; null when there is none (no such customer, or nothing public). */
export async function buildStatusPage(deps: Deps, customerId: string): Promise<StatusPageView | null> {
  const organisation = await findOrganisation(deps.db, customerId)
  if (organisation?.kind !== 'customer') return null
  const now = deps.now()
  const published = await publishedBy(deps, customerId, now)
  if (published.length === 0) return null
  const services: ServiceView[] = []
  const maintenance: MaintenanceView[] = []
  const context = { deps, customerId, now }
  for (const source of published) {
    const { spec, agreement, services: listed } = source
    const range = { start: now - RECENT_MS, end: now + UPCOMING_MS }
    const windows = orFail(
      announcedMaintenance(
        spec,
        listed.map((s) => s.id),
        range,
        now,
      ),
      agreement,
    )
    const nameOf = (id: string) => listed.find((s) => s.id === id)?.name ?? id
    maintenance.push(...windows.map((w) => ({ ...w, services: w.services.map(nameOf) })))
    for (const service of listed) services.push(await serviceView(context, source, service, windows))
  }
  return {
    title: organisation.name,
    generatedAt: now,
    services,
    maintenance: maintenance.sort((a, b) => a.start - b.start),
  }
}

/** Every customer with a page, by name. */
export async function listStatusPages(deps: Deps): Promise<{ id: string; name: string }[]> {
  const customers = (await listOrganisations(deps.db)).filter((o) => o.kind === 'customer')
  const pages: { id: string; name: string }[] = []
  for (const customer of customers)
    if ((await publishedBy(deps, customer.id, deps.now())).length > 0)
      pages.push({ id: customer.id, name: customer.name })
  return pages.sort((a, b) => a.name.localeCompare(b.name))
}

// A service two agreements both mark public is shown once, as the first one measures it.
async function publishedBy(deps: Deps, customerId: string, now: number): Promise<Published[]> {
  const inForce = await findAgreementsInForce(deps, SYSTEM_ACTOR, { customer: customerId, at: now })
  const seen = new Set<string>()
  const out: Published[] = []
  for (const { agreement, version } of inForce.items) {
    const spec = specOf(version)
    const services = publicServices(spec).filter((s) => !seen.has(s.id))
    for (const s of services) seen.add(s.id)
    if (services.length > 0)
      out.push({ spec, agreement: `${agreement.id} version ${version.version}`, services })
  }
  return out
}

async function serviceView(
  { deps, customerId, now }: Context,
  { spec, agreement }: Published,
  service: PublicService,
  announced: readonly AnnouncedMaintenance[],
): Promise<ServiceView> {
  const range = historyRange(service.rules, now, HISTORY_DAYS)
  const intervals = await loadServiceIntervals(deps, customerId, service.id, range, now)
  const occurrences = orFail(
    maintenanceOccurrences(spec.maintenance ?? [], {
      service: service.id,
      range,
      effectiveFrom: spec.term?.effectiveFrom,
    }),
    agreement,
  )
  const maintenance = occurrences.filter((o) => o.qualifies)
  const history = serviceHistory({
    rules: service.rules,
    intervals,
    maintenance,
    asOf: now,
    count: HISTORY_DAYS,
  })
  return {
    id: service.id,
    name: service.name,
    status: history.current,
    inMaintenance: announced.some((w) => w.services.includes(service.id) && w.start <= now && now < w.end),
    timeZone: service.rules.timeZone,
    uptime: history.overall.uptime,
    noDataMs: history.overall.unknownMs,
    days: history.days,
    incidents: [...history.overall.incidents].reverse(),
  }
}

function orFail<T>(result: Result<T>, agreement: string): T {
  if (result.ok) return result.value
  throw new AppError('invalid_input', `agreement ${agreement}: its maintenance cannot be read`, result.issues)
}
