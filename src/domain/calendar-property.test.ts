// Properties of the calendar engine on random calendars (random zones, weekly hours with
// overnight and touching intervals, holidays and overrides, most of the time around a DST change),
// checked against a minute-stepping oracle that shares no code with the engine.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { AppError } from './app-error.ts'
import { type Calendar, createCalendar, parseCalendar } from './calendar.ts'
import { type CalendarOracle, calendarOracle } from './test-support/calendar-oracle.ts'
import {
  type CalendarCase,
  calendarCaseFrom,
  DAY,
  type DrawnCalendar,
  type DrawnDay,
  FIRST,
  HOUR,
  LAST,
  MINUTE,
  offsetChanges,
  QUERY_REACH,
  ZONES,
} from './test-support/random-calendar.ts'

// Times of day: often on the half hour (so intervals touch), often in the small hours (where
// clocks change), else any minute.
const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 48 }).map((h) => h * 30),
  fc.integer({ min: 0, max: 4 * 60 }),
  fc.integer({ min: 0, max: 1440 }),
)
const dayHours: fc.Arbitrary<DrawnDay> = fc.record({
  points: fc.array(minuteOfDay, { maxLength: 6 }),
  overnight: fc.option(fc.record({ start: minuteOfDay, end: minuteOfDay }), { freq: 3 }),
})
// Hours crowded into the late evening and the small hours, for the days the clocks change.
const night = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1200, max: 1440 }))
const nightHours: fc.Arbitrary<DrawnDay> = fc.record({
  points: fc.array(night, { maxLength: 6 }),
  overnight: fc.option(fc.record({ start: night, end: night }), { freq: 2 }),
})
const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
const week = fc.oneof(
  { weight: 1, arbitrary: fc.constant('24x7' as const) },
  {
    weight: 8,
    arbitrary: fc.record(Object.fromEntries(weekdays.map((d) => [d, dayHours])), { requiredKeys: [] }),
  },
)
const dated = <T>(days: number, hours: fc.Arbitrary<T>) =>
  fc.record({ day: fc.integer({ min: -days, max: days }), yearly: fc.boolean(), hours })

// Anywhere in 2025–2027 with room for the window, or within two days of an offset change.
const anyCalendar: fc.Arbitrary<DrawnCalendar> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    nearChange: fc.boolean(),
    anchorMinutes: fc.integer({ min: 10 * 1440, max: (LAST - FIRST) / MINUTE - 20 * 1440 }),
    changePick: fc.nat(),
    week,
    holidays: fc.array(dated(6, fc.constant(null)), { maxLength: 3 }),
    overrides: fc.array(dated(6, dayHours), { maxLength: 3 }),
  })
  .map((drawn) => ({
    ...drawn,
    anchorMinutes: drawn.nearChange ? (drawn.anchorMinutes % (4 * 1440)) - 2 * 1440 : drawn.anchorMinutes,
  }))

// The days either side of an offset change, with hours in the night where the gaps and overlaps
// are: an interval opening in a gap lands past its end, maybe after the next one's opening.
const aroundChange: fc.Arbitrary<DrawnCalendar> = fc.record({
  zone: fc.constantFrom(...ZONES.filter((zone) => offsetChanges(zone).length > 0)),
  nearChange: fc.constant(true),
  anchorMinutes: fc.integer({ min: -180, max: 180 }),
  changePick: fc.nat(),
  week: fc.oneof(fc.constant({}), week),
  holidays: fc.array(dated(1, fc.constant(null)), { maxLength: 2 }),
  overrides: fc.array(dated(1, nightHours), { minLength: 1, maxLength: 3 }),
})

const calendarCase: fc.Arbitrary<CalendarCase> = fc
  .oneof({ weight: 2, arbitrary: anyCalendar }, { weight: 1, arbitrary: aroundChange })
  .map(calendarCaseFrom)
  // Drops calendars the engine rightly rejects: never open, or an overnight interval running into the next day's.
  .filter((c) => parseCalendar(c.spec).ok)

/** An instant on a whole minute within QUERY_REACH of the anchor, as an offset from it. */
const queryOffset = fc
  .integer({ min: -QUERY_REACH / MINUTE, max: QUERY_REACH / MINUTE })
  .map((m) => m * MINUTE)
/** A duration of business time on whole minutes, up to a day and a half, either sign. */
const duration = fc.oneof(
  fc.integer({ min: -36 * 60, max: 36 * 60 }).map((m) => m * MINUTE),
  fc.integer({ min: -36, max: 36 }).map((h) => h * HOUR),
)

const RUNS = { numRuns: 100 }

