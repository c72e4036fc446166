// Availability objectives and maintenance: an objective that counts maintenance as downtime
// leaves room for it, every objective is measured by a monitor, rolling periods say how long
// they roll, and one-off windows are announced with the notice they promise.
import { percentValue } from '../agreement/primitives.ts'
import { formatDuration } from '../duration.ts'
import { addPeriodToInstant, parsePeriod } from '../period.ts'
import { DAY, HOUR, offsetAt, parseInstant } from '../time-zone.ts'
import { at, durationMs, indexed, quote, type Spec } from './facts.ts'
import { leastMaintenance, periodShape } from './maintenance-time.ts'
import { defineRule, type Problem } from './rule.ts'

type Objective = NonNullable<Spec['availability']>[number]

/** The longest the objective's period can be, in ms: a month of 31 days, plus the hour a fall-back adds. */
function longestPeriodMs(objective: Objective): number | undefined {
  if (objective.period === 'rolling')
    return objective.window === undefined ? undefined : durationMs(objective.window)
  const zone = objective.timezone ?? 'UTC'
  const shifts = offsetAt(zone, Date.UTC(2026, 0, 1)) !== offsetAt(zone, Date.UTC(2026, 6, 1))
  return (objective.period === 'month' ? 31 : 92) * DAY + (shifts ? HOUR : 0)
}

const maintenanceWithinBudget = defineRule({
  id: 'availability.maintenance-within-budget',
  section: 'availability',
  level: 'error',
  when: 'submit',
  description:
    'An objective that counts maintenance as downtime allows at least as much downtime as its maintenance windows take.',
  check: ({ spec }) =>
    indexed(spec.availability).flatMap(([objective, i]): Problem[] => {
      const [shape, longest] = [periodShape(objective), longestPeriodMs(objective)]
      if (objective.exclude?.includes('maintenance') || shape === undefined || longest === undefined)
        return []
      const shares = leastMaintenance(spec, objective, shape)
      const total = Math.min(
        shares.reduce((sum, s) => sum + s.totalMs, 0),
        shape.shortestDays * DAY,
      )
      const { num, den } = percentValue(objective.target)
      const scale = BigInt(100 * den)
      if (BigInt(total) * scale <= BigInt(longest) * (scale - BigInt(num))) return []
      const allowed = Number((BigInt(longest) * (scale - BigInt(num))) / scale)
      const parts = shares.map(
        (s) => `${quote(s.window.id)}: ${s.occurrences} × ${formatDuration(durationMs(s.window.duration))}`,
      )
      return [
        {
          path: at('availability', i),
          message: `objective ${quote(objective.id)} allows at most ${formatDuration(Math.floor(allowed / 1000) * 1000)} of downtime ${shape.label} at ${objective.target}, but maintenance of ${quote(objective.service)} takes at least ${formatDuration(total)} ${shape.label} (${parts.join(', ')}) and is not excluded: the objective cannot be met`,
          hint: 'add exclude: [maintenance] to the objective if maintenance does not count as downtime, or make the windows shorter or rarer',
        },
      ]
    }),
})

const MEASURING = new Set(['uptime', 'synthetic'])

const monitored = defineRule({
  id: 'availability.monitored',
  section: 'availability',
  level: 'warning',
  when: 'submit',
  description: 'Every availability objective has a monitor that measures it.',
  check: ({ spec }) =>
    indexed(spec.availability)
      .filter(
        ([o]) =>
          !(spec.monitoring ?? []).some(
            (m) => m.objective === o.id || (m.target === o.service && MEASURING.has(m.kind)),
          ),
      )
      .map(([o, i]) => ({
        path: at('availability', i),
        message: `availability objective ${quote(o.id)} has no monitor: nothing in this agreement measures the uptime of ${quote(o.service)}`,
        hint: `add a monitor with target: ${o.service} and kind: uptime, or one with objective: ${o.id}`,
      })),
})

const rollingWindowSet = defineRule({
  id: 'availability.rolling-window-set',
  section: 'availability',
  level: 'error',
  when: 'submit',
  description: 'An objective measured over a rolling period says how long the window is.',
  check: ({ spec }) =>
    indexed(spec.availability)
      .filter(([o]) => o.period === 'rolling' && o.window === undefined)
      .map(([o, i]) => ({
        path: at('availability', i),
        message: `objective ${quote(o.id)} is measured over a rolling period but has no window: its uptime cannot be computed`,
        hint: 'add window, e.g. window: 30d',
      })),
})

const noticeRespected = defineRule({
  id: 'maintenance.notice-respected',
  section: 'maintenance',
  level: 'error',
  when: 'submit',
  description: 'A one-off maintenance window was announced at least its notice period before it starts.',
  check: ({ spec }) =>
    indexed(spec.maintenance).flatMap(([w, i]): Problem[] => {
      if (w.start === undefined || w.announcedAt === undefined || w.notice === undefined) return []
      const [start, announced] = [parseInstant(w.start, w.timezone), parseInstant(w.announcedAt, w.timezone)]
      const notice = parsePeriod(w.notice)
      if (start === null || announced === null || notice === null) return []
      if (announced <= addPeriodToInstant(start, notice, w.timezone, -1)) return []
      return [
        {
          path: at('maintenance', i, 'announcedAt'),
          message: `maintenance window ${quote(w.id)} starts at ${w.start} (${w.timezone}) but was announced at ${w.announcedAt}, less than its notice of ${w.notice} before`,
          hint: 'move the window later, or agree a shorter notice for it',
        },
      ]
    }),
})

export const AVAILABILITY_RULES = [maintenanceWithinBudget, monitored, rollingWindowSet, noticeRespected]
