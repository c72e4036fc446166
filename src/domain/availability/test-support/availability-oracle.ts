// A slow, obvious reading of the availability rules: it looks at every second on its own,
// with no spans and no sweeps, and shares no code with the engine. All instants given to it
// must be whole seconds.
import type { ObjectiveRules } from '../objective-rules.ts'
import type { Span } from '../span-set.ts'
import type { Observation, Status, StatusInterval } from '../status-intervals.ts'

const SECOND = 1000
const MINUTE = 60_000

export type OracleFigures = {
  eligibleMs: number
  downMs: number
  degradedMs: number
  unknownMs: number
  maintenanceMs: number
  incidents: Span[]
}

/** One monitor's view of one component: its status at any instant. */
export type Witness = { component: string; statusAt: (t: number) => Status }

const streamOf = (x: { component: string; stream?: string }) =>
  JSON.stringify([x.component, x.stream ?? null])

function witnesses<T extends { component: string; stream?: string }>(
  items: readonly T[],
  statusAt: (mine: T[], t: number) => Status,
): Witness[] {
  const streams = [...new Set(items.map(streamOf))]
  return streams.map((key) => {
    const mine = items.filter((x) => streamOf(x) === key)
    return { component: mine[0]!.component, statusAt: (t) => statusAt(mine, t) }
  })
}

/** From intervals: the one that started last by t, if it still runs. */
export function witnessesFromIntervals(intervals: readonly StatusInterval[]): Witness[] {
  return witnesses(intervals, (mine, t) => {
    let found: StatusInterval | undefined
    for (const i of mine) if (i.end > i.start && i.start <= t && (!found || i.start >= found.start)) found = i
    return found && t < found.end ? found.status : 'unknown'
  })
}

/** From observations: the latest report by t, unless it has lapsed; nothing at or after `until`. */
export function witnessesFromObservations(observations: readonly Observation[], until: number): Witness[] {
  return witnesses(
    observations.filter((o) => o.at < until),
    (mine, t) => {
      if (t >= until) return 'unknown'
      let found: Observation | undefined
      for (const o of mine) if (o.at <= t && (!found || o.at >= found.at)) found = o
      if (!found || (found.holdMs !== null && t >= found.at + found.holdMs)) return 'unknown'
      return found.status
    },
  )
}

export function oracleFigures(
  rules: ObjectiveRules,
  period: Span,
  witnesses: readonly Witness[],
  maintenance: readonly Span[],
): OracleFigures {
  const first = period.start - rules.minimumMs
  const n = (period.end + rules.minimumMs - first) / SECOND
  const time = (k: number) => first + k * SECOND
  const inPeriod = (k: number) => time(k) >= period.start && time(k) < period.end
  const status = Array.from({ length: n }, (_, k) => serviceStatus(rules, witnesses, time(k)))
  const inMaintenance = (k: number) =>
    rules.excludeMaintenance && inPeriod(k) && maintenance.some((m) => m.start <= time(k) && time(k) < m.end)
  const eligible = status.map(
    (s, k) => inPeriod(k) && !inMaintenance(k) && !(rules.noData === 'exclude' && s === 'unknown'),
  )
  const raw = status.map(
    (s) =>
      s === 'down' ||
      (rules.degradedCounts && s === 'degraded') ||
      (rules.noData === 'down' && s === 'unknown'),
  )
  const lasting = keepRunsOfAtLeast(raw, rules.minimumMs / SECOND)
  const down = lasting.map((d, k) => d && eligible[k]!)
  const counted = classify(rules, down, eligible, time)
  const count = (pick: (k: number) => boolean) => status.filter((_, k) => pick(k)).length * SECOND
  return {
    eligibleMs: count((k) => eligible[k]!),
    downMs: count((k) => counted[k]!),
    degradedMs: count((k) => eligible[k]! && status[k] === 'degraded'),
    unknownMs: count((k) => inPeriod(k) && !inMaintenance(k) && status[k] === 'unknown'),
    maintenanceMs: count(inMaintenance),
    incidents: runsOf(counted).map(([a, b]) => ({ start: time(a), end: time(b) })),
  }
}

function serviceStatus(rules: ObjectiveRules, all: readonly Witness[], t: number): Status {
  const chosen = rules.components
    ? rules.components.flatMap((c) => {
        const mine = all.filter((w) => w.component === c)
        return mine.length > 0 ? mine : [{ component: c, statusAt: () => 'unknown' as const }]
      })
    : all
  const statuses = chosen.map((w) => w.statusAt(t))
  if (statuses.length === 0) return 'unknown'
  const rank: Record<Status, number> = { up: 0, degraded: 1, unknown: 2, down: 3 }
  const ranks = statuses.map((s) => rank[s])
  const pick = rules.aggregate === 'any-down' ? Math.max(...ranks) : Math.min(...ranks)
  return statuses[ranks.indexOf(pick)]!
}

function classify(
  rules: ObjectiveRules,
  down: boolean[],
  eligible: boolean[],
  time: (k: number) => number,
): boolean[] {
  if (rules.classification === 'exact') return down
  const minuteOf = (k: number) => Math.floor(time(k) / MINUTE)
  const anyDown = new Set<number>()
  const anyUp = new Set<number>()
  down.forEach((d, k) => {
    if (d) anyDown.add(minuteOf(k))
    else if (eligible[k]) anyUp.add(minuteOf(k))
  })
  return down.map((d, k) =>
    rules.classification === 'any-overlap'
      ? eligible[k]! && anyDown.has(minuteOf(k))
      : d && !anyUp.has(minuteOf(k)),
  )
}

function keepRunsOfAtLeast(flags: boolean[], length: number): boolean[] {
  const out = flags.map(() => false)
  for (const [a, b] of runsOf(flags)) if (b - a >= length) for (let k = a; k < b; k++) out[k] = true
  return out
}

function runsOf(flags: boolean[]): [number, number][] {
  const runs: [number, number][] = []
  flags.forEach((f, k) => {
    const last = runs[runs.length - 1]
    if (!f) return
    if (last && last[1] === k) last[1] = k + 1
    else runs.push([k, k + 1])
  })
  return runs
}
