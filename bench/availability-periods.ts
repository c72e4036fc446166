// Period computation: a year (2026) of one-minute checks for 500 services, turned into
// run-length intervals as storage keeps them, then every month (in Europe/London, so two have
// a clock change) and the year measured with measureObjective, beside the peers' way: counting
// up beats over all beats per period on the raw minute array (Uptime Kuma, Gatus, OpenStatus's
// default), over UTC months, with no maintenance and no notion of missing data.
//   npm run bench -- availability-periods        BENCH_SERVICES=50 for a quick look
import type { AgreementSpec } from '../src/domain/agreement/schema.ts'
import { maintenanceOccurrences } from '../src/domain/availability/maintenance.ts'
import { measureObjective } from '../src/domain/availability/measure-objective.ts'
import { calendarPeriod, type PeriodLabel } from '../src/domain/availability/reporting-period.ts'
import type { StatusInterval } from '../src/domain/availability/status-intervals.ts'
import { foldReports, runsAsOf, type StatusReport } from '../src/domain/status-runs.ts'
import { seededRandom } from './lib/random.ts'
import { formatCount, formatTable } from './lib/table.ts'

const SERVICES = Number(process.env.BENCH_SERVICES ?? 500)
const MINUTE = 60_000
const YEAR = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) }
const MINUTES = (YEAR.end - YEAR.start) / MINUTE
// A probe's result holds for its interval plus a grace (its timeout, 10 s, and 5 s).
const HOLD_MS = MINUTE + 15_000
const [NONE, UP, DEGRADED, DOWN] = [0, 1, 2, 3] as const
const MONTHS: PeriodLabel[] = Array.from({ length: 12 }, (_, i) => ({ year: 2026, month: i + 1, months: 1 }))
const TARGET = 0.999

const SPEC = {
  term: { effectiveFrom: '2026-01-01' },
  availability: [
    {
      id: 'month',
      service: 'svc',
      target: '99.9%',
      period: 'month',
      timezone: 'Europe/London',
      downtime: { minimum: '1m' },
      noData: 'exclude',
      exclude: ['maintenance'],
    },
    {
      id: 'year',
      service: 'svc',
      target: '99.9%',
      period: 'rolling',
      window: '365d',
      downtime: { minimum: '1m' },
      noData: 'exclude',
      exclude: ['maintenance'],
    },
  ],
  maintenance: [
    {
      id: 'sunday',
      services: ['svc'],
      rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0',
      timezone: 'Europe/London',
      duration: '2h',
      notice: 'P2D',
    },
  ],
} as unknown as AgreementSpec

// The agreement's windows as minutes of the year, for the peer that is told about them.
const MAINTENANCE = maintenanceMask()

type Answers = {
  upheld: (number | null)[]
  naive: (number | null)[]
  naiveOutsideMaintenance: (number | null)[]
}

export async function run(): Promise<void> {
  const totals = { upheldMs: 0, naiveMs: 0, foldMs: 0, intervals: 0, calls: 0, unknownMin: 0 }
  const answers: Answers[] = []
  for (let s = -10; s < SERVICES; s++) {
    // The first ten are a warm-up for the JIT and are not counted.
    const beats = generateBeats(seededRandom(1000 + Math.abs(s)), Math.abs(s) % 10 === 0)
    let t = performance.now()
    const intervals = intervalsFromBeats(beats)
    const foldMs = performance.now() - t
    t = performance.now()
    const upheld = measureUpheld(intervals)
    const upheldMs = performance.now() - t
    t = performance.now()
    const naive = measureNaive(beats)
    const naiveMs = performance.now() - t
    const naiveOutsideMaintenance = measureNaive(beats, MAINTENANCE)
    if (s < 0) continue
    Object.assign(totals, {
      upheldMs: totals.upheldMs + upheldMs,
      naiveMs: totals.naiveMs + naiveMs,
      foldMs: totals.foldMs + foldMs,
      intervals: totals.intervals + intervals.length,
      calls: totals.calls + upheld.length,
      unknownMin: totals.unknownMin + beats.filter((b) => b === NONE).length,
    })
    answers.push({ upheld, naive, naiveOutsideMaintenance })
  }
  printTimes(totals)
  printDifferences(answers)
}

/** A service's year, minute by minute: mostly up, with outages, flaps, slow spells, silent gaps. */
function generateBeats(random: () => number, flappy: boolean): Uint8Array {
  const beats = new Uint8Array(MINUTES).fill(UP)
  const stretch = (count: number, minLength: number, maxLength: number, value: number) => {
    for (let i = 0; i < count; i++) {
      const start = Math.floor(random() * MINUTES)
      const length = minLength + Math.floor(random() ** 3 * (maxLength - minLength))
      beats.fill(value, start, Math.min(MINUTES, start + length))
    }
  }
  stretch(20, 5, 60, DEGRADED)
  stretch(12, 1, 240, DOWN)
  stretch(flappy ? 500 : 40, 1, 2, DOWN)
  stretch(6, 5, 120, NONE)
  stretch(1, 360, 2880, NONE)
  maintenanceOutages(beats, random)
  return beats
}

// Work in Sunday's 02:00–04:00 London window often takes the service down, now and then past the
// window's end: the peers count all of it, the agreement none of it but the overrun.
function maintenanceOutages(beats: Uint8Array, random: () => number): void {
  const firstSunday = 3 // 2026-01-04
  for (let day = firstSunday; day < 365; day += 7) {
    if (random() < 0.7) continue
    const summer = day >= 88 && day < 298 // 29 March to 25 October: BST
    const start = day * 1440 + 120 - (summer ? 60 : 0) + Math.floor(random() * 60)
    const length = 10 + Math.floor(random() * (random() < 0.1 ? 120 : 50))
    beats.fill(DOWN, start, Math.min(MINUTES, start + length))
  }
}

