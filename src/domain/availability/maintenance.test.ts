// Maintenance windows as instants: recurring rules in local time across clock changes, and
// the notice rule for recurring and one-off windows.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type MaintenanceOptions, type MaintenanceWindow, maintenanceOccurrences } from './maintenance.ts'
import { at } from './test-support/objective.ts'

const iso = (t: number) => new Date(t).toISOString().slice(0, 16)
const month = (from: string, to: string) => ({ start: at(from), end: at(to) })

function occurrences(windows: MaintenanceWindow[], options: Partial<MaintenanceOptions> = {}) {
  const result = maintenanceOccurrences(windows, {
    service: 'portal',
    range: month('2026-10-01T00:00Z', '2026-11-01T00:00Z'),
    effectiveFrom: '2026-01-01',
    ...options,
  })
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '))
  return result.value.map(
    (o) => `${iso(o.start)}–${iso(o.end)}${o.qualifies ? '' : ` not qualifying: ${o.reason}`}`,
  )
}

const weekly = (rrule: string, timezone: string, duration = '2h'): MaintenanceWindow => ({
  id: 'w',
  services: ['portal'],
  rrule,
  timezone,
  duration,
})

describe('recurring windows in local time', () => {
  test('Sunday 02:00 Europe/London in October: 01:00 UTC in summer time, 02:00 UTC after the change', () => {
    assert.deepEqual(occurrences([weekly('FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0', 'Europe/London')]), [
      '2026-10-04T01:00–2026-10-04T03:00',
      '2026-10-11T01:00–2026-10-11T03:00',
      '2026-10-18T01:00–2026-10-18T03:00',
      '2026-10-25T02:00–2026-10-25T04:00',
    ])
  })

  test('a start the clocks skip moves forward by the gap; the duration is real time', () => {
    // 2026-03-29: London's clocks go from 01:00 GMT to 02:00 BST, so 01:30 does not exist.
    const range = month('2026-03-20T00:00Z', '2026-04-06T00:00Z')
    assert.deepEqual(
      occurrences([weekly('FREQ=WEEKLY;BYDAY=SU;BYHOUR=1;BYMINUTE=30', 'Europe/London', '1h')], { range }),
      [
        '2026-03-22T01:30–2026-03-22T02:30',
        '2026-03-29T01:30–2026-03-29T02:30',
        '2026-04-05T00:30–2026-04-05T01:30',
      ],
    )
  })

  test('America/New_York: 02:00 on the spring-forward Sunday is 03:00 EDT; 01:30 on the fall-back one is the first', () => {
    const march = month('2026-03-07T00:00Z', '2026-03-16T00:00Z')
    assert.deepEqual(
      occurrences([weekly('FREQ=WEEKLY;BYDAY=SU;BYHOUR=2', 'America/New_York')], { range: march }),
      ['2026-03-08T07:00–2026-03-08T09:00', '2026-03-15T06:00–2026-03-15T08:00'],
    )
    const november = month('2026-10-31T00:00Z', '2026-11-09T00:00Z')
    assert.deepEqual(
      occurrences([weekly('FREQ=WEEKLY;BYDAY=SU;BYHOUR=1;BYMINUTE=30', 'America/New_York')], {
        range: november,
      }),
      ['2026-11-01T05:30–2026-11-01T07:30', '2026-11-08T06:30–2026-11-08T08:30'],
    )
  })

  test('an occurrence that starts before the range and runs into it is returned', () => {
    const range = month('2026-10-04T02:00Z', '2026-10-05T00:00Z')
    assert.deepEqual(occurrences([weekly('FREQ=WEEKLY;BYDAY=SU;BYHOUR=2', 'Europe/London')], { range }), [
      '2026-10-04T01:00–2026-10-04T03:00',
    ])
  })

  test('windows of other services do not apply', () => {
    assert.deepEqual(occurrences([{ ...weekly('FREQ=DAILY', 'UTC'), services: ['email'] }]), [])
  })

  test('a rule with COUNT starts counting on the effective date', () => {
    const rule = weekly('FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1', 'UTC', '1h')
    assert.deepEqual(occurrences([rule]), ['2026-10-01T00:00–2026-10-01T01:00'])
    assert.deepEqual(occurrences([rule], { effectiveFrom: '2026-02-01' }), [
      '2026-10-01T00:00–2026-10-01T01:00',
    ])
    assert.deepEqual(occurrences([rule], { effectiveFrom: '2025-12-01' }), [])
  })

  test('an unreadable rule is an issue naming the window', () => {
    const result = maintenanceOccurrences([weekly('FREQ=WEEKLY;BYDAY=XX', 'UTC')], {
      service: 'portal',
      range: month('2026-10-01T00:00Z', '2026-11-01T00:00Z'),
    })
    assert.equal(result.ok, false)
    assert.deepEqual(!result.ok && result.issues.map((i) => [i.path, i.message]), [
      [[0, 'rrule'], 'maintenance window "w": the rule cannot be read: invalid BYDAY value "XX"'],
    ])
  })
})

