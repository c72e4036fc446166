// The calendar queries, one rule of the contract (docs/calendars.md) at a time. Zone changes
// are in calendar-dst.test.ts, validation in calendar-validation.test.ts, holiday sources in
// calendar-holidays.test.ts, the limits of a search in calendar-reach.test.ts.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type Calendar, createCalendar } from './calendar.ts'
import type { CalendarSpec, TimeInterval } from './calendar-spec.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const NINE_TO_FIVE: TimeInterval[] = [['09:00', '17:00']]

const iso = (t: Date | number) => new Date(t).toISOString()
/** An instant written with its offset, so that no test depends on the process's zone. */
const at = (text: string) => {
  const t = Date.parse(text)
  assert.ok(/(Z|[+-]\d\d:\d\d)$/.test(text) && Number.isFinite(t), `bad instant in a test: ${text}`)
  return t
}
const calendar = (week: CalendarSpec['week'], rest: Partial<CalendarSpec> = {}) =>
  createCalendar({ timezone: 'Europe/London', week, ...rest })

// Monday to Friday 09:00–17:00 in London. January 2026 there is GMT (UTC+0): Thu 1, Fri 2,
// Mon 5 … Fri 9, Sat 10, Sun 11, Mon 12.
const office = calendar({
  mon: NINE_TO_FIVE,
  tue: NINE_TO_FIVE,
  wed: NINE_TO_FIVE,
  thu: NINE_TO_FIVE,
  fri: NINE_TO_FIVE,
})

describe('add', () => {
  const cases: [string, string, number, string][] = [
    [
      'landing exactly on a close returns the close',
      '2026-01-09T09:00Z',
      8 * HOUR,
      '2026-01-09T17:00:00.000Z',
    ],
    ['one millisecond before the close', '2026-01-09T16:59:59.999Z', 1, '2026-01-09T17:00:00.000Z'],
    [
      'past the close, it goes on at the next opening',
      '2026-01-09T16:59:59.999Z',
      2,
      '2026-01-12T09:00:00.001Z',
    ],
    ['across the weekend', '2026-01-09T16:00Z', 2 * HOUR, '2026-01-12T10:00:00.000Z'],
    [
      'from closed time, counting starts at the next opening',
      '2026-01-10T12:00Z',
      HOUR,
      '2026-01-12T10:00:00.000Z',
    ],
    ['a whole week lands on Friday’s close', '2026-01-05T09:00Z', 40 * HOUR, '2026-01-09T17:00:00.000Z'],
    ['a week from mid-morning', '2026-01-05T10:30Z', 40 * HOUR, '2026-01-12T10:30:00.000Z'],
    ['zero while open is the instant itself', '2026-01-09T10:00Z', 0, '2026-01-09T10:00:00.000Z'],
    ['zero at an opening is the opening', '2026-01-09T09:00Z', 0, '2026-01-09T09:00:00.000Z'],
    ['zero while closed is the next opening', '2026-01-10T12:00Z', 0, '2026-01-12T09:00:00.000Z'],
    ['zero at a close is the next opening', '2026-01-09T17:00Z', 0, '2026-01-12T09:00:00.000Z'],
    ['negative goes backward', '2026-01-12T10:00Z', -2 * HOUR, '2026-01-09T16:00:00.000Z'],
    [
      'negative landing exactly on an opening returns the opening',
      '2026-01-12T10:00Z',
      -HOUR,
      '2026-01-12T09:00:00.000Z',
    ],
    [
      'negative from closed time counts back from the last close',
      '2026-01-10T12:00Z',
      -HOUR,
      '2026-01-09T16:00:00.000Z',
    ],
    [
      'negative from an opening goes into the day before',
      '2026-01-12T09:00Z',
      -1,
      '2026-01-09T16:59:59.999Z',
    ],
  ]
  for (const [rule, t, ms, expected] of cases) {
    test(`${rule}: add(${t}, ${ms})`, () => assert.equal(iso(office.add(at(t), ms)), expected))
  }

  test('subtract(t, d) is add(t, -d)', () => {
    assert.equal(iso(office.subtract(at('2026-01-12T10:00Z'), 2 * HOUR)), '2026-01-09T16:00:00.000Z')
    assert.equal(iso(office.subtract(at('2026-01-12T10:00Z'), -2 * HOUR)), '2026-01-12T12:00:00.000Z')
    assert.equal(iso(office.subtract(at('2026-01-10T12:00Z'), 0)), '2026-01-12T09:00:00.000Z')
  })

  test('instants go in as a Date or epoch milliseconds and come out as a Date', () => {
    const fromDate = office.add(new Date('2026-01-09T16:00:00Z'), 2 * HOUR)
    const fromNumber = office.add(at('2026-01-09T16:00Z'), 2 * HOUR)
    assert.ok(fromDate instanceof Date && fromNumber instanceof Date)
    assert.equal(fromDate.getTime(), fromNumber.getTime())
  })
})

