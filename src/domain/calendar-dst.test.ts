// Calendars across the days the clocks change. A local time that does not exist (spring
// forward) moves forward by the gap; an ambiguous one (fall back) is its first occurrence;
// durations are real elapsed time. Expected instants are written in UTC with the local reading
// beside them.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createCalendar } from './calendar.ts'
import type { TimeInterval } from './calendar-spec.ts'

const HOUR = 3_600_000
const iso = (t: Date | number) => new Date(t).toISOString()
const at = (text: string) => {
  const t = Date.parse(text)
  assert.ok(/(Z|[+-]\d\d:\d\d)$/.test(text) && Number.isFinite(t), `bad instant in a test: ${text}`)
  return t
}

/** A calendar open only on `date`, with `hours`. */
const onlyOn = (timezone: string, date: string, hours: TimeInterval[]) =>
  createCalendar({ timezone, week: {}, overrides: { [date]: hours } })

/** The open intervals of a calendar open only on `date`, over the days around it. */
function periodsOn(timezone: string, date: string, hours: TimeInterval[]): string[] {
  const noon = at(`${date}T12:00Z`)
  return onlyOn(timezone, date, hours)
    .periods(noon - 72 * HOUR, noon + 72 * HOUR)
    .map(([s, e]) => `${iso(s)} – ${iso(e)}`)
}

type Case = [rule: string, zone: string, date: string, hours: TimeInterval[], periods: string[]]

