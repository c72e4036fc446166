import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatInZone, parseInstant } from './time-zone.ts'

describe('parseInstant', () => {
  const cases: [string, string, string | null][] = [
    ['2026-11-20T16:30:00Z', 'Europe/London', '2026-11-20T16:30:00.000Z'],
    ['2026-11-20T16:30:00.5+05:30', 'UTC', '2026-11-20T11:00:00.500Z'],
    ['2026-11-20T16:30-0500', 'UTC', '2026-11-20T21:30:00.000Z'],
    ['2026-07-03T16:30', 'Europe/London', '2026-07-03T15:30:00.000Z'],
    ['2026-07-03 16:30', 'America/New_York', '2026-07-03T20:30:00.000Z'],
    ['2026-11-20', 'Asia/Kolkata', '2026-11-19T18:30:00.000Z'],
    // Spring forward in New York: 02:30 does not exist and moves forward by the gap.
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // Fall back: 01:30 happens twice; the first is taken.
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-02-30T10:00Z', 'UTC', null],
    ['2026-11-20T25:00Z', 'UTC', null],
    ['tomorrow', 'UTC', null],
  ]
  for (const [text, zone, expected] of cases) {
    test(`${text} in ${zone}`, () => {
      const t = parseInstant(text, zone)
      assert.equal(t === null ? null : new Date(t).toISOString(), expected)
    })
  }
})

describe('formatInZone', () => {
  test('shows the wall clock and the offset in force', () => {
    assert.equal(formatInZone('Europe/London', Date.UTC(2026, 6, 6, 7, 30)), '2026-07-06T08:30:00.000+01:00')
    assert.equal(formatInZone('Asia/Kolkata', Date.UTC(2026, 0, 1)), '2026-01-01T05:30:00.000+05:30')
    assert.equal(formatInZone('America/New_York', Date.UTC(2026, 0, 1)), '2025-12-31T19:00:00.000-05:00')
  })
})
