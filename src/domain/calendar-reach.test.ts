// How far a search reaches. A search that finds no open time within ten years fails with
// no_open_time; a search for an opening or a closing that does not come within ten years (a
// 24×7 calendar never closes) fails with out_of_range; so does an answer more than 200 years
// away. Nothing hangs, and whether a query fails never depends on the queries before it.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type Calendar, createCalendar } from './calendar.ts'
import type { CalendarSpec } from './calendar-spec.ts'

const HOUR = 3_600_000
const iso = (t: Date | number) => new Date(t).toISOString()
const at = (text: string) => {
  const t = Date.parse(text)
  assert.ok(/(Z|[+-]\d\d:\d\d)$/.test(text) && Number.isFinite(t), `bad instant in a test: ${text}`)
  return t
}

// Open on one day only: 1 June 2026, 09:00–17:00 UTC.
const ONE_DAY: CalendarSpec = { timezone: 'UTC', week: {}, overrides: { '2026-06-01': [['09:00', '17:00']] } }
const noOpenTime = (side: 'after' | 'before', t: string) => ({
  name: 'AppError',
  code: 'no_open_time',
  message: `the calendar has no open time within 10 years ${side} ${t}`,
})

describe('a calendar open only on one far-off day', () => {
  const answers: [string, (c: Calendar) => Date, string][] = [
    ['nextOpen five years before', (c) => c.nextOpen(at('2021-06-01T00:00Z')), '2026-06-01T09:00:00.000Z'],
    ['add nine years before', (c) => c.add(at('2017-06-01T00:00Z'), HOUR), '2026-06-01T10:00:00.000Z'],
    [
      'previousClose nine years after',
      (c) => c.previousClose(at('2035-06-01T00:00Z')),
      '2026-06-01T17:00:00.000Z',
    ],
    [
      'subtract nine years after',
      (c) => c.subtract(at('2035-06-01T00:00Z'), HOUR),
      '2026-06-01T16:00:00.000Z',
    ],
    ['nextClosing while open', (c) => c.nextClosing(at('2026-06-01T10:00Z')), '2026-06-01T17:00:00.000Z'],
    [
      'previousOpening while open',
      (c) => c.previousOpening(at('2026-06-01T10:00Z')),
      '2026-06-01T09:00:00.000Z',
    ],
  ]
  for (const [query, ask, expected] of answers) {
    test(`${query} finds it`, () => assert.equal(iso(ask(createCalendar(ONE_DAY))), expected))
  }

  const failures: [string, (c: Calendar) => unknown, ReturnType<typeof noOpenTime>][] = [
    [
      'nextOpen eleven years before',
      (c) => c.nextOpen(at('2015-06-01T00:00Z')),
      noOpenTime('after', '2015-06-01T00:00:00.000Z'),
    ],
    [
      'nextOpen after it',
      (c) => c.nextOpen(at('2040-01-01T00:00Z')),
      noOpenTime('after', '2040-01-01T00:00:00.000Z'),
    ],
    [
      'add after it',
      (c) => c.add(at('2040-01-01T00:00Z'), 1),
      noOpenTime('after', '2040-01-01T00:00:00.000Z'),
    ],
    [
      'add by zero after it',
      (c) => c.add(at('2040-01-01T00:00Z'), 0),
      noOpenTime('after', '2040-01-01T00:00:00.000Z'),
    ],
    [
      'previousClose eleven years after',
      (c) => c.previousClose(at('2037-06-02T00:00Z')),
      noOpenTime('before', '2037-06-02T00:00:00.000Z'),
    ],
    [
      'subtract before it',
      (c) => c.subtract(at('2020-01-01T00:00Z'), 1),
      noOpenTime('before', '2020-01-01T00:00:00.000Z'),
    ],
    // 7 hours remain after 10:00; the eighth would be more than ten years on.
    [
      'add past its end',
      (c) => c.add(at('2026-06-01T10:00Z'), 8 * HOUR),
      noOpenTime('after', '2026-06-01T17:00:00.000Z'),
    ],
    [
      'subtract past its start',
      (c) => c.subtract(at('2026-06-01T10:00Z'), 2 * HOUR),
      noOpenTime('before', '2026-06-01T09:00:00.000Z'),
    ],
    [
      'nextOpening while open',
      (c) => c.nextOpening(at('2026-06-01T10:00Z')),
      noOpenTime('after', '2026-06-01T17:00:00.000Z'),
    ],
    [
      'previousClosing while open',
      (c) => c.previousClosing(at('2026-06-01T10:00Z')),
      noOpenTime('before', '2026-06-01T09:00:00.000Z'),
    ],
  ]
  for (const [query, ask, error] of failures) {
    test(`${query} fails with no_open_time`, () => assert.throws(() => ask(createCalendar(ONE_DAY)), error))
  }

  test('a query fails the same way after earlier queries built tables across the day', () => {
    const warm = createCalendar(ONE_DAY)
    assert.equal(warm.between(at('2014-01-01T00:00Z'), at('2041-01-01T00:00Z')), 8 * HOUR)
    for (const [, ask, error] of failures) assert.throws(() => ask(warm), error)
    for (const [, ask, expected] of answers) assert.equal(iso(ask(warm)), expected)
  })
})

describe('calendars that never close, or open only rarely', () => {
  const always = () => createCalendar({ timezone: 'Europe/London', week: '24x7' })
  const t = at('2026-01-05T12:00Z')
  const none = (what: string, side: string) => ({
    name: 'AppError',
    code: 'out_of_range',
    message: `the calendar has no ${what} within 10 years ${side} 2026-01-05T12:00:00.000Z`,
  })

  test('24x7 has no closing and no opening in reach', () => {
    assert.throws(() => always().nextClosing(t), none('closing', 'after'))
    assert.throws(() => always().previousClosing(t), none('closing', 'before'))
    assert.throws(() => always().nextOpening(t), none('opening', 'after'))
    assert.throws(() => always().previousOpening(t), none('opening', 'before'))
  })

  test('a calendar that warmed up over many years still says so', () => {
    const warm = always()
    warm.between(at('2000-01-01T00:00Z'), at('2050-01-01T00:00Z'))
    assert.throws(() => warm.nextClosing(t), none('closing', 'after'))
    assert.throws(() => warm.previousOpening(t), none('opening', 'before'))
  })

  test('24x7 with a holiday in reach closes then', () => {
    const c = createCalendar({ timezone: 'Europe/London', week: '24x7', holidays: ['2030-12-25'] })
    assert.equal(iso(c.nextClosing(t)), '2030-12-25T00:00:00.000Z')
    assert.equal(iso(c.nextOpening(t)), '2030-12-26T00:00:00.000Z')
  })

  test('an answer more than 200 years away is out of range', () => {
    // One minute a year: four hours of business time take 240 years.
    const rare = createCalendar({ timezone: 'UTC', week: {}, overrides: { '01-01': [['00:00', '00:01']] } })
    assert.equal(iso(rare.add(at('2026-06-01T00:00Z'), 60_000)), '2027-01-01T00:01:00.000Z')
    assert.throws(() => rare.add(at('2026-06-01T00:00Z'), 4 * HOUR), {
      name: 'AppError',
      code: 'out_of_range',
      message: 'the answer lies more than 200 years from 2026-06-01T00:00:00.000Z',
    })
  })
})