function maintenanceMask(): Uint8Array {
  const mask = new Uint8Array(MINUTES)
  const found = maintenanceOccurrences(SPEC.maintenance!, {
    service: 'svc',
    range: YEAR,
    effectiveFrom: '2026-01-01',
  })
  if (!found.ok) throw new Error('the benchmark agreement has a broken window')
  for (const o of found.value.filter((w) => w.qualifies))
    mask.fill(1, (o.start - YEAR.start) / MINUTE, (o.end - YEAR.start) / MINUTE)
  return mask
}

/** As storage keeps a probe's results: run-length intervals, unknown where a result lapsed. */
function intervalsFromBeats(beats: Uint8Array): StatusInterval[] {
  const reports: StatusReport[] = []
  const status = [null, 'up', 'degraded', 'down'] as const
  for (let m = 0; m < beats.length; m++) {
    const s = status[beats[m]!]
    const at = YEAR.start + m * MINUTE
    if (s) reports.push({ at, status: s, holdsUntil: at + HOLD_MS })
  }
  return runsAsOf(foldReports(null, reports), YEAR.end).map((run) => ({
    component: 'web',
    stream: 'probe',
    status: run.status,
    start: run.start,
    end: run.end ?? YEAR.end,
  }))
}

function measureUpheld(intervals: StatusInterval[]): (number | null)[] {
  const out: (number | null)[] = []
  const periods = [...MONTHS.map((label) => ({ id: 'month', label })), { id: 'year', label: null }]
  for (const { id, label } of periods) {
    const result = measureObjective(SPEC, id, { label, asOf: YEAR.end }, intervals)
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '))
    const uptime = result.value.figures.uptime
    out.push(uptime === null ? null : Number(uptime) / 100)
  }
  return out
}

/**
 * Up beats (degraded ones are up) over all beats, per UTC month and for the year; with `skip`,
 * leaving out the minutes it marks (Kuma's own maintenance beats, given the agreement's windows).
 */
function measureNaive(beats: Uint8Array, skip?: Uint8Array): (number | null)[] {
  const ranges = [...MONTHS.map((label) => calendarPeriod(label, 'UTC')), YEAR]
  return ranges.map(({ start, end }) => {
    let up = 0
    let all = 0
    for (let m = (start - YEAR.start) / MINUTE; m < (end - YEAR.start) / MINUTE; m++) {
      const b = beats[m]!
      if (b === NONE || skip?.[m]) continue
      all++
      if (b !== DOWN) up++
    }
    return all === 0 ? null : up / all
  })
}

function printTimes(t: {
  upheldMs: number
  naiveMs: number
  foldMs: number
  intervals: number
  calls: number
  unknownMin: number
}) {
  const perCall = (ms: number) => `${formatCount((ms * 1000) / t.calls)} µs`
  console.log(
    `${SERVICES} services × (12 months + the year) = ${formatCount(t.calls)} period figures, from ${formatCount(SERVICES * MINUTES)} one-minute checks\n`,
  )
  console.log(
    formatTable(
      ['approach', 'total', 'per period', 'input per service'],
      [
        [
          'upheld measureObjective (intervals)',
          `${(t.upheldMs / 1000).toFixed(2)} s`,
          perCall(t.upheldMs),
          `${formatCount(t.intervals / SERVICES)} intervals`,
        ],
        [
          'naive beat count (raw minutes)',
          `${(t.naiveMs / 1000).toFixed(2)} s`,
          perCall(t.naiveMs),
          `${formatCount(MINUTES)} beats`,
        ],
      ],
    ),
  )
  console.log(`\nupheld / naive time: ${(t.upheldMs / t.naiveMs).toFixed(2)}×`)
  console.log(
    `building the intervals from the checks (foldReports, as storage does): ${(t.foldMs / 1000).toFixed(2)} s`,
  )
  console.log(`checks missing (monitor silent): ${((100 * t.unknownMin) / (SERVICES * MINUTES)).toFixed(3)}%`)
}

function printDifferences(answers: Answers[]) {
  const rows = (['naive', 'naiveOutsideMaintenance'] as const).map((variant) => {
    let [agree, naiveMet, naiveMissed, sum, n, worst] = [0, 0, 0, 0, 0, 0]
    for (const { upheld, ...naive } of answers)
      upheld.forEach((u, period) => {
        const v = naive[variant][period]
        if (u == null || v == null) return
        const diff = Math.abs(u - v) * 100
        ;[sum, n, worst] = [sum + diff, n + 1, Math.max(worst, diff)]
        if (u >= TARGET === v >= TARGET) agree++
        else if (v >= TARGET) naiveMet++
        else naiveMissed++
      })
    return [agree, naiveMet, naiveMissed].map(formatCount).concat((sum / n).toFixed(4), worst.toFixed(4))
  })
  console.log(
    '\nanswers against a 99.9% target (upheld: London months, maintenance excluded, 1-minute minimum)\n',
  )
  const labels = [
    'same verdict as upheld',
    'peer says met, upheld missed',
    'peer says missed, upheld met',
    'mean |difference|, points',
    'largest |difference|, points',
  ]
  console.log(
    formatTable(
      ['', 'naive beat count', 'naive, maintenance beats dropped'],
      labels.map((label, i) => [label, rows[0]![i]!, rows[1]![i]!]),
    ),
  )
}
