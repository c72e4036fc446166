// Holidays from public-holiday presets (date-holidays) and from iCalendar feeds.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createCalendar, parseCalendar } from './calendar.ts'
import type { CalendarSpec, HolidaySpec } from './calendar-spec.ts'
import { holidaysFromICalendar } from './ical-holidays.ts'
import { formatLocalDate } from './local-date.ts'

const HOUR = 3_600_000
const iso = (t: Date | number) => new Date(t).toISOString()
const at = (text: string) => {
  const t = Date.parse(text)
  assert.ok(/(Z|[+-]\d\d:\d\d)$/.test(text) && Number.isFinite(t), `bad instant in a test: ${text}`)
  return t
}
const NINE_TO_FIVE = [['09:00', '17:00']] as const
const weekdays = {
  mon: NINE_TO_FIVE,
  tue: NINE_TO_FIVE,
  wed: NINE_TO_FIVE,
  thu: NINE_TO_FIVE,
  fri: NINE_TO_FIVE,
}
const office = (timezone: string, holidays: HolidaySpec[], rest: Partial<CalendarSpec> = {}) =>
  createCalendar({ timezone, week: weekdays, holidays, ...rest })

describe('public-holiday presets', () => {
  const england = office('Europe/London', [{ country: 'GB', region: 'ENG' }])
  const cases: [string, string, boolean][] = [
    ['Christmas Day, Friday 25 December 2026', '2026-12-25T10:00Z', false],
    ['Boxing Day falls on Saturday; its substitute is Monday 28 December', '2026-12-28T10:00Z', false],
    ['Tuesday 29 December is a working day', '2026-12-29T10:00Z', true],
    ['Christmas Eve is a working day', '2026-12-24T10:00Z', true],
    ['Good Friday, 3 April 2026', '2026-04-03T10:00+01:00', false],
    ['Easter Monday, 6 April 2026', '2026-04-06T10:00+01:00', false],
    ['the Summer bank holiday, 31 August 2026', '2026-08-31T10:00+01:00', false],
    ['New Year’s Day 2027', '2027-01-01T10:00Z', false],
    ['2 January 2026 is not a holiday in England', '2026-01-02T10:00Z', true],
  ]
  for (const [day, t, open] of cases) test(`GB-ENG: ${day}`, () => assert.equal(england.isOpen(at(t)), open))

  test('GB-ENG: 24 to 30 December 2026 has three working days (24th, 29th, 30th)', () => {
    assert.equal(england.between(at('2026-12-24T00:00Z'), at('2026-12-31T00:00Z')), 3 * 8 * HOUR)
    assert.equal(iso(england.nextOpen(at('2026-12-25T10:00Z'))), '2026-12-29T09:00:00.000Z')
    assert.equal(iso(england.add(at('2026-12-24T16:00Z'), 2 * HOUR)), '2026-12-29T10:00:00.000Z')
  })

  test('a region’s own holidays: 2 January is a bank holiday in Scotland', () => {
    const scotland = office('Europe/London', [{ country: 'GB', region: 'SCT' }])
    assert.equal(scotland.isOpen(at('2026-01-02T10:00Z')), false)
    assert.equal(scotland.isOpen(at('2026-04-06T10:00+01:00')), true, 'Easter Monday is not one there')
  })

  test('a holiday of several days closes each of them (date-holidays: Seollal 2026 from 17 February, three days)', () => {
    const seoul = createCalendar({ timezone: 'Asia/Seoul', week: '24x7', holidays: [{ country: 'KR' }] })
    assert.deepEqual(
      seoul.periods(at('2026-02-15T00:00+09:00'), at('2026-02-22T00:00+09:00')).map((p) => p.map(iso)),
      [
        ['2026-02-14T15:00:00.000Z', '2026-02-16T15:00:00.000Z'],
        ['2026-02-19T15:00:00.000Z', '2026-02-21T15:00:00.000Z'],
      ],
    )
  })

  test('a holiday of several days runs into the next year (date-holidays: Incwala, 28 December, six days)', () => {
    const mbabane = createCalendar({
      timezone: 'Africa/Mbabane',
      week: '24x7',
      holidays: [{ country: 'SZ' }],
    })
    assert.equal(mbabane.isOpen(at('2026-12-27T12:00+02:00')), true)
    assert.equal(mbabane.isOpen(at('2026-12-28T12:00+02:00')), false)
    assert.equal(mbabane.isOpen(at('2027-01-02T12:00+02:00')), false)
    assert.equal(iso(mbabane.nextOpen(at('2026-12-28T12:00+02:00'))), '2027-01-02T22:00:00.000Z')
  })

  test('codes are accepted in any letter case', () => {
    const lower = office('Europe/London', [{ country: 'gb', region: 'eng' }])
    assert.equal(lower.isOpen(at('2026-12-28T10:00Z')), false)
  })

  test('types choose which holidays count (observances are not closures by default)', () => {
    // Mothering Sunday is an observance; a Sunday calendar shows the difference.
    const sundays = (types?: ('public' | 'bank' | 'observance')[]) =>
      createCalendar({
        timezone: 'Europe/London',
        week: { sun: NINE_TO_FIVE },
        holidays: [{ country: 'GB', region: 'ENG', ...(types ? { types } : {}) }],
      })
    assert.equal(sundays().isOpen(at('2026-03-15T10:00Z')), true)
    assert.equal(sundays(['observance']).isOpen(at('2026-03-15T10:00Z')), false)
  })

  test('presets combine with dated holidays', () => {
    const c = office('Europe/London', [{ country: 'GB', region: 'ENG' }, '2026-12-29', '12-30'])
    assert.equal(c.between(at('2026-12-24T00:00Z'), at('2027-01-02T00:00Z')), 2 * 8 * HOUR)
  })
})

