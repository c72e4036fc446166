// Objectives for tests: the fewest fields, every other one at its default.
import { type AvailabilityObjective, type ObjectiveRules, objectiveRules } from '../objective-rules.ts'
import type { Status, StatusInterval } from '../status-intervals.ts'

export function objective(fields: Partial<AvailabilityObjective> = {}): AvailabilityObjective {
  return { id: 'uptime', service: 'portal', target: '99.9%', period: 'month', noData: 'exclude', ...fields }
}

export function rulesFor(fields: Partial<AvailabilityObjective> = {}): ObjectiveRules {
  const rules = objectiveRules(objective(fields))
  if (!rules.ok) throw new Error(rules.issues.map((i) => i.message).join('; '))
  return rules.value
}

/** An instant written ISO 8601 with its offset. */
export function at(text: string): number {
  const t = Date.parse(text)
  if (Number.isNaN(t)) throw new Error(`not an instant: ${text}`)
  return t
}

export function interval(component: string, status: Status, from: string, to: string): StatusInterval {
  return { component, status, start: at(from), end: at(to) }
}

/** Back-to-back intervals of one component: from `from`, each status until its instant. */
export function runs(component: string, from: string, ...parts: [Status, string][]): StatusInterval[] {
  let start = from
  return parts.map(([status, until]) => {
    const made = interval(component, status, start, until)
    start = until
    return made
  })
}
