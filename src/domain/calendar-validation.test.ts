// Validation of the plain-data calendar: every problem is listed at once, each with its path,
// an exact message and, where one helps, a hint.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AppError } from './app-error.ts'
import { createCalendar, parseCalendar } from './calendar.ts'
import type { CalendarSpec } from './calendar-spec.ts'
import { formatIssue, type Issue } from './issues.ts'

const HHMM = 'is not a time of day (HH:MM, 00:00 to 24:00)'
const DATE_HINT = 'YYYY-MM-DD for one date, MM-DD for every year'

function issuesOf(spec: unknown): Issue[] {
  const result = parseCalendar(spec)
  assert.equal(result.ok, false, 'the calendar should be rejected')
  return result.ok
    ? []
    : result.issues.map(({ path, message, hint }) =>
        hint === undefined ? { path, message } : { path, message, hint },
      )
}

const london = (rest: Record<string, unknown>) => ({ timezone: 'Europe/London', week: '24x7', ...rest })
const week = (days: Record<string, unknown>) => ({ timezone: 'Europe/London', week: days })

const cases: [string, unknown, Issue[]][] = [
  ['not an object', null, [{ path: [], message: 'a calendar must be an object with timezone and week' }]],
  [
    'nothing given',
    {},
    [
      { path: ['timezone'], message: 'is required', hint: 'an IANA time zone such as "Europe/London"' },
      {
        path: ['week'],
        message: 'is required',
        hint: 'weekday hours such as { mon: [["09:00", "17:00"]] }, or "24x7"',
      },
    ],
  ],
  [
    'an unknown key',
    london({ timzone: 'Europe/London' }),
    [{ path: ['timzone'], message: 'unknown key "timzone"', hint: 'did you mean "timezone"?' }],
  ],
  [
    'an unknown time zone',
    { timezone: 'Europe/Lodnon', week: '24x7' },
    [
      {
        path: ['timezone'],
        message: '"Europe/Lodnon" is not an IANA time zone',
        hint: 'did you mean "Europe/London" or "Europe/Lisbon"?',
      },
    ],
  ],
  [
    'a time zone that is not a string',
    { timezone: 5, week: '24x7' },
    [{ path: ['timezone'], message: '5 is not an IANA time zone' }],
  ],
  [
    'an offset is not a zone',
    { timezone: '+05:30', week: '24x7' },
    [{ path: ['timezone'], message: '"+05:30" is not an IANA time zone' }],
  ],
  [
    'week neither "24x7" nor hours per weekday',
    { timezone: 'Europe/London', week: '24/7' },
    [
      {
        path: ['week'],
        message: 'must be "24x7" or hours per weekday',
        hint: 'e.g. { mon: [["09:00", "17:00"]] }',
      },
    ],
  ],
  [
    'unknown weekdays, with a did-you-mean hint',
    week({ tues: [], monday: [], funday: [] }),
    [
      { path: ['week', 'tues'], message: 'unknown weekday "tues"', hint: 'did you mean "tue"?' },
      { path: ['week', 'monday'], message: 'unknown weekday "monday"', hint: 'did you mean "mon"?' },
      {
        path: ['week', 'funday'],
        message: 'unknown weekday "funday"',
        hint: 'weekdays are sun, mon, tue, wed, thu, fri, sat',
      },
    ],
  ],
  [
    'times that are not times of day',
    week({
      mon: [['09:00', '17:00']],
      tue: [
        ['09:00', '12:00'],
        ['25:00', '9:00'],
      ],
      wed: [['24:01', '12:60']],
      thu: [[9, '17:00']],
    }),
    [
      { path: ['week', 'tue', 1], message: `"25:00" ${HHMM}` },
      { path: ['week', 'tue', 1], message: `"9:00" ${HHMM}` },
      { path: ['week', 'wed', 0], message: `"24:01" ${HHMM}` },
      { path: ['week', 'wed', 0], message: `"12:60" ${HHMM}` },
      { path: ['week', 'thu', 0], message: `9 ${HHMM}` },
    ],
  ],
  [
    'a day that is not a list of pairs',
    week({ mon: '09:00-17:00', tue: [['09:00']] }),
    [
      {
        path: ['week', 'mon'],
        message: 'must be a list of [open, close] pairs',
        hint: 'e.g. [["09:00", "17:00"]]; [] for closed',
      },
      { path: ['week', 'tue', 0], message: 'must be a pair [open, close]', hint: 'e.g. ["09:00", "17:00"]' },
    ],
  ],
  [
    '"24:00" opening an interval',
    week({ mon: [['24:00', '06:00']] }),
    [
      {
        path: ['week', 'mon', 0],
        message: '"24:00" can only close an interval',
        hint: 'use "00:00" to open at midnight',
      },
    ],
  ],
  [
    'an empty interval',
    week({ mon: [['09:00', '09:00']] }),
    [
      {
        path: ['week', 'mon', 0],
        message: 'the interval is empty (09:00 to 09:00)',
        hint: 'use "00:00"–"24:00" for a whole day',
      },
    ],
  ],
  [
    'overlapping intervals, reported on the later-listed one',
    week({
      mon: [
        ['10:00', '12:00'],
        ['09:00', '11:00'],
      ],
    }),
    [{ path: ['week', 'mon', 1], message: '09:00–11:00 overlaps week.mon[0] 10:00–12:00' }],
  ],
  [
    'every interval overlapping a long one, not only its neighbour',
    week({
      mon: [
        ['09:00', '17:00'],
        ['10:00', '11:00'],
        ['12:00', '13:00'],
      ],
    }),
    [
      { path: ['week', 'mon', 1], message: '10:00–11:00 overlaps week.mon[0] 09:00–17:00' },
      { path: ['week', 'mon', 2], message: '12:00–13:00 overlaps week.mon[0] 09:00–17:00' },
    ],
  ],
  [
    'an overnight interval overlapping one of the same day',
    week({
      fri: [
        ['22:00', '06:00'],
        ['23:00', '23:30'],
      ],
    }),
    [{ path: ['week', 'fri', 1], message: '23:00–23:30 overlaps week.fri[0] 22:00–06:00' }],
  ],
  [
    'an overnight interval running into the next day’s hours',
    week({ mon: [['22:00', '06:00']], tue: [['05:00', '09:00']] }),
    [
      {
        path: ['week', 'mon', 0],
        message: '22:00–06:00 runs past midnight into tue and overlaps week.tue[0] 05:00–09:00',
      },
    ],
  ],
  [
    'Saturday’s overnight interval running into Sunday’s hours',
    week({ sat: [['20:00', '02:00']], sun: [['01:00', '09:00']] }),
    [
      {
        path: ['week', 'sat', 0],
        message: '20:00–02:00 runs past midnight into sun and overlaps week.sun[0] 01:00–09:00',
      },
    ],
  ],
  [
    'a calendar never open',
    week({ mon: [], tue: [] }),
    [{ path: ['week'], message: 'the calendar is never open', hint: 'give at least one weekday some hours' }],
  ],
  [
    'a calendar whose overrides only close',
    { timezone: 'Europe/London', week: {}, overrides: { '2026-12-24': [], '12-25': [] } },
    [{ path: ['week'], message: 'the calendar is never open', hint: 'give at least one weekday some hours' }],
  ],
  [
    'holidays that are not a list',
    london({ holidays: '2026-12-25' }),
    [
      {
        path: ['holidays'],
        message: 'must be a list',
        hint: 'e.g. ["2026-12-25", "01-01", { country: "GB" }]',
      },
    ],
  ],
  [
    'holidays that are not dates',
    london({ holidays: ['2026-02-30', '02-30', '2026-13-01', '25/12/2026', '2026-12-25', '02-29'] }),
    [
      { path: ['holidays', 0], message: '"2026-02-30" is not a date', hint: DATE_HINT },
      { path: ['holidays', 1], message: '"02-30" is not a date', hint: DATE_HINT },
      { path: ['holidays', 2], message: '"2026-13-01" is not a date', hint: DATE_HINT },
      { path: ['holidays', 3], message: '"25/12/2026" is not a date', hint: DATE_HINT },
    ],
  ],
  [
    'a holiday that is neither a date, a preset nor a feed',
    london({ holidays: [5] }),
    [
      {
        path: ['holidays', 0],
        message: 'must be a date, a public-holiday preset or an iCalendar feed',
        hint: '"2026-12-25", "01-01", { country: "GB", region: "ENG" } or { icalendar: "BEGIN:VCALENDAR…" }',
      },
    ],
  ],
  [
    'an unknown region of a country',
    london({ holidays: [{ country: 'GB', region: 'ZZZ' }] }),
    [
      {
        path: ['holidays', 0, 'region'],
        message: 'unknown region "ZZZ" of GB',
        hint: 'known: ALD, ENG, NIR, SCT, WLS',
      },
    ],
  ],
  [
    'a subregion of a region without subregions',
    london({ holidays: [{ country: 'GB', region: 'ENG', subregion: 'X' }] }),
    [
      {
        path: ['holidays', 0, 'subregion'],
        message: 'unknown subregion "X" of GB-ENG',
        hint: 'a subregion needs a region that has subregions',
      },
    ],
  ],
  [
    'unknown holiday types and keys in a preset',
    london({
      holidays: [
        { country: 'GB', types: ['public', 'holiday'] },
        { country: 'GB', regoin: 'ENG' },
      ],
    }),
    [
      {
        path: ['holidays', 0, 'types', 1],
        message: 'unknown holiday type "holiday"',
        hint: 'one of public, bank, school, optional, observance',
      },
      { path: ['holidays', 1, 'regoin'], message: 'unknown key "regoin"', hint: 'did you mean "region"?' },
    ],
  ],
  [
    'an iCalendar feed that is not text',
    london({ holidays: [{ icalendar: 5 }] }),
    [{ path: ['holidays', 0, 'icalendar'], message: 'must be the text of an iCalendar (.ics) feed' }],
  ],
  [
    'an empty iCalendar feed (a file with nothing in it)',
    london({ holidays: [{ icalendar: '' }] }),
    [
      {
        path: ['holidays', 0, 'icalendar'],
        message: 'not a readable iCalendar feed: it holds no BEGIN:VCALENDAR',
      },
    ],
  ],
  [
    'overrides that are not a map',
    london({ overrides: [] }),
    [
      {
        path: ['overrides'],
        message: 'must map dates to hours',
        hint: 'e.g. { "2026-12-24": [["08:00", "12:00"]], "12-31": [] }',
      },
    ],
  ],
  [
    'overrides of dates that are not dates, and bad hours in one',
    london({ overrides: { '2026-12-32': [], '12/24': [], '2026-12-24': [['08:00', '25:00']] } }),
    [
      { path: ['overrides', '2026-12-32'], message: '"2026-12-32" is not a date', hint: DATE_HINT },
      { path: ['overrides', '12/24'], message: '"12/24" is not a date', hint: DATE_HINT },
      { path: ['overrides', '2026-12-24', 0], message: `"25:00" ${HHMM}` },
    ],
  ],
  [
    'overlapping intervals in an override',
    london({
      overrides: {
        '2026-12-24': [
          ['10:00', '12:00'],
          ['11:00', '13:00'],
        ],
      },
    }),
    [
      {
        path: ['overrides', '2026-12-24', 1],
        message: '11:00–13:00 overlaps overrides.2026-12-24[0] 10:00–12:00',
      },
    ],
  ],
]