function setup(c: CalendarCase): { calendar: Calendar; oracle: CalendarOracle } {
  return { calendar: createCalendar(c.spec), oracle: calendarOracle(c.spec, c.from, c.to) }
}

/** The engine's answer in epoch ms, or the code of the AppError it threw. */
function attempt(answer: () => Date): number | string {
  try {
    return answer().getTime()
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

const show = (t: number | string | null) => (typeof t === 'number' ? new Date(t).toISOString() : t)

/**
 * The engine gives the oracle's answer; when the oracle's window holds none, the engine's lies
 * beyond the window, or the engine reports that there is none in reach.
 */
function assertAgrees(
  engine: number | string,
  oracle: number | null,
  c: CalendarCase,
  direction: 1 | -1,
  what: string,
) {
  if (oracle !== null) {
    assert.equal(show(engine), show(oracle), what)
  } else if (typeof engine === 'string') {
    assert.ok(engine === 'no_open_time' || engine === 'out_of_range', `${what}: threw ${engine}`)
  } else {
    assert.ok(
      direction > 0 ? engine >= c.to : engine < c.from,
      `${what}: ${show(engine)} but the oracle found none in its window`,
    )
  }
}

describe('the calendar engine agrees with the minute-stepping oracle', () => {
  test('isOpen agrees with the oracle and with periods', () => {
    fc.assert(
      fc.property(calendarCase, fc.array(queryOffset, { minLength: 1, maxLength: 8 }), (c, offsets) => {
        const { calendar, oracle } = setup(c)
        for (const offset of offsets) {
          const t = c.anchor + offset
          const open = calendar.isOpen(t)
          assert.equal(open, oracle.isOpen(t), `isOpen(${show(t)})`)
          const inPeriods = calendar
            .periods(t - DAY, t + DAY)
            .some(([s, e]) => s.getTime() <= t && t < e.getTime())
          assert.equal(inPeriods, open, `periods around ${show(t)}`)
        }
      }),
      RUNS,
    )
  })

  test('periods agree with the oracle', () => {
    fc.assert(
      fc.property(calendarCase, queryOffset, queryOffset, (c, x, y) => {
        const { calendar, oracle } = setup(c)
        const [a, b] = [c.anchor + x, c.anchor + y]
        const periods = calendar.periods(a, b).map(([s, e]) => [show(s.getTime()), show(e.getTime())])
        const expected = a < b ? oracle.periods(a, b).map(([s, e]) => [show(s), show(e)]) : []
        assert.deepEqual(periods, expected)
      }),
      RUNS,
    )
  })

  test('between agrees with the oracle’s count of open minutes, either way round', () => {
    fc.assert(
      fc.property(calendarCase, queryOffset, queryOffset, (c, x, y) => {
        const { calendar, oracle } = setup(c)
        const [a, b] = [c.anchor + x, c.anchor + y]
        assert.equal(calendar.between(a, b), oracle.between(a, b))
        assert.equal(calendar.between(b, a), 0 - oracle.between(a, b))
      }),
      RUNS,
    )
  })

  test('the searches agree with the oracle', () => {
    const searches = [
      ['nextOpen', 1],
      ['previousClose', -1],
      ['nextOpening', 1],
      ['nextClosing', 1],
      ['previousOpening', -1],
      ['previousClosing', -1],
    ] as const
    fc.assert(
      fc.property(calendarCase, queryOffset, (c, offset) => {
        const { calendar, oracle } = setup(c)
        const t = c.anchor + offset
        for (const [search, direction] of searches) {
          const engine = attempt(() => calendar[search](t))
          assertAgrees(engine, oracle[search](t), c, direction, `${search}(${show(t)})`)
        }
      }),
      RUNS,
    )
  })

  test('add agrees with the oracle, forward, backward and by zero', () => {
    fc.assert(
      fc.property(calendarCase, queryOffset, duration, (c, offset, d) => {
        const { calendar, oracle } = setup(c)
        const t = c.anchor + offset
        const direction = d < 0 ? -1 : 1
        assertAgrees(
          attempt(() => calendar.add(t, d)),
          oracle.add(t, d),
          c,
          direction,
          `add(${show(t)}, ${d})`,
        )
        assertAgrees(
          attempt(() => calendar.subtract(t, -d)),
          oracle.add(t, d),
          c,
          direction,
          `subtract(${show(t)}, ${-d})`,
        )
      }),
      RUNS,
    )
  })
})

// These relate the engine's answers to one another, so they need no window and reach further.
describe('the calendar engine is consistent with itself', () => {
  const far = fc.integer({ min: -40 * 1440, max: 40 * 1440 }).map((m) => m * MINUTE)
  const long = fc.oneof(
    duration,
    fc.integer({ min: -200, max: 200 }).map((h) => h * HOUR),
  )

  /**
   * Runs the check, letting through only the engine's report that the answer is out of reach:
   * no open time within ten years, or more than 200 years away (a minute a year, say).
   */
  function unlessOutOfReach(check: () => void): void {
    try {
      check()
    } catch (error) {
      if (error instanceof AppError && (error.code === 'no_open_time' || error.code === 'out_of_range'))
        return
      throw error
    }
  }

  test('between(t, add(t, d)) is d, for every t and d', () => {
    fc.assert(
      fc.property(calendarCase, far, long, (c, offset, d) => {
        const calendar = createCalendar(c.spec)
        const t = c.anchor + offset
        unlessOutOfReach(() => assert.equal(calendar.between(t, calendar.add(t, d)), d))
      }),
      RUNS,
    )
  })

  test('add is monotone in the duration', () => {
    fc.assert(
      fc.property(calendarCase, far, long, long, (c, offset, x, y) => {
        const calendar = createCalendar(c.spec)
        const t = c.anchor + offset
        const [small, large] = x <= y ? [x, y] : [y, x]
        unlessOutOfReach(() =>
          assert.ok(calendar.add(t, small) <= calendar.add(t, large), `add(t, ${small}) ≤ add(t, ${large})`),
        )
      }),
      RUNS,
    )
  })

  test('add(add(t, x), y) is add(t, x + y) when x and y have the same sign', () => {
    // Not for opposite signs or y = 0: landing exactly on a close, a further add starts from
    // that close, and by zero it moves on to the next opening.
    fc.assert(
      fc.property(calendarCase, far, long, long, (c, offset, x, y) => {
        fc.pre(x !== 0 && y !== 0 && Math.sign(x) === Math.sign(y))
        const calendar = createCalendar(c.spec)
        const t = c.anchor + offset
        unlessOutOfReach(() =>
          assert.equal(
            show(calendar.add(calendar.add(t, x), y).getTime()),
            show(calendar.add(t, x + y).getTime()),
          ),
        )
      }),
      RUNS,
    )
  })

  test('subtract undoes add, and add undoes subtract, up to the closed time around t', () => {
    fc.assert(
      fc.property(calendarCase, far, long, (c, offset, d) => {
        fc.pre(d > 0)
        const calendar = createCalendar(c.spec)
        const t = c.anchor + offset
        unlessOutOfReach(() => {
          // Forward then back returns to t, or to the opening after it when t is closed.
          assert.equal(
            show(calendar.subtract(calendar.add(t, d), d).getTime()),
            show(calendar.nextOpen(t).getTime()),
          )
          // Back then forward returns to t when the time just before t is open, else to the close before it.
          const expected = calendar.isOpen(t - MINUTE) ? t : calendar.previousClose(t - MINUTE).getTime()
          assert.equal(show(calendar.add(calendar.subtract(t, d), d).getTime()), show(expected))
        })
      }),
      RUNS,
    )
  })

  test('between is additive and its sign follows the order of its arguments', () => {
    const year = fc.integer({ min: -400 * 1440, max: 400 * 1440 }).map((m) => m * MINUTE + (m % 7) * 1000)
    fc.assert(
      fc.property(calendarCase, year, year, year, (c, x, y, z) => {
        const calendar = createCalendar(c.spec)
        const [a, b, m] = [c.anchor + x, c.anchor + y, c.anchor + z]
        assert.equal(calendar.between(a, m) + calendar.between(m, b), calendar.between(a, b))
        assert.equal(calendar.between(b, a), 0 - calendar.between(a, b))
        if (a <= b) assert.ok(calendar.between(a, b) >= 0)
      }),
      RUNS,
    )
  })

  test('answers do not depend on which queries came before', () => {
    // The engine extends and rebuilds its tables as queries reach further; a calendar that has
    // answered questions about far-off years must answer as a fresh one does.
    const elsewhere = fc.integer({ min: -12, max: 12 }).map((years) => years * 365 * DAY)
    fc.assert(
      fc.property(calendarCase, elsewhere, far, long, (c, jump, offset, d) => {
        const fresh = createCalendar(c.spec)
        const used = createCalendar(c.spec)
        const t = c.anchor + offset
        const ask = (calendar: Calendar) => [
          attempt(() => calendar.add(t, d)),
          attempt(() => calendar.nextClosing(t)),
          attempt(() => calendar.previousOpening(t)),
          calendar.between(t - 3 * DAY, t + 3 * DAY),
        ]
        attempt(() => used.add(c.anchor + jump, d))
        attempt(() => used.previousClose(c.anchor + jump))
        assert.deepEqual(ask(used), ask(fresh))
      }),
      { numRuns: 30 },
    )
  })
})