describe('between', () => {
  const cases: [string, string, string, number][] = [
    ['within one interval', '2026-01-05T10:00Z', '2026-01-05T12:00Z', 2 * HOUR],
    ['across the weekend', '2026-01-09T16:00Z', '2026-01-12T10:00Z', 2 * HOUR],
    ['negative when b is before a', '2026-01-12T10:00Z', '2026-01-09T16:00Z', -2 * HOUR],
    ['a whole week', '2026-01-05T00:00Z', '2026-01-12T00:00Z', 40 * HOUR],
    ['nothing from a close to the next opening', '2026-01-09T17:00Z', '2026-01-12T09:00Z', 0],
    ['[a, b) counts the open instant a', '2026-01-12T09:00Z', '2026-01-12T09:00:00.001Z', 1],
    ['[a, b) stops before the close', '2026-01-09T16:59:59.999Z', '2026-01-09T17:00Z', 1],
    ['zero from an instant to itself', '2026-01-05T10:00Z', '2026-01-05T10:00Z', 0],
  ]
  for (const [rule, a, b, expected] of cases) {
    test(`${rule}: between(${a}, ${b})`, () => assert.equal(office.between(at(a), at(b)), expected))
  }
})

describe('intervals are half-open [open, close)', () => {
  const cases: [string, boolean][] = [
    ['2026-01-05T09:00Z', true],
    ['2026-01-05T08:59:59.999Z', false],
    ['2026-01-05T16:59:59.999Z', true],
    ['2026-01-05T17:00Z', false],
    ['2026-01-10T12:00Z', false],
  ]
  for (const [t, open] of cases)
    test(`isOpen(${t}) is ${open}`, () => assert.equal(office.isOpen(at(t)), open))
})

describe('searches', () => {
  type Search =
    | 'nextOpen'
    | 'previousClose'
    | 'nextOpening'
    | 'nextClosing'
    | 'previousOpening'
    | 'previousClosing'
  const cases: [Search, string, string, string][] = [
    ['nextOpen', '2026-01-05T10:00Z', '2026-01-05T10:00:00.000Z', 'is t while open'],
    ['nextOpen', '2026-01-10T12:00Z', '2026-01-12T09:00:00.000Z', 'is the next opening while closed'],
    ['nextOpen', '2026-01-09T17:00Z', '2026-01-12T09:00:00.000Z', 'is the next opening at a close'],
    ['previousClose', '2026-01-05T10:00Z', '2026-01-05T10:00:00.000Z', 'is t while open'],
    ['previousClose', '2026-01-10T12:00Z', '2026-01-09T17:00:00.000Z', 'is the last close while closed'],
    ['previousClose', '2026-01-09T17:00Z', '2026-01-09T17:00:00.000Z', 'is t at a close (at or before)'],
    ['nextOpening', '2026-01-05T08:00Z', '2026-01-05T09:00:00.000Z', 'is the next opening'],
    ['nextOpening', '2026-01-05T09:00Z', '2026-01-06T09:00:00.000Z', 'is strictly after t'],
    ['nextClosing', '2026-01-05T10:00Z', '2026-01-05T17:00:00.000Z', 'is the next close'],
    ['nextClosing', '2026-01-05T17:00Z', '2026-01-06T17:00:00.000Z', 'is strictly after t'],
    ['previousOpening', '2026-01-12T10:00Z', '2026-01-12T09:00:00.000Z', 'is the last opening'],
    ['previousOpening', '2026-01-12T09:00Z', '2026-01-09T09:00:00.000Z', 'is strictly before t'],
    ['previousClosing', '2026-01-10T12:00Z', '2026-01-09T17:00:00.000Z', 'is the last close'],
    ['previousClosing', '2026-01-09T17:00Z', '2026-01-08T17:00:00.000Z', 'is strictly before t'],
  ]
  for (const [search, t, expected, rule] of cases) {
    test(`${search} ${rule}: ${search}(${t})`, () => assert.equal(iso(office[search](at(t))), expected))
  }

  test('periods are the open intervals clipped to [a, b)', () => {
    const periods = office.periods(at('2026-01-09T12:00Z'), at('2026-01-12T10:00Z')).map((p) => p.map(iso))
    assert.deepEqual(periods, [
      ['2026-01-09T12:00:00.000Z', '2026-01-09T17:00:00.000Z'],
      ['2026-01-12T09:00:00.000Z', '2026-01-12T10:00:00.000Z'],
    ])
  })

  test('periods are empty when b is not after a', () => {
    assert.deepEqual(office.periods(at('2026-01-12T10:00Z'), at('2026-01-09T12:00Z')), [])
    assert.deepEqual(office.periods(at('2026-01-12T10:00Z'), at('2026-01-12T10:00Z')), [])
  })
})

