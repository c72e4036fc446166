// The timers a ticket's clocks want armed: for every running clock, the instants at which its
// elapsed business time reaches each warning threshold (clock.warnAt), its target (the
// breach) and each escalation level that applies to its severity and metric (which may lie
// past the target). A paused or stopped clock wants none: its thresholds are re-armed when it
// runs again. Instants already past are still wanted, so that a timer the worker missed (it
// was down) fires late rather than never; the timers table remembers which have fired.
import type { Metric } from '../agreement/sections-service-levels.ts'
import type { Fraction } from './clock-policy.ts'
import { thresholdInstants } from './clock-view.ts'
import type { Stopwatch } from './stopwatch.ts'

export type TimerKind = 'warning' | 'breach' | 'escalation'

export type DesiredTimer = {
  agreement: string
  metric: Metric
  cycle: number
  severity: string
  kind: TimerKind
  /**
   * Which threshold of its kind: the escalation level, else the share of the target in basis
   * points (75% → 7500). A share, not a position in warnAt, so that a revision that drops a
   * threshold cannot make a fired one stand for another.
   */
  level: number
  /** The share of the target in percent, exactly as a decimal ('75', '87.5', '200'). */
  percent: string
  /** Contact ids the escalation level names; empty for warnings and breaches. */
  notify: readonly string[]
  dueAt: number
}

const FULL: Fraction = { num: 1, den: 1 }

/** The timers the clocks want, in the order of their clocks and then of their instants. */
export function desiredTimers(clocks: readonly Stopwatch[]): DesiredTimer[] {
  return clocks.flatMap((sw) => (sw.state === 'running' ? timersOfClock(sw) : []))
}

function timersOfClock(sw: Stopwatch): DesiredTimer[] {
  const escalations = sw.policy.escalation.filter(
    (e) => e.metric === sw.metric && e.severities.includes(sw.severity),
  )
  const wanted: { kind: TimerKind; level: number | null; at: Fraction; notify: readonly string[] }[] = [
    ...sw.policy.warnAt.map((at) => ({ kind: 'warning' as const, level: null, at, notify: [] })),
    { kind: 'breach', level: null, at: FULL, notify: [] },
    ...escalations.map((e) => ({ kind: 'escalation' as const, level: e.level, at: e.at, notify: e.notify })),
  ]
  const instants = thresholdInstants(
    sw,
    wanted.map((w) => w.at),
  )
  return wanted
    .flatMap((w, i) => {
      const dueAt = instants[i]?.at ?? null
      if (dueAt === null) return []
      return [
        {
          agreement: sw.policy.agreementId,
          metric: sw.metric,
          cycle: sw.cycle,
          severity: sw.severity,
          kind: w.kind,
          level: w.level ?? basisPoints(w.at),
          percent: percentText(w.at),
          notify: w.notify,
          dueAt,
        },
      ]
    })
    .sort((a, b) => a.dueAt - b.dueAt)
}

function basisPoints(f: Fraction): number {
  return Math.round((f.num * 10_000) / f.den)
}

/** num/den × 100 as an exact decimal: the fractions come from decimal percentages, so it ends. */
export function percentText(f: Fraction): string {
  const whole = Math.floor((f.num * 100) / f.den)
  let rest = (f.num * 100) % f.den
  let digits = ''
  for (let i = 0; rest !== 0 && i < 12; i++) {
    rest *= 10
    digits += String(Math.floor(rest / f.den))
    rest %= f.den
  }
  return digits === '' ? String(whole) : `${whole}.${digits}`
}