describe('parseCalendar rejects a bad calendar, listing every problem', () => {
  for (const [problem, spec, issues] of cases) {
    test(problem, () => assert.deepEqual(issuesOf(spec), issues))
  }

  test('an unknown country, with a did-you-mean hint', () => {
    const [issue, ...rest] = issuesOf(london({ holidays: [{ country: 'XX' }] }))
    assert.deepEqual(rest, [])
    assert.deepEqual(issue?.path, ['holidays', 0, 'country'])
    assert.equal(issue?.message, 'unknown country "XX" for public holidays')
    assert.match(issue?.hint ?? '', /^did you mean "[A-Z]{2}"/)
  })

  test('problems in every part are listed together, in order', () => {
    const issues = issuesOf({
      timezone: 'Mars/Olympus',
      week: { mon: [['9', '17:00']], tue: [['09:00', '17:00']] },
      holidays: ['12-32'],
      overrides: { tomorrow: [] },
    })
    assert.deepEqual(
      issues.map((i) => formatIssue(i)),
      [
        'timezone: "Mars/Olympus" is not an IANA time zone',
        `week.mon[0]: "9" ${HHMM}`,
        `holidays[0]: "12-32" is not a date (${DATE_HINT})`,
        `overrides.tomorrow: "tomorrow" is not a date (${DATE_HINT})`,
      ],
    )
  })
})