/** The open intervals of a calendar in [a, b), as ISO text. */
const periodsOf = (c: Calendar, a: string, b: string) =>
  c.periods(at(a), at(b)).map((p) => p.map(iso).join(' – '))

describe('weekly hours', () => {
  test('a day can have several intervals (a lunch break)', () => {
    const lunch = calendar({
      mon: [
        ['08:00', '12:00'],
        ['13:00', '18:00'],
      ],
    })
    assert.equal(lunch.between(at('2026-01-05T00:00Z'), at('2026-01-06T00:00Z')), 9 * HOUR)
    assert.equal(iso(lunch.add(at('2026-01-05T11:00Z'), HOUR)), '2026-01-05T12:00:00.000Z')
    assert.equal(iso(lunch.add(at('2026-01-05T11:00Z'), 2 * HOUR)), '2026-01-05T14:00:00.000Z')
    assert.equal(lunch.isOpen(at('2026-01-05T12:30Z')), false)
  })

  test('"24:00" ends a day', () => {
    const evening = calendar({ mon: [['18:00', '24:00']] })
    assert.equal(iso(evening.nextClosing(at('2026-01-05T19:00Z'))), '2026-01-06T00:00:00.000Z')
    assert.equal(evening.isOpen(at('2026-01-05T23:59:59.999Z')), true)
    assert.equal(evening.isOpen(at('2026-01-06T00:00Z')), false)
  })

  test('an interval whose end is before its start runs past midnight and belongs to its start day', () => {
    const night = calendar({ sat: [['22:00', '06:00']] })
    assert.deepEqual(periodsOf(night, '2026-01-10T00:00Z', '2026-01-12T00:00Z'), [
      '2026-01-10T22:00:00.000Z – 2026-01-11T06:00:00.000Z',
    ])
    assert.equal(night.between(at('2026-01-10T00:00Z'), at('2026-01-17T00:00Z')), 8 * HOUR)
  })

  test('Sunday’s overnight interval runs into Monday', () => {
    const night = calendar({ sun: [['22:00', '02:00']] })
    assert.equal(night.isOpen(at('2026-01-12T01:00Z')), true)
    assert.equal(iso(night.nextClosing(at('2026-01-11T23:00Z'))), '2026-01-12T02:00:00.000Z')
  })

  test('an interval closing at "00:00" runs to midnight', () => {
    const late = calendar({ fri: [['20:00', '00:00']] })
    assert.equal(iso(late.nextClosing(at('2026-01-09T21:00Z'))), '2026-01-10T00:00:00.000Z')
  })

  test('adjacent intervals on one day merge: no closing between them', () => {
    const split = calendar({
      mon: [
        ['09:00', '12:00'],
        ['12:00', '17:00'],
      ],
    })
    assert.equal(iso(split.nextClosing(at('2026-01-05T10:00Z'))), '2026-01-05T17:00:00.000Z')
    assert.equal(iso(split.nextOpening(at('2026-01-05T10:00Z'))), '2026-01-12T09:00:00.000Z')
    assert.deepEqual(periodsOf(split, '2026-01-05T00:00Z', '2026-01-06T00:00Z'), [
      '2026-01-05T09:00:00.000Z – 2026-01-05T17:00:00.000Z',
    ])
  })

  test('mon 00:00–24:00 and tue 00:00–24:00 merge: no closing at midnight', () => {
    const twoDays = calendar({ mon: [['00:00', '24:00']], tue: [['00:00', '24:00']] })
    assert.equal(iso(twoDays.nextClosing(at('2026-01-05T12:00Z'))), '2026-01-07T00:00:00.000Z')
    assert.equal(iso(twoDays.previousOpening(at('2026-01-06T12:00Z'))), '2026-01-05T00:00:00.000Z')
    assert.equal(iso(twoDays.nextOpening(at('2026-01-05T12:00Z'))), '2026-01-12T00:00:00.000Z')
    assert.deepEqual(periodsOf(twoDays, '2026-01-04T00:00Z', '2026-01-08T00:00Z'), [
      '2026-01-05T00:00:00.000Z – 2026-01-07T00:00:00.000Z',
    ])
  })

  test('an overnight interval merges with the next day’s interval that starts as it ends', () => {
    const shifts = calendar({ mon: [['22:00', '06:00']], tue: [['06:00', '10:00']] })
    assert.equal(iso(shifts.nextClosing(at('2026-01-05T23:00Z'))), '2026-01-06T10:00:00.000Z')
  })

  test('24x7 is always open and its business time is elapsed time', () => {
    const always = calendar('24x7')
    const t = at('2026-01-05T12:34:56.789Z')
    assert.equal(always.isOpen(t), true)
    assert.equal(iso(always.add(t, 1234567)), iso(t + 1234567))
    assert.equal(iso(always.add(t, -1234567)), iso(t - 1234567))
    assert.equal(always.between(t, t + 90 * 86_400_000), 90 * 86_400_000)
    assert.deepEqual(periodsOf(always, '2026-01-01T00:00Z', '2026-02-01T00:00Z'), [
      '2026-01-01T00:00:00.000Z – 2026-02-01T00:00:00.000Z',
    ])
  })
})

