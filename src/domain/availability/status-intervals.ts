// What monitors and probes said, turned into what was true when: per component and stream,
// intervals of one status each. Time no interval covers is no data, never silently up or down.
import type { Span } from './span-set.ts'

export type Status = 'up' | 'degraded' | 'down' | 'unknown'
export const STATUSES: readonly Status[] = ['up', 'degraded', 'down', 'unknown']

/**
 * One report about one component. `holdMs` null: an external monitor, which reports changes,
 * so its status holds until its next report for the component. A number: a probe result,
 * which holds for the probe's interval plus a grace and then lapses into no data. `stream`
 * tells monitors of one component apart (default: one stream per component).
 */
export type Observation = {
  component: string
  stream?: string
  at: number
  status: Status
  holdMs: number | null
}

/** A component's status over [start, end) as one stream saw it: storage keeps these. */
export type StatusInterval = {
  component: string
  stream?: string
  status: Status
  start: number
  end: number
}

/**
 * Observations as intervals. Each holds until its stream's next observation (a later one
 * replaces it), a probe result at most `holdMs`, and none past `until`: what is known as of
 * then. Observations at the same instant: the later in the list wins.
 */
export function intervalsFromObservations(
  observations: readonly Observation[],
  until = Number.POSITIVE_INFINITY,
): StatusInterval[] {
  const out: StatusInterval[] = []
  const known = observations.filter((o) => o.at < until)
  for (const list of groupByStream(known, (o) => o.at).values()) {
    list.forEach((o, i) => {
      const next = list[i + 1]?.at ?? until
      const end = o.holdMs === null ? next : Math.min(next, o.at + o.holdMs)
      const stream = o.stream === undefined ? {} : { stream: o.stream }
      if (end > o.at) out.push({ component: o.component, ...stream, status: o.status, start: o.at, end })
    })
  }
  return out
}

export type StatusSpan = Span & { status: Status }

/**
 * Each component's timelines, one per stream, sorted and without overlaps: where two
 * intervals of a stream overlap, the one that starts later replaces the other from its start,
 * as a newer report replaces an older one.
 */
export function timelinesByComponent(intervals: readonly StatusInterval[]): Map<string, StatusSpan[][]> {
  const byComponent = new Map<string, StatusSpan[][]>()
  for (const list of groupByStream(intervals, (i) => i.start).values()) {
    const timeline = byComponent.get(list[0]!.component) ?? []
    timeline.push(streamTimeline(list))
    byComponent.set(list[0]!.component, timeline)
  }
  return byComponent
}

function streamTimeline(list: readonly StatusInterval[]): StatusSpan[] {
  const spans: StatusSpan[] = []
  for (const { start, end, status } of list) {
    if (end <= start) continue
    const last = spans[spans.length - 1]
    if (last && last.end > start) last.end = start
    if (last && last.end <= last.start) spans.pop()
    const previous = spans[spans.length - 1]
    if (previous && previous.end === start && previous.status === status) previous.end = end
    else spans.push({ start, end, status })
  }
  return spans
}

// Stable: equal instants keep the order they came in.
function groupByStream<T extends { component: string; stream?: string }>(
  items: readonly T[],
  time: (item: T) => number,
): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = item.stream === undefined ? item.component : `${item.component}\u0000${item.stream}`
    const list = groups.get(key)
    if (list) list.push(item)
    else groups.set(key, [item])
  }
  for (const list of groups.values()) list.sort((a, b) => time(a) - time(b))
  return groups
}