/** An iCalendar feed holding the given events. */
function feed(...events: string[][]): string {
  const vevents = events.flatMap((event, i) => [
    'BEGIN:VEVENT',
    `UID:event-${i}@upheld.test`,
    'DTSTAMP:20260101T000000Z',
    ...event,
    'END:VEVENT',
  ])
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Upheld//tests//EN', ...vevents, 'END:VCALENDAR'].join(
    '\r\n',
  )
}

/** The local dates a feed closes, read in `timezone`. */
function datesOf(text: string, timezone: string): string[] {
  const result = holidaysFromICalendar(text, timezone)
  assert.ok(result.ok, 'the feed should be readable')
  return result.value.dates.map(formatLocalDate)
}

describe('iCalendar feeds', () => {
  const cases: [string, string[][], string, string[]][] = [
    [
      'an all-day event closes its date',
      [['SUMMARY:Christmas Day', 'DTSTART;VALUE=DATE:20261225']],
      'Europe/London',
      ['2026-12-25'],
    ],
    [
      'an all-day event with DTEND closes each date before it (DTEND is exclusive)',
      [['SUMMARY:Christmas break', 'DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227']],
      'Europe/London',
      ['2026-12-24', '2026-12-25', '2026-12-26'],
    ],
    [
      'a one-day all-day event with DTEND the next day closes one date',
      [['SUMMARY:Boxing Day', 'DTSTART;VALUE=DATE:20261228', 'DTEND;VALUE=DATE:20261229']],
      'Europe/London',
      ['2026-12-28'],
    ],
    [
      'a UTC date-time is read in the calendar’s zone (Tokyo: already the 25th)',
      [['SUMMARY:Christmas Day', 'DTSTART:20261224T230000Z']],
      'Asia/Tokyo',
      ['2026-12-25'],
    ],
    [
      'a UTC date-time is read in the calendar’s zone (New York: still the 24th)',
      [['SUMMARY:Christmas Day', 'DTSTART:20261224T230000Z']],
      'America/New_York',
      ['2026-12-24'],
    ],
    [
      'a floating date-time is a local date',
      [['SUMMARY:Founders Day', 'DTSTART:20260704T090000']],
      'Asia/Tokyo',
      ['2026-07-04'],
    ],
    [
      'a yearly event recurs',
      [['SUMMARY:New Year', 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY;COUNT=3']],
      'Europe/London',
      ['2026-01-01', '2027-01-01', '2028-01-01'],
    ],
    [
      'notices of clock changes are not closures',
      [
        ['SUMMARY:Daylight Saving Time starts', 'DTSTART;VALUE=DATE:20260308'],
        ['SUMMARY:British Summer Time ends', 'DTSTART;VALUE=DATE:20261025'],
        ['SUMMARY:Clocks go forward', 'DTSTART;VALUE=DATE:20260329'],
        ['SUMMARY:DST ends', 'DTSTART;VALUE=DATE:20261101'],
        ['SUMMARY:Midsummer Day', 'DTSTART;VALUE=DATE:20260624'],
      ],
      'Europe/London',
      ['2026-06-24'],
    ],
  ]
  for (const [rule, events, zone, dates] of cases) {
    test(rule, () => assert.deepEqual(datesOf(feed(...events), zone), dates))
  }

  test('a recurring event skips its EXDATEs', () => {
    const text = feed([
      'SUMMARY:New Year',
      'DTSTART;VALUE=DATE:20260101',
      'RRULE:FREQ=YEARLY;COUNT=3',
      'EXDATE;VALUE=DATE:20270101',
    ])
    assert.deepEqual(datesOf(text, 'UTC'), ['2026-01-01', '2028-01-01'])
  })

  test('feeds pasted together are read as one', () => {
    const text = [
      feed(['SUMMARY:Christmas Day', 'DTSTART;VALUE=DATE:20261225']),
      feed(['SUMMARY:New Year', 'DTSTART;VALUE=DATE:20270101']),
    ].join('\r\n')
    assert.deepEqual(datesOf(text, 'UTC'), ['2026-12-25', '2027-01-01'])
  })

  const unreadable: [string, string, string][] = [
    ['an empty feed', '', 'it holds no BEGIN:VCALENDAR'],
    ['blank lines', '\n  \n', 'it holds no BEGIN:VCALENDAR'],
    [
      'an event outside a calendar',
      'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nEND:VEVENT',
      'it holds BEGIN:VEVENT outside a BEGIN:VCALENDAR',
    ],
    [
      'a calendar that does not end',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\n',
      'invalid ical body. component began but did not end',
    ],
  ]
  for (const [what, text, reason] of unreadable) {
    test(`${what} is not a readable feed`, () => {
      assert.deepEqual(holidaysFromICalendar(text, 'UTC'), {
        ok: false,
        issues: [{ path: [], message: `not a readable iCalendar feed: ${reason}` }],
      })
    })
  }

  test('skipped notices are reported', () => {
    const result = holidaysFromICalendar(
      feed(['SUMMARY:Daylight Saving Time starts', 'DTSTART;VALUE=DATE:20260308']),
      'UTC',
    )
    assert.deepEqual(result.ok && result.value.skipped, ['Daylight Saving Time starts'])
  })

  test('a feed closes its dates in a calendar', () => {
    const text = feed(['SUMMARY:Christmas break', 'DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261229'])
    const c = office('Europe/London', [{ icalendar: text }])
    // Of the weekdays from 21 to 31 December, the 24th, 25th and 28th are closed.
    assert.equal(c.between(at('2026-12-21T00:00Z'), at('2027-01-01T00:00Z')), 6 * 8 * HOUR)
    assert.equal(iso(c.nextOpen(at('2026-12-24T10:00Z'))), '2026-12-29T09:00:00.000Z')
  })

  test('an unreadable feed is an issue at its path', () => {
    const result = parseCalendar({
      timezone: 'UTC',
      week: '24x7',
      holidays: ['2026-12-25', { icalendar: 'hello' }],
    })
    assert.equal(result.ok, false)
    const [issue] = result.ok ? [] : result.issues
    assert.deepEqual(issue?.path, ['holidays', 1, 'icalendar'])
    assert.match(issue?.message ?? '', /^not a readable iCalendar feed: /)
  })
})