describe('holidays', () => {
  test('a one-off holiday closes its date', () => {
    const c = calendar(
      { tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE },
      { holidays: ['2026-01-07'] },
    )
    assert.equal(c.between(at('2026-01-07T00:00Z'), at('2026-01-08T00:00Z')), 0)
    assert.equal(iso(c.add(at('2026-01-06T16:00Z'), 2 * HOUR)), '2026-01-08T10:00:00.000Z')
    assert.equal(c.between(at('2027-01-06T00:00Z'), at('2027-01-08T00:00Z')), 16 * HOUR, 'only in 2026')
  })

  test('a yearly MM-DD holiday closes that date every year', () => {
    const c = calendar('24x7', { holidays: ['01-07'] })
    for (const year of [2025, 2026, 2027, 2040]) {
      assert.equal(c.between(at(`${year}-01-07T00:00Z`), at(`${year}-01-08T00:00Z`)), 0, String(year))
      assert.equal(c.between(at(`${year}-01-06T00:00Z`), at(`${year}-01-09T00:00Z`)), 48 * HOUR, String(year))
    }
  })

  test('a yearly 02-29 holiday applies in leap years only', () => {
    const c = calendar('24x7', { holidays: ['02-29'] })
    assert.equal(c.between(at('2028-02-28T00:00Z'), at('2028-03-01T00:00Z')), 24 * HOUR)
    assert.equal(c.between(at('2027-02-28T00:00Z'), at('2027-03-01T00:00Z')), 24 * HOUR)
  })

  test('a holiday removes the whole overnight shift that starts on it, after midnight too', () => {
    const nights = { fri: [['22:00', '06:00']], sat: [['22:00', '06:00']] } as const
    const fridayOff = calendar(nights, { holidays: ['2026-01-09'] })
    assert.equal(fridayOff.isOpen(at('2026-01-09T23:00Z')), false)
    assert.equal(fridayOff.isOpen(at('2026-01-10T03:00Z')), false)
    assert.equal(fridayOff.isOpen(at('2026-01-10T23:00Z')), true)
  })

  test('the shift that started the evening before a holiday still runs into it', () => {
    const nights = { fri: [['22:00', '06:00']], sat: [['22:00', '06:00']] } as const
    const saturdayOff = calendar(nights, { holidays: ['2026-01-10'] })
    assert.equal(saturdayOff.isOpen(at('2026-01-10T03:00Z')), true)
    assert.equal(saturdayOff.isOpen(at('2026-01-10T23:00Z')), false)
    assert.equal(iso(saturdayOff.nextClosing(at('2026-01-10T03:00Z'))), '2026-01-10T06:00:00.000Z')
  })

  test('holiday dates are local dates in the calendar’s zone', () => {
    const tokyo = createCalendar({ timezone: 'Asia/Tokyo', week: '24x7', holidays: ['2026-01-07'] })
    assert.equal(tokyo.isOpen(at('2026-01-06T14:59:59.999Z')), true)
    assert.equal(tokyo.isOpen(at('2026-01-06T15:00Z')), false)
    assert.equal(iso(tokyo.nextOpening(at('2026-01-07T00:00Z'))), '2026-01-07T15:00:00.000Z')
  })
})