const cases: Case[] = [
  // America/New_York, 2026: 8 March 02:00 EST → 03:00 EDT (07:00Z); 1 November 02:00 EDT → 01:00 EST (06:00Z).
  [
    'the spring-forward day has 23 hours',
    'America/New_York',
    '2026-03-08',
    [['00:00', '24:00']],
    ['2026-03-08T05:00:00.000Z – 2026-03-09T04:00:00.000Z'],
  ],
  [
    'the fall-back day has 25 hours',
    'America/New_York',
    '2026-11-01',
    [['00:00', '24:00']],
    ['2026-11-01T04:00:00.000Z – 2026-11-02T05:00:00.000Z'],
  ],
  // 02:30 does not exist: it is 03:30 EDT.
  [
    'an opening in the gap moves forward by the gap',
    'America/New_York',
    '2026-03-08',
    [['02:30', '05:00']],
    ['2026-03-08T07:30:00.000Z – 2026-03-08T09:00:00.000Z'],
  ],
  [
    'a close in the gap moves forward by the gap',
    'America/New_York',
    '2026-03-08',
    [['00:00', '02:30']],
    ['2026-03-08T05:00:00.000Z – 2026-03-08T07:30:00.000Z'],
  ],
  [
    'an interval containing the spring-forward change is an hour short',
    'America/New_York',
    '2026-03-08',
    [['01:00', '04:00']],
    ['2026-03-08T06:00:00.000Z – 2026-03-08T08:00:00.000Z'],
  ],
  [
    'an interval wholly in the gap moves forward with it',
    'America/New_York',
    '2026-03-08',
    [['02:00', '02:30']],
    ['2026-03-08T07:00:00.000Z – 2026-03-08T07:30:00.000Z'],
  ],
  // 02:30 becomes 03:30 EDT, after the 03:15 close.
  [
    'an interval whose moved opening passes its close has no time',
    'America/New_York',
    '2026-03-08',
    [['02:30', '03:15']],
    [],
  ],
  // 02:10–02:40 becomes 03:10–03:40 EDT, inside 03:00–04:00, though listed before it.
  [
    'an interval the gap carries into the next one merges with it',
    'America/New_York',
    '2026-03-08',
    [
      ['02:10', '02:40'],
      ['03:00', '04:00'],
    ],
    ['2026-03-08T07:00:00.000Z – 2026-03-08T08:00:00.000Z'],
  ],
  // 01:30 happens at 05:30Z (EDT) and 06:30Z (EST); the first is taken.
  [
    'an ambiguous opening is its first occurrence',
    'America/New_York',
    '2026-11-01',
    [['01:30', '03:00']],
    ['2026-11-01T05:30:00.000Z – 2026-11-01T08:00:00.000Z'],
  ],
  [
    'an ambiguous close is its first occurrence',
    'America/New_York',
    '2026-11-01',
    [['00:00', '01:30']],
    ['2026-11-01T04:00:00.000Z – 2026-11-01T05:30:00.000Z'],
  ],
  [
    'an interval containing the fall-back change is an hour long',
    'America/New_York',
    '2026-11-01',
    [['01:00', '04:00']],
    ['2026-11-01T05:00:00.000Z – 2026-11-01T09:00:00.000Z'],
  ],

  // Europe/London, 2026: 29 March 01:00 GMT → 02:00 BST (01:00Z); 25 October 02:00 BST → 01:00 GMT (01:00Z).
  [
    'the spring-forward day has 23 hours',
    'Europe/London',
    '2026-03-29',
    [['00:00', '24:00']],
    ['2026-03-29T00:00:00.000Z – 2026-03-29T23:00:00.000Z'],
  ],
  [
    'the fall-back day has 25 hours',
    'Europe/London',
    '2026-10-25',
    [['00:00', '24:00']],
    ['2026-10-24T23:00:00.000Z – 2026-10-26T00:00:00.000Z'],
  ],
  [
    'an opening in the gap moves forward by the gap',
    'Europe/London',
    '2026-03-29',
    [['01:30', '09:00']],
    ['2026-03-29T01:30:00.000Z – 2026-03-29T08:00:00.000Z'],
  ],
  [
    'an ambiguous opening is its first occurrence',
    'Europe/London',
    '2026-10-25',
    [['01:30', '02:00']],
    ['2026-10-25T00:30:00.000Z – 2026-10-25T02:00:00.000Z'],
  ],
  [
    'the repeated hour is closed after an ambiguous close',
    'Europe/London',
    '2026-10-25',
    [['01:00', '01:30']],
    ['2026-10-25T00:00:00.000Z – 2026-10-25T00:30:00.000Z'],
  ],
  [
    'a night shift into spring forward is 7 hours',
    'Europe/London',
    '2026-03-28',
    [['22:00', '06:00']],
    ['2026-03-28T22:00:00.000Z – 2026-03-29T05:00:00.000Z'],
  ],
  [
    'a night shift into fall back is 9 hours',
    'Europe/London',
    '2026-10-24',
    [['22:00', '06:00']],
    ['2026-10-24T21:00:00.000Z – 2026-10-25T06:00:00.000Z'],
  ],

  // Australia/Sydney, 2026: 5 April 03:00 AEDT → 02:00 AEST (4 April 16:00Z); 4 October 02:00 AEST → 03:00 AEDT (3 October 16:00Z).
  [
    'the fall-back day has 25 hours',
    'Australia/Sydney',
    '2026-04-05',
    [['00:00', '24:00']],
    ['2026-04-04T13:00:00.000Z – 2026-04-05T14:00:00.000Z'],
  ],
  [
    'the spring-forward day has 23 hours',
    'Australia/Sydney',
    '2026-10-04',
    [['00:00', '24:00']],
    ['2026-10-03T14:00:00.000Z – 2026-10-04T13:00:00.000Z'],
  ],
  [
    'an ambiguous opening is its first occurrence',
    'Australia/Sydney',
    '2026-04-05',
    [['02:30', '03:30']],
    ['2026-04-04T15:30:00.000Z – 2026-04-04T17:30:00.000Z'],
  ],
  [
    'an opening in the gap moves forward by the gap',
    'Australia/Sydney',
    '2026-10-04',
    [['02:30', '04:00']],
    ['2026-10-03T16:30:00.000Z – 2026-10-03T17:00:00.000Z'],
  ],
  [
    'a night shift into fall back is 9 hours',
    'Australia/Sydney',
    '2026-04-04',
    [['22:00', '06:00']],
    ['2026-04-04T11:00:00.000Z – 2026-04-04T20:00:00.000Z'],
  ],
  [
    'a night shift into spring forward is 7 hours',
    'Australia/Sydney',
    '2026-10-03',
    [['22:00', '06:00']],
    ['2026-10-03T12:00:00.000Z – 2026-10-03T19:00:00.000Z'],
  ],

  // America/Sao_Paulo, 2018 (Brazil dropped DST in 2019), changes at midnight: 18 February
  // 00:00 −02 → 17 February 23:00 −03 (02:00Z); 4 November 00:00 −03 → 01:00 −02 (03:00Z).
  [
    'the day before the fall-back midnight has 25 hours',
    'America/Sao_Paulo',
    '2018-02-17',
    [['00:00', '24:00']],
    ['2018-02-17T02:00:00.000Z – 2018-02-18T03:00:00.000Z'],
  ],
  [
    'an evening ending at the fall-back midnight',
    'America/Sao_Paulo',
    '2018-02-17',
    [['22:00', '24:00']],
    ['2018-02-18T00:00:00.000Z – 2018-02-18T03:00:00.000Z'],
  ],
  [
    'an ambiguous opening before midnight is its first occurrence',
    'America/Sao_Paulo',
    '2018-02-17',
    [['23:30', '24:00']],
    ['2018-02-18T01:30:00.000Z – 2018-02-18T03:00:00.000Z'],
  ],
  [
    'the spring-forward day starts at 01:00 and has 23 hours',
    'America/Sao_Paulo',
    '2018-11-04',
    [['00:00', '24:00']],
    ['2018-11-04T03:00:00.000Z – 2018-11-05T02:00:00.000Z'],
  ],
  [
    'the day before it ends at the moved midnight and has 24 hours',
    'America/Sao_Paulo',
    '2018-11-03',
    [['00:00', '24:00']],
    ['2018-11-03T03:00:00.000Z – 2018-11-04T03:00:00.000Z'],
  ],
  [
    'an opening at the missing midnight moves to 01:00',
    'America/Sao_Paulo',
    '2018-11-04',
    [['00:00', '02:00']],
    ['2018-11-04T03:00:00.000Z – 2018-11-04T04:00:00.000Z'],
  ],
  [
    'a night shift across the missing midnight',
    'America/Sao_Paulo',
    '2018-11-03',
    [['22:00', '02:00']],
    ['2018-11-04T01:00:00.000Z – 2018-11-04T04:00:00.000Z'],
  ],
  [
    'no change in 2019 spring: a Sunday has 24 hours',
    'America/Sao_Paulo',
    '2019-11-03',
    [['00:00', '24:00']],
    ['2019-11-03T03:00:00.000Z – 2019-11-04T03:00:00.000Z'],
  ],

  // A 30-minute change (Australia/Lord_Howe, 4 October 2026 02:00 → 02:30) and one at
  // midnight in a zone still changing (America/Santiago, 6 September 2026 00:00 → 01:00).
  [
    'a 30-minute gap moves an opening by 30 minutes',
    'Australia/Lord_Howe',
    '2026-10-04',
    [['02:15', '03:00']],
    ['2026-10-03T15:45:00.000Z – 2026-10-03T16:00:00.000Z'],
  ],
  [
    'the day of a 30-minute gap has 23½ hours',
    'Australia/Lord_Howe',
    '2026-10-04',
    [['00:00', '24:00']],
    ['2026-10-03T13:30:00.000Z – 2026-10-04T13:00:00.000Z'],
  ],
  [
    'a day starting in a midnight gap starts at 01:00',
    'America/Santiago',
    '2026-09-06',
    [['00:00', '24:00']],
    ['2026-09-06T04:00:00.000Z – 2026-09-07T03:00:00.000Z'],
  ],
]

