// IANA zone arithmetic through Intl: offsets, wall-clock readings, and readings back to
// instants across gaps and overlaps. Nothing here may depend on the process's zone.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { canonicalTimeZone, fromLocal, isValidTimeZone, offsetAt, toLocal } from './time-zone.ts'

const HOUR = 3_600_000
const MINUTE = 60_000
const iso = (t: number) => new Date(t).toISOString()
/** A wall-clock reading as local milliseconds: its epoch value were the zone UTC. */
const reading = (text: string) => Date.parse(`${text}Z`)

describe('offsetAt', () => {
  const cases: [string, string, number][] = [
    ['UTC', '2026-07-01T12:00:00Z', 0],
    ['Asia/Kolkata', '2026-07-01T12:00:00Z', 5.5 * HOUR],
    ['Asia/Kathmandu', '2026-07-01T12:00:00Z', 5.75 * HOUR],
    ['America/New_York', '2026-01-15T12:00:00Z', -5 * HOUR],
    ['America/New_York', '2026-07-15T12:00:00Z', -4 * HOUR],
    ['America/New_York', '2026-03-08T06:59:59.999Z', -5 * HOUR],
    ['America/New_York', '2026-03-08T07:00:00Z', -4 * HOUR],
    ['America/New_York', '2026-11-01T05:59:59.999Z', -4 * HOUR],
    ['America/New_York', '2026-11-01T06:00:00Z', -5 * HOUR],
    ['Europe/London', '2026-03-29T01:00:00Z', HOUR],
    ['Australia/Sydney', '2026-04-04T15:59:59Z', 11 * HOUR],
    ['Australia/Sydney', '2026-04-04T16:00:00Z', 10 * HOUR],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', 11 * HOUR],
    ['Australia/Lord_Howe', '2026-10-03T15:29:59Z', 10.5 * HOUR],
    ['America/Sao_Paulo', '2018-11-04T03:00:00Z', -2 * HOUR],
    ['America/Sao_Paulo', '2026-01-15T12:00:00Z', -3 * HOUR],
  ]
  for (const [zone, t, offset] of cases) {
    test(`${zone} at ${t} is ${offset / MINUTE} min`, () =>
      assert.equal(offsetAt(zone, Date.parse(t)), offset))
  }

  test('toLocal is the instant plus the offset', () => {
    assert.equal(
      iso(toLocal('America/New_York', Date.parse('2026-11-01T05:30:00Z'))),
      '2026-11-01T01:30:00.000Z',
    )
    assert.equal(
      iso(toLocal('America/New_York', Date.parse('2026-11-01T06:30:00Z'))),
      '2026-11-01T01:30:00.000Z',
    )
  })
})

describe('fromLocal', () => {
  const cases: [string, string, string, string][] = [
    ['an ordinary reading', 'Europe/London', '2026-07-01T09:00', '2026-07-01T08:00:00.000Z'],
    ['a fixed zone', 'UTC', '2026-07-01T09:00', '2026-07-01T09:00:00.000Z'],
    ['a half-hour zone', 'Asia/Kolkata', '2026-07-01T09:00', '2026-07-01T03:30:00.000Z'],
    // Spring forward: the reading is skipped and moves forward by the gap.
    [
      'New York 02:30 in the gap is 03:30 EDT',
      'America/New_York',
      '2026-03-08T02:30',
      '2026-03-08T07:30:00.000Z',
    ],
    [
      'New York 02:00, the gap’s start, is 03:00 EDT',
      'America/New_York',
      '2026-03-08T02:00',
      '2026-03-08T07:00:00.000Z',
    ],
    ['New York 03:00, the gap’s end', 'America/New_York', '2026-03-08T03:00', '2026-03-08T07:00:00.000Z'],
    ['London 01:30 in the gap is 02:30 BST', 'Europe/London', '2026-03-29T01:30', '2026-03-29T01:30:00.000Z'],
    [
      'Sydney 02:30 in the gap is 03:30 AEDT',
      'Australia/Sydney',
      '2026-10-04T02:30',
      '2026-10-03T16:30:00.000Z',
    ],
    [
      'Sao Paulo’s missing midnight is 01:00',
      'America/Sao_Paulo',
      '2018-11-04T00:00',
      '2018-11-04T03:00:00.000Z',
    ],
    [
      'Lord Howe 02:15 in a 30-minute gap is 02:45',
      'Australia/Lord_Howe',
      '2026-10-04T02:15',
      '2026-10-03T15:45:00.000Z',
    ],
    // Fall back: the reading happens twice; the first is taken.
    ['New York 01:30 is the EDT one', 'America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'],
    ['New York 01:00 is the EDT one', 'America/New_York', '2026-11-01T01:00', '2026-11-01T05:00:00.000Z'],
    [
      'New York 02:00 happens once, in EST',
      'America/New_York',
      '2026-11-01T02:00',
      '2026-11-01T07:00:00.000Z',
    ],
    ['London 01:30 is the BST one', 'Europe/London', '2026-10-25T01:30', '2026-10-25T00:30:00.000Z'],
    ['Sydney 02:30 is the AEDT one', 'Australia/Sydney', '2026-04-05T02:30', '2026-04-04T15:30:00.000Z'],
    [
      'Sao Paulo 23:30 before the fall-back midnight is the −02 one',
      'America/Sao_Paulo',
      '2018-02-17T23:30',
      '2018-02-18T01:30:00.000Z',
    ],
  ]
  for (const [rule, zone, local, expected] of cases) {
    test(`${rule}: ${zone} ${local}`, () => assert.equal(iso(fromLocal(zone, reading(local))), expected))
  }

  test('every reading that exists comes back from toLocal(fromLocal(reading))', () => {
    for (const zone of [
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'America/Santiago',
    ]) {
      for (
        let local = reading('2026-01-01T00:00');
        local < reading('2027-01-01T00:00');
        local += 97 * MINUTE
      ) {
        const t = fromLocal(zone, local)
        const back = toLocal(zone, t)
        // A reading in a gap comes back moved forward by the gap; every other comes back as is,
        // and is its first occurrence: half an hour or an hour earlier the clock did not show it.
        assert.ok(back === local || (back > local && back - local <= HOUR), `${zone} ${iso(local)}`)
        for (const earlier of [30 * MINUTE, HOUR])
          assert.notEqual(toLocal(zone, t - earlier), local, `${zone} ${iso(local)}`)
      }
    }
  })
})

describe('zone names', () => {
  test('canonicalTimeZone spells a zone as the runtime does, in any letter case', () => {
    assert.equal(canonicalTimeZone('europe/london'), 'Europe/London')
    assert.equal(canonicalTimeZone('UTC'), 'UTC')
    assert.equal(canonicalTimeZone('Mars/Olympus'), null)
    assert.equal(canonicalTimeZone(''), null)
  })

  test('isValidTimeZone', () => {
    assert.equal(isValidTimeZone('America/Sao_Paulo'), true)
    assert.equal(isValidTimeZone('America/Sao Paulo'), false)
  })
})
