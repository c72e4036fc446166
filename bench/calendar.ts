// Compares the calendar engine's `add` and `between` with dayjs-business-time and
// moment-business-time on the same seeded random queries: first whether they agree, then how many
// queries a second each answers.
//
// The peers compute in the process's local time zone, so TZ is pinned to UTC while this runs and
// all three use the same UTC calendar: Monday to Friday 08:00–12:00 and 13:00–18:00 (9 h a day,
// 45 h a week; both peers accept several intervals a day) with the bank holidays of England for
// 2026–2028. The peers count whole minutes, so every query instant falls on a whole minute.
import os from 'node:os'
import dayjs from 'dayjs'
import businessTime from 'dayjs-business-time'
import moment from 'moment'
import 'moment-business-time'
import { createCalendar } from '../src/domain/calendar.ts'
import { type Budget, type Measurement, measure, type Operation } from './lib/measure.ts'
import { seededRandom } from './lib/random.ts'
import { formatCount, formatPercent, formatTable } from './lib/table.ts'

declare module 'moment' {
  interface Moment {
    addWorkingTime(amount: number, unit: unitOfTime.Base): Moment
    workingDiff(other: Moment, unit: unitOfTime.Base): number
  }
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const SEED = 20260101
const POOL_SIZE = 1024 // queries per case; a power of two so an index wraps with a mask
const FIRST_START = Date.UTC(2026, 0, 1)
const LAST_START = Date.UTC(2028, 0, 1)
const GOAL_OPS_PER_SECOND = 1_000_000
const BUDGET: Budget = { warmupMs: 200, timeMs: 1000, minOps: 5, rounds: 5 }
// Before timing, each peer answers up to `max` queries of each pool, stopping after `ms` once it has
// answered `min` (a year-long `add` takes the peers 50–100 ms).
const CHECK = { max: 200, min: 20, ms: 1000 }

const OPEN_HOURS: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '18:00'],
]
const HOLIDAYS = [
  '2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28',
  '2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28',
  '2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26',
].flatMap((year) => year.split(' '))

type Span = { name: string; wall: number; business: number }

// `between` is asked about the wall-clock span; `add` for the business time that span holds on
// this calendar, holidays aside: 1 h for an hour, 5 × 9 h for a week, 13 such weeks for three
// months and 52 for a year.
const SPANS: readonly Span[] = [
  { name: '1 hour', wall: HOUR, business: HOUR },
  { name: '1 week', wall: 7 * DAY, business: 45 * HOUR },
  { name: '3 months', wall: 91 * DAY, business: 13 * 45 * HOUR },
  { name: '1 year', wall: 365 * DAY, business: 52 * 45 * HOUR },
]

/** One implementation, on epoch milliseconds: `add` returns an instant, `between` a duration. */
type Engine = {
  name: string
  /** For column headings. */
  short: string
  add(t: number, ms: number): number
  between(a: number, b: number): number
}

type Case = {
  operation: 'add' | 'between'
  span: Span
  op(engine: Engine): Operation
  describe(i: number): string
}

type Agreement = { checked: number; disagreed: number; example: string | null }

export async function run(): Promise<void> {
  const zone = process.env.TZ
  process.env.TZ = 'UTC'
  try {
    compare()
  } finally {
    if (zone === undefined) Reflect.deleteProperty(process.env, 'TZ')
    else process.env.TZ = zone
  }
}

function compare(): void {
  const [upheld, ...peers] = [upheldEngine(), dayjsEngine(), momentEngine()] as const
  const cases = buildCases(queryStarts())
  printSetup()

  const agreement = cases.map((c) => peers.map((peer) => checkAgreement(c, upheld, peer)))
  printAgreement(cases, peers, agreement)

  console.log(
    `\nThroughput in queries a second (each: ${BUDGET.warmupMs} ms warm-up, then ${BUDGET.timeMs} ms or at least ${BUDGET.minOps} queries in ${BUDGET.rounds} rounds; the median round)\n`,
  )
  const results = cases.map((c) => [upheld, ...peers].map((engine) => timed(c.op(engine))))
  printThroughput(cases, peers, results)
}

function upheldEngine(): Engine {
  const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, OPEN_HOURS]))
  const calendar = createCalendar({ timezone: 'UTC', week, holidays: HOLIDAYS })
  return {
    name: 'upheld',
    short: 'upheld',
    add: (t, ms) => calendar.add(t, ms).getTime(),
    between: (a, b) => calendar.between(a, b),
  }
}

function dayjsEngine(): Engine {
  dayjs.extend(businessTime)
  const day = OPEN_HOURS.map(([start, end]) => ({ start: `${start}:00`, end: `${end}:00` }))
  dayjs.setBusinessTime({
    sunday: null,
    monday: day,
    tuesday: day,
    wednesday: day,
    thursday: day,
    friday: day,
    saturday: null,
  })
  dayjs.setHolidays(HOLIDAYS)
  return {
    name: 'dayjs-business-time',
    short: 'dayjs',
    add: (t, ms) =>
      dayjs(t)
        .addBusinessMinutes(ms / MINUTE)
        .valueOf(),
    between: (a, b) => dayjs(a).businessMinutesDiff(dayjs(b)) * MINUTE,
  }
}