describe('createCalendar', () => {
  test('throws an AppError with code invalid_input that lists the issues', () => {
    const spec = week({
      tue: [
        ['09:00', '12:00'],
        ['25:00', '26:00'],
      ],
    }) as CalendarSpec
    assert.throws(
      () => createCalendar(spec),
      (error: unknown) => {
        assert.ok(error instanceof AppError)
        assert.equal(error.code, 'invalid_input')
        assert.equal(
          error.message,
          `invalid calendar\n  week.tue[1]: "25:00" ${HHMM}\n  week.tue[1]: "26:00" ${HHMM}`,
        )
        assert.deepEqual(
          error.issues.map((i) => formatIssue(i)),
          [`week.tue[1]: "25:00" ${HHMM}`, `week.tue[1]: "26:00" ${HHMM}`],
        )
        return true
      },
    )
  })

  test('accepts any letter case in a zone and keeps its canonical spelling', () => {
    assert.equal(createCalendar({ timezone: 'europe/london', week: '24x7' }).timezone, 'Europe/London')
  })

  test('accepts names, ids and descriptions, which the engine ignores', () => {
    const spec = {
      id: 'uk',
      name: 'UK office',
      description: 'weekdays',
      timezone: 'UTC',
      week: '24x7',
    } as const
    assert.equal(parseCalendar(spec).ok, true)
  })

  test('accepts a calendar open only on an override', () => {
    assert.equal(
      parseCalendar({ timezone: 'UTC', week: {}, overrides: { '2026-06-01': [['09:00', '17:00']] } }).ok,
      true,
    )
  })
})

