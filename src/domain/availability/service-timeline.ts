// A service's status from its components' statuses, instant by instant.
import type { Span } from './span-set.ts'
import type { Status, StatusSpan } from './status-intervals.ts'

/**
 * `any-down`: the service is as bad as its worst component (down, then no data, then
 * degraded, then up): one component down takes it down, and while any is unknown it cannot
 * be called up. `all-down`: as good as its best component, down only when all are down.
 */
export type Aggregate = 'any-down' | 'all-down'

const WORST_FIRST: readonly Status[] = ['down', 'unknown', 'degraded', 'up']
const BEST_FIRST: readonly Status[] = [...WORST_FIRST].reverse()

/**
 * The service's status over all of `range`, as adjacent spans; a component with no interval
 * at some instant is unknown there. With no components at all, the whole range is unknown.
 */
export function serviceTimeline(
  timelines: readonly (readonly StatusSpan[])[],
  aggregate: Aggregate,
  range: Span,
): StatusSpan[] {
  const cuts = new Set([range.start, range.end])
  for (const timeline of timelines)
    for (const s of timeline) {
      if (s.start > range.start && s.start < range.end) cuts.add(s.start)
      if (s.end > range.start && s.end < range.end) cuts.add(s.end)
    }
  const points = [...cuts].sort((a, b) => a - b)
  // One cursor per component: both the cuts and each timeline only move forward.
  const cursors = timelines.map(() => 0)
  const out: StatusSpan[] = []
  for (let p = 0; p + 1 < points.length; p++) {
    const [start, end] = [points[p]!, points[p + 1]!]
    const statuses = timelines.map((timeline, c) => {
      while (cursors[c]! < timeline.length && timeline[cursors[c]!]!.end <= start) cursors[c]!++
      const s = timeline[cursors[c]!]
      return s && s.start <= start ? s.status : 'unknown'
    })
    const status = combine(statuses, aggregate)
    const last = out[out.length - 1]
    if (last && last.status === status) last.end = end
    else out.push({ start, end, status })
  }
  return out
}

function combine(statuses: Status[], aggregate: Aggregate): Status {
  if (statuses.length === 0) return 'unknown'
  const order = aggregate === 'any-down' ? WORST_FIRST : BEST_FIRST
  return order.find((s) => statuses.includes(s))!
}
