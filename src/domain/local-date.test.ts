// Civil dates as day numbers and times of day as minutes: the zone-free parts of a calendar.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  civilDate,
  dayNumber,
  formatLocalDate,
  formatTimeOfDay,
  parseLocalDate,
  parseMonthDay,
  parseTimeOfDay,
} from './local-date.ts'

describe('parseLocalDate', () => {
  const cases: [string, string | null][] = [
    ['2026-12-25', '2026-12-25'],
    ['2028-02-29', '2028-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2027-02-29', null],
    ['1900-02-29', null],
    ['2026-04-31', null],
    ['2026-00-10', null],
    ['2026-13-01', null],
    ['2026-1-05', null],
    ['26-01-05', null],
    ['2026-01-05T00:00', null],
  ]
  for (const [text, expected] of cases) {
    test(`${text} → ${expected}`, () => {
      const day = parseLocalDate(text)
      assert.equal(day === null ? null : formatLocalDate(day), expected)
    })
  }
})

describe('parseMonthDay', () => {
  const cases: [string, number | null][] = [
    ['12-25', 1225],
    ['01-01', 101],
    ['02-29', 229],
    ['02-30', null],
    ['04-31', null],
    ['13-01', null],
    ['1-01', null],
    ['2026-12-25', null],
  ]
  for (const [text, expected] of cases)
    test(`${text} → ${expected}`, () => assert.equal(parseMonthDay(text), expected))
})

describe('parseTimeOfDay', () => {
  const cases: [string, number | null][] = [
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
    ['24:01', null],
    ['25:00', null],
    ['12:60', null],
    ['9:00', null],
    ['09:00:00', null],
    ['0900', null],
  ]
  for (const [text, expected] of cases)
    test(`${text} → ${expected}`, () => assert.equal(parseTimeOfDay(text), expected))

  test('formatTimeOfDay writes minutes back as HH:MM', () => {
    assert.equal(formatTimeOfDay(570), '09:30')
    assert.equal(formatTimeOfDay(0), '00:00')
  })
})

describe('day numbers', () => {
  test('1970-01-01 is day 0, a Thursday', () => {
    assert.equal(dayNumber(1970, 1, 1), 0)
    assert.deepEqual(civilDate(0), { year: 1970, month: 1, day: 1, weekday: 4 })
  })

  test('civilDate inverts dayNumber from 1800 to 9000, years under 100 included', () => {
    for (const [year, month, day] of [
      [1800, 1, 1],
      [2026, 12, 25],
      [2028, 2, 29],
      [9000, 12, 31],
      [99, 3, 1],
    ] as const) {
      const date = civilDate(dayNumber(year, month, day))
      assert.deepEqual([date.year, date.month, date.day], [year, month, day])
    }
    assert.equal(formatLocalDate(dayNumber(99, 3, 1)), '0099-03-01')
  })

  test('weekdays', () => {
    assert.equal(civilDate(dayNumber(2026, 12, 25)).weekday, 5) // a Friday
    assert.equal(civilDate(dayNumber(2026, 3, 8)).weekday, 0) // a Sunday
  })
})