describe('queries reject bad instants and durations', () => {
  const c = createCalendar({ timezone: 'UTC', week: '24x7' })
  const cases: [string, () => unknown, string, string][] = [
    [
      'an invalid Date',
      () => c.add(new Date('not a date'), 1),
      'invalid_input',
      't must be a valid Date or a whole number of epoch milliseconds',
    ],
    [
      'a fractional instant',
      () => c.isOpen(1.5),
      'invalid_input',
      't must be a valid Date or a whole number of epoch milliseconds',
    ],
    [
      'NaN as b',
      () => c.between(0, Number.NaN),
      'invalid_input',
      'b must be a valid Date or a whole number of epoch milliseconds',
    ],
    [
      'a fractional duration',
      () => c.add(0, 1.5),
      'invalid_input',
      'a duration must be a whole number of milliseconds, not 1.5',
    ],
    [
      'an infinite duration',
      () => c.subtract(0, Number.POSITIVE_INFINITY),
      'invalid_input',
      'a duration must be a whole number of milliseconds, not Infinity',
    ],
    [
      'a year before 1800',
      () => c.isOpen(Date.UTC(1799, 0, 1)),
      'out_of_range',
      'calendar queries are limited to the years 1800 to 9000',
    ],
    [
      'a year after 9000',
      () => c.isOpen(Date.UTC(9001, 0, 1)),
      'out_of_range',
      'calendar queries are limited to the years 1800 to 9000',
    ],
  ]
  for (const [what, run, code, message] of cases) {
    test(what, () => assert.throws(run, { name: 'AppError', code, message }))
  }
})

test('"UK" is pointed at GB, the ISO code of the United Kingdom', () => {
  const result = parseCalendar({ timezone: 'Europe/London', week: '24x7', holidays: [{ country: 'UK' }] })
  assert.equal(result.ok, false)
  if (!result.ok) assert.equal(result.issues[0]?.hint, 'the United Kingdom is "GB"')
})
