// What an agreement lets a public status page show: the services it marks public, each with
// the objective that says how its days are measured, and the maintenance it has announced for
// them. Nothing else of the agreement is public.
import type { AgreementSpec } from '../agreement/schema.ts'
import type { Result } from '../issues.ts'
import { parseInstant } from '../time-zone.ts'
import { maintenanceOccurrences } from './maintenance.ts'
import { type AvailabilityObjective, type ObjectiveRules, objectiveRules } from './objective-rules.ts'
import type { Span } from './span-set.ts'

export type PublicService = { id: string; name: string; rules: ObjectiveRules }

export type AnnouncedMaintenance = Span & {
  window: string
  /** The public services it applies to, by id. */
  services: string[]
  timeZone: string
  description?: string
}

/**
 * The services marked `public: true`, on the service itself or on an availability objective
 * of it, in the agreement's order (services first).
 */
export function publicServices(spec: AgreementSpec): PublicService[] {
  const objectives = spec.availability ?? []
  const ids = [
    ...(spec.services ?? []).filter((s) => s.public).map((s) => s.id),
    ...objectives.filter((o) => o.public).map((o) => o.service),
  ]
  return [...new Set(ids)].map((id) => ({
    id,
    name: spec.services?.find((s) => s.id === id)?.name ?? id,
    rules: rulesOf(objectives, id),
  }))
}

// The service's public objective sets its day boundaries and what counts as down, else its
// first objective; one that cannot be measured (a rolling one without a window) is passed
// over rather than taking the page down. Without any: UTC days, announced maintenance shown
// as maintenance.
function rulesOf(objectives: readonly AvailabilityObjective[], service: string): ObjectiveRules {
  const own = objectives.filter((o) => o.service === service)
  for (const objective of [...own.filter((o) => o.public), ...own.filter((o) => !o.public)]) {
    const rules = objectiveRules(objective)
    if (rules.ok) return rules.value
  }
  return {
    id: service,
    service,
    targetText: '100',
    target: { num: 100, den: 1 },
    period: 'month',
    windowMs: null,
    timeZone: 'UTC',
    components: null,
    aggregate: 'any-down',
    minimumMs: 0,
    classification: 'exact',
    degradedCounts: false,
    noData: 'exclude',
    excludeMaintenance: true,
  }
}

/**
 * The qualifying maintenance windows of `services` that overlap `range` and had been announced
 * by `now`, one entry per occurrence, by start. A recurring window is announced by the
 * agreement; a one-off window with an `announcedAt` still to come is not public yet.
 */
export function announcedMaintenance(
  spec: AgreementSpec,
  services: readonly string[],
  range: Span,
  now: number,
): Result<AnnouncedMaintenance[]> {
  const windows = spec.maintenance ?? []
  const byOccurrence = new Map<string, AnnouncedMaintenance>()
  for (const service of services) {
    const found = maintenanceOccurrences(windows, { service, range, effectiveFrom: spec.term?.effectiveFrom })
    if (!found.ok) return found
    for (const occurrence of found.value) {
      const window = windows.find((w) => w.id === occurrence.window)!
      if (!occurrence.qualifies || !announcedBy(window, now)) continue
      const key = `${occurrence.window}@${occurrence.start}`
      const known = byOccurrence.get(key)
      if (known) known.services.push(service)
      else
        byOccurrence.set(key, {
          window: occurrence.window,
          start: occurrence.start,
          end: occurrence.end,
          services: [service],
          timeZone: window.timezone,
          ...(window.description === undefined ? {} : { description: window.description }),
        })
    }
  }
  return { ok: true, value: [...byOccurrence.values()].sort((a, b) => a.start - b.start) }
}

function announcedBy(window: NonNullable<AgreementSpec['maintenance']>[number], now: number): boolean {
  if (window.rrule !== undefined || window.announcedAt === undefined) return true
  const announced = parseInstant(window.announcedAt, window.timezone)
  return announced !== null && announced <= now
}