describe('intervals across clock changes', () => {
  for (const [rule, zone, date, hours, periods] of cases) {
    test(`${zone} ${date} ${JSON.stringify(hours)}: ${rule}`, () => {
      assert.deepEqual(periodsOn(zone, date, hours), periods)
    })
  }
})

describe('durations are real elapsed time', () => {
  test('a 24×7 calendar’s fall-back day has 25 hours and its spring-forward day 23', () => {
    const always = createCalendar({ timezone: 'America/New_York', week: '24x7' })
    assert.equal(always.between(at('2026-11-01T00:00-04:00'), at('2026-11-02T00:00-05:00')), 25 * HOUR)
    assert.equal(always.between(at('2026-03-08T00:00-05:00'), at('2026-03-09T00:00-04:00')), 23 * HOUR)
    assert.equal(iso(always.add(at('2026-03-07T12:00-05:00'), 24 * HOUR)), '2026-03-08T17:00:00.000Z') // 13:00 EDT
  })

  test('daily office hours keep their local times either side of a change', () => {
    const daily = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['09:00', '17:00']]])
    const office = createCalendar({ timezone: 'America/New_York', week: Object.fromEntries(daily) })
    // Saturday 16:00 EST + 2 h is Sunday 10:00 EDT.
    assert.equal(iso(office.add(at('2026-03-07T16:00-05:00'), 2 * HOUR)), '2026-03-08T14:00:00.000Z')
    assert.equal(office.between(at('2026-03-07T09:00-05:00'), at('2026-03-09T09:00-04:00')), 16 * HOUR)
    assert.equal(iso(office.nextOpening(at('2026-10-31T18:00-04:00'))), '2026-11-01T14:00:00.000Z') // 09:00 EST
  })

  test('adding across a shift that contains the change counts the real hours', () => {
    const night = createCalendar({ timezone: 'Australia/Sydney', week: { sat: [['22:00', '06:00']] } })
    // The shift of 4 April 2026 lasts 9 hours; 8 hours in is 05:00 AEST.
    assert.equal(iso(night.add(at('2026-04-04T22:00+11:00'), 8 * HOUR)), '2026-04-04T19:00:00.000Z')
    assert.equal(iso(night.add(at('2026-04-04T22:00+11:00'), 10 * HOUR)), '2026-04-11T13:00:00.000Z') // 23:00 AEST
  })

  test('America/Sao_Paulo has had no clock change since 2019: every Sunday of 2026 has 24 hours', () => {
    const sundays = createCalendar({ timezone: 'America/Sao_Paulo', week: { sun: [['00:00', '24:00']] } })
    assert.equal(sundays.between(at('2026-01-01T00:00-03:00'), at('2027-01-01T00:00-03:00')), 52 * 24 * HOUR)
  })
})