describe('overrides', () => {
  const weekdays = {
    mon: NINE_TO_FIVE,
    tue: NINE_TO_FIVE,
    wed: NINE_TO_FIVE,
    thu: NINE_TO_FIVE,
    fri: NINE_TO_FIVE,
  }
  const wednesday = (c: Calendar, year = 2026) => {
    const date = year === 2026 ? '2026-01-07' : '2027-01-07'
    return periodsOf(c, `${date}T00:00Z`, `${date}T23:59Z`)
  }

  test('an override replaces a day’s hours', () => {
    const c = calendar(weekdays, { overrides: { '2026-01-07': [['10:00', '12:00']] } })
    assert.deepEqual(wednesday(c), ['2026-01-07T10:00:00.000Z – 2026-01-07T12:00:00.000Z'])
  })

  test('an empty override closes the day', () => {
    const c = calendar(weekdays, { overrides: { '2026-01-07': [] } })
    assert.deepEqual(wednesday(c), [])
  })

  test('an override opens a day the week leaves closed', () => {
    const c = calendar(weekdays, { overrides: { '2026-01-10': [['10:00', '14:00']] } })
    assert.equal(c.between(at('2026-01-10T00:00Z'), at('2026-01-11T00:00Z')), 4 * HOUR)
  })

  test('a one-off override beats a yearly one', () => {
    const c = calendar(weekdays, {
      overrides: { '01-07': [['10:00', '12:00']], '2026-01-07': [['14:00', '15:00']] },
    })
    assert.deepEqual(wednesday(c), ['2026-01-07T14:00:00.000Z – 2026-01-07T15:00:00.000Z'])
    assert.deepEqual(wednesday(c, 2027), ['2027-01-07T10:00:00.000Z – 2027-01-07T12:00:00.000Z'])
  })

  const holidayCases: [string, Partial<CalendarSpec>][] = [
    [
      'a one-off override beats a one-off holiday',
      { holidays: ['2026-01-07'], overrides: { '2026-01-07': [['10:00', '12:00']] } },
    ],
    [
      'a yearly override beats a one-off holiday',
      { holidays: ['2026-01-07'], overrides: { '01-07': [['10:00', '12:00']] } },
    ],
    [
      'a one-off override beats a yearly holiday',
      { holidays: ['01-07'], overrides: { '2026-01-07': [['10:00', '12:00']] } },
    ],
    [
      'an override beats a public-holiday preset',
      { holidays: [{ country: 'GB', region: 'ENG' }], overrides: { '2026-12-25': [['10:00', '12:00']] } },
    ],
  ]
  for (const [rule, rest] of holidayCases) {
    test(rule, () => {
      const c = calendar(weekdays, rest)
      const date = rest.overrides?.['2026-12-25'] ? '2026-12-25' : '2026-01-07'
      assert.deepEqual(periodsOf(c, `${date}T00:00Z`, `${date}T23:59Z`), [
        `${date}T10:00:00.000Z – ${date}T12:00:00.000Z`,
      ])
    })
  }

  test('an overnight override runs past midnight like weekly hours', () => {
    const c = calendar(weekdays, { overrides: { '2026-01-10': [['20:00', '02:00']] } })
    assert.deepEqual(periodsOf(c, '2026-01-10T00:00Z', '2026-01-12T00:00Z'), [
      '2026-01-10T20:00:00.000Z – 2026-01-11T02:00:00.000Z',
    ])
  })
})

describe('exactness', () => {
  test('business time is exact to the millisecond over many years', () => {
    const t = at('2026-01-05T09:00:00.001Z')
    const d = 5 * 365 * 8 * HOUR + 7
    const due = office.add(t, d)
    assert.equal(office.between(t, due), d)
    assert.equal(iso(office.subtract(due, d)), iso(t))
  })

  test('the answer does not depend on earlier queries that built tables elsewhere', () => {
    // A table spanning 60 years is restarted around the query rather than grown further.
    const warm = calendar({ mon: NINE_TO_FIVE, fri: NINE_TO_FIVE })
    const fresh = calendar({ mon: NINE_TO_FIVE, fri: NINE_TO_FIVE })
    warm.between(at('1990-01-01T00:00Z'), at('2049-12-31T00:00Z'))
    const t = at('2049-12-30T12:00Z')
    for (const d of [40 * HOUR, -40 * HOUR, 0]) assert.equal(iso(warm.add(t, d)), iso(fresh.add(t, d)))
    assert.equal(
      iso(warm.nextClosing(at('2049-12-31T12:00Z'))),
      iso(fresh.nextClosing(at('2049-12-31T12:00Z'))),
    )
    assert.equal(warm.between(t, at('2050-03-01T00:00Z')), fresh.between(t, at('2050-03-01T00:00Z')))
  })
})