function momentEngine(): Engine {
  const day = OPEN_HOURS.flat().map((time) => `${time}:00`)
  moment.updateLocale('en', {
    workinghours: { 0: null, 1: day, 2: day, 3: day, 4: day, 5: day, 6: null },
    holidays: HOLIDAYS,
  })
  return {
    name: 'moment-business-time',
    short: 'moment',
    add: (t, ms) =>
      moment(t)
        .addWorkingTime(ms / MINUTE, 'minutes')
        .valueOf(),
    between: (a, b) => moment(b).workingDiff(moment(a), 'minutes') * MINUTE,
  }
}

/** Whole-minute instants drawn uniformly from 2026–2027; every case draws its queries from these. */
function queryStarts(): Float64Array {
  const random = seededRandom(SEED)
  const minutes = (LAST_START - FIRST_START) / MINUTE
  return Float64Array.from({ length: POOL_SIZE }, () => FIRST_START + Math.floor(random() * minutes) * MINUTE)
}

function buildCases(starts: Float64Array): Case[] {
  const mask = POOL_SIZE - 1
  const start = (i: number) => starts[i & mask]!
  return SPANS.flatMap((span): Case[] => [
    {
      operation: 'add',
      span,
      op: (engine) => (i) => engine.add(start(i), span.business),
      describe: (i) => `add(${iso(start(i))}, ${span.business / HOUR} h)`,
    },
    {
      operation: 'between',
      span,
      op: (engine) => (i) => engine.between(start(i), start(i) + span.wall),
      describe: (i) => `between(${iso(start(i))}, ${iso(start(i) + span.wall)})`,
    },
  ])
}

function checkAgreement(c: Case, reference: Engine, peer: Engine): Agreement {
  const expected = c.op(reference)
  const actual = c.op(peer)
  const show = (value: number) => (c.operation === 'add' ? iso(value) : `${value / MINUTE} min`)
  const started = performance.now()
  let checked = 0
  let disagreed = 0
  let example: string | null = null
  while (checked < CHECK.max && (checked < CHECK.min || performance.now() - started < CHECK.ms)) {
    const want = expected(checked)
    let got: string
    try {
      const value = actual(checked)
      got = value === want ? '' : show(value)
    } catch (error) {
      got = `an error (${String(error)})`
    }
    if (got !== '') {
      disagreed++
      example ??= `${c.describe(checked)}: upheld ${show(want)}, ${peer.name} ${got}`
    }
    checked++
  }
  return { checked, disagreed, example }
}

function timed(op: Operation): Measurement | Error {
  try {
    return measure(op, BUDGET)
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

function printSetup(): void {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU'
  console.log(
    [
      `Node ${process.version} on ${process.platform}/${process.arch}, ${cpu}; TZ pinned to UTC`,
      `Calendar: UTC, Mon–Fri 08:00–12:00 and 13:00–18:00, ${HOLIDAYS.length} holidays (England 2026–2028)`,
      `Queries: ${formatCount(POOL_SIZE)} whole-minute start instants drawn uniformly from 2026–2027 (seed ${SEED}), the same for every implementation`,
      `add is asked for the business time a span holds (${SPANS.map((s) => `${s.name}: ${formatCount(s.business / HOUR)} h`).join(', ')});`,
      'between for the business time in the wall-clock span from the start instant.',
    ].join('\n'),
  )
}

function printAgreement(cases: readonly Case[], peers: readonly Engine[], agreement: Agreement[][]): void {
  console.log(
    `\nDisagreements with upheld, checked before timing (up to ${CHECK.max} queries per case, fewer for slow peers)\n`,
  )
  const rows = cases.map((c, k) => [
    c.operation,
    c.span.name,
    ...agreement[k]!.map((a) => `${a.disagreed}/${a.checked} (${formatPercent(a.disagreed, a.checked)})`),
  ])
  console.log(formatTable(['operation', 'span', ...peers.map((p) => p.name)], rows, 2))
  const examples = cases.flatMap((_, k) => agreement[k]!.map((a) => a.example)).filter((e) => e !== null)
  if (examples.length > 0)
    console.log(`\nFirst disagreement in each case:\n${examples.map((e) => `  ${e}`).join('\n')}`)
}

function printThroughput(
  cases: readonly Case[],
  peers: readonly Engine[],
  results: (Measurement | Error)[][],
): void {
  const rate = (r: Measurement | Error | undefined) =>
    r instanceof Error || r === undefined ? null : r.opsPerSecond
  const rows = cases.map((c, k) => {
    const rates = results[k]!.map(rate)
    const own = rates[0] ?? null
    return [
      c.operation,
      c.span.name,
      ...rates.map((r) => (r === null ? 'failed' : formatCount(r))),
      ...rates.slice(1).map((r) => (own === null || r === null ? '–' : `${formatCount(own / r)}×`)),
    ]
  })
  const header = [
    'operation',
    'span',
    'upheld',
    ...peers.map((p) => p.name),
    ...peers.map((p) => `upheld/${p.short}`),
  ]
  console.log(formatTable(header, rows, 2))
  for (const [k, c] of cases.entries()) {
    for (const r of results[k]!)
      if (r instanceof Error) console.log(`${c.operation} ${c.span.name} failed: ${r.message}`)
  }

  const short = cases.flatMap((c, k) => {
    const own = rate(results[k]![0])
    return own !== null && own >= GOAL_OPS_PER_SECOND ? [] : [`${c.operation} ${c.span.name}`]
  })
  const goal = `Goal: upheld answers at least ${formatCount(GOAL_OPS_PER_SECOND)} queries a second at every span`
  console.log(`\n${goal}: ${short.length === 0 ? 'met' : `NOT met for ${short.join(', ')}`}`)
}

function iso(t: number): string {
  return new Date(t).toISOString().replace(':00.000Z', 'Z')
}
