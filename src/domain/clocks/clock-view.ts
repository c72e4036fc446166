// What a clock looks like at an instant: the shape of the API, the CLI and `upheld simulate`.
import type { Fraction } from './clock-policy.ts'
import { dueAt, elapsedAt, isBreached, type Stopwatch } from './stopwatch.ts'

export type ClockView = {
  /** The agreement, named only when several measure the ticket (see selection.ts). */
  agreement?: string
  metric: string
  severity: string
  cycle: number
  state: 'running' | 'paused' | 'met' | 'cancelled'
  breached: boolean
  target_ms: number
  elapsed_ms: number
  due: string | null
  stopped_at: string | null
}

export type Threshold = { fraction: Fraction; at: number | null }

export function viewClock(sw: Stopwatch, at: number): ClockView {
  const stoppedAt = sw.stoppedAt !== null && sw.stoppedAt <= at ? sw.stoppedAt : null
  const due = dueAt(sw)
  return {
    metric: sw.metric,
    severity: sw.severity,
    cycle: sw.cycle,
    state: sw.state,
    breached: isBreached(sw, at),
    target_ms: sw.rule.ms,
    elapsed_ms: elapsedAt(sw, stoppedAt ?? at),
    due: due === null ? null : iso(due),
    stopped_at: stoppedAt === null ? null : iso(stoppedAt),
  }
}

/**
 * The instants at which the clock reaches each fraction of its target (by default the warnAt
 * of its pinned agreement version); null where it has not reached it and is paused or stopped.
 */
export function thresholdInstants(
  sw: Stopwatch,
  fractions: readonly Fraction[] = sw.policy.warnAt,
): Threshold[] {
  return fractions.map((fraction) => {
    const goal = Math.floor((sw.rule.ms * fraction.num) / fraction.den)
    return { fraction, at: instantOfElapsed(sw, goal) }
  })
}

function instantOfElapsed(sw: Stopwatch, goal: number): number | null {
  let spent = sw.carriedMs
  if (goal <= spent) return sw.runs[0]?.[0] ?? sw.startedAt
  for (const [start, end] of sw.runs) {
    const inRun = end === null ? Number.POSITIVE_INFINITY : sw.rule.calendar.between(start, end)
    if (inRun >= goal - spent) return sw.rule.calendar.add(start, goal - spent).getTime()
    spent += inRun
  }
  return null
}

function iso(t: number): string {
  return new Date(t).toISOString()
}