describe('the notice rule', () => {
  // Monthly, first Saturday 22:00 in Nairobi (UTC+3), with five days' notice.
  const monthly: MaintenanceWindow = {
    ...weekly('FREQ=MONTHLY;BYDAY=1SA;BYHOUR=22', 'Africa/Nairobi', '4h'),
    notice: 'P5D',
  }
  const spring = month('2026-03-01T00:00Z', '2026-05-01T00:00Z')

  test('a recurring window counts as announced on the day the agreement took effect', () => {
    assert.deepEqual(occurrences([monthly], { range: spring, effectiveFrom: '2026-03-01' }), [
      '2026-03-07T19:00–2026-03-07T23:00',
      '2026-04-04T19:00–2026-04-04T23:00',
    ])
    assert.deepEqual(occurrences([monthly], { range: spring, effectiveFrom: '2026-03-04' }), [
      '2026-03-07T19:00–2026-03-07T23:00 not qualifying: within its notice of P5D of the agreement taking effect on 2026-03-04',
      '2026-04-04T19:00–2026-04-04T23:00',
    ])
  })

  test('without an effective date a recurring window always counts', () => {
    assert.equal(occurrences([monthly], { range: spring, effectiveFrom: undefined }).length, 2)
  })

  const oneOff = (fields: Partial<MaintenanceWindow>): MaintenanceWindow => ({
    id: 'upgrade',
    services: ['portal'],
    start: '2026-10-10T22:00',
    timezone: 'Europe/London',
    duration: '4h',
    ...fields,
  })
  const cases: [string, Partial<MaintenanceWindow>, string][] = [
    ['no notice asked: counts', {}, ''],
    ['announced exactly the notice before: counts', { notice: 'P2D', announcedAt: '2026-10-08T22:00' }, ''],
    [
      'announced too late: ordinary time',
      { notice: 'P2D', announcedAt: '2026-10-09T09:00Z' },
      ' not qualifying: announced 2026-10-09T09:00Z, less than its notice of P2D before it started',
    ],
    ['never announced', { notice: '48h' }, ' not qualifying: never announced, and it needs 48h of notice'],
    [
      'a start with an offset',
      { start: '2026-10-10T21:00Z', notice: 'P2D', announcedAt: '2026-10-08T21:00Z' },
      '',
    ],
  ]
  for (const [name, fields, suffix] of cases) {
    test(`one-off: ${name}`, () => {
      assert.deepEqual(occurrences([oneOff(fields)]), [`2026-10-10T21:00–2026-10-11T01:00${suffix}`])
    })
  }

  test('one-off: a date that does not exist is an issue', () => {
    const result = maintenanceOccurrences([oneOff({ start: '2026-02-30T22:00' })], {
      service: 'portal',
      range: month('2026-02-01T00:00Z', '2026-03-01T00:00Z'),
    })
    assert.deepEqual(!result.ok && result.issues.map((i) => i.path), [[0, 'start']])
  })
})
