// An objective of an agreement: its maintenance under the notice rule, and issues that name
// the agreement's field.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { AgreementSpec } from '../agreement/schema.ts'
import type { MaintenanceWindow } from './maintenance.ts'
import { measureObjective } from './measure-objective.ts'
import type { AvailabilityObjective } from './objective-rules.ts'
import { parsePeriodLabel } from './reporting-period.ts'
import { objective, runs } from './test-support/objective.ts'

const OCTOBER = { label: parsePeriodLabel('2026-10'), asOf: Date.parse('2026-12-01T00:00Z') }
const HOUR = 3_600_000

function spec(availability: AvailabilityObjective[], maintenance: MaintenanceWindow[]): AgreementSpec {
  return {
    parties: { provider: { id: 'p', name: 'Provider' }, customer: { id: 'c', name: 'Customer' } },
    term: { effectiveFrom: '2026-01-01' },
    availability,
    maintenance,
  }
}

// Saturday 10 October 22:00 London time (21:00 UTC) for four hours, with two days' notice;
// the portal is down for all of it.
const upgrade = (announcedAt: string): MaintenanceWindow => ({
  id: 'upgrade',
  services: ['portal'],
  start: '2026-10-10T22:00',
  timezone: 'Europe/London',
  duration: '4h',
  notice: 'P2D',
  announcedAt,
})
const intervals = runs(
  'api',
  '2026-09-30T00:00Z',
  ['up', '2026-10-10T21:00Z'],
  ['down', '2026-10-11T01:00Z'],
  ['up', '2026-11-02T00:00Z'],
)

describe('measureObjective', () => {
  test('a window announced in time is maintenance, and the outage in it is not downtime', () => {
    const result = measureObjective(
      spec([objective({ exclude: ['maintenance'] })], [upgrade('2026-10-08T09:00Z')]),
      'uptime',
      OCTOBER,
      intervals,
    )
    assert.ok(result.ok)
    assert.deepEqual([result.value.figures.downMs, result.value.figures.maintenanceMs], [0, 4 * HOUR])
  })

  test('a window announced too late is ordinary time, and says why', () => {
    const result = measureObjective(
      spec([objective({ exclude: ['maintenance'] })], [upgrade('2026-10-09T09:00Z')]),
      'uptime',
      OCTOBER,
      intervals,
    )
    assert.ok(result.ok)
    assert.deepEqual([result.value.figures.downMs, result.value.figures.maintenanceMs], [4 * HOUR, 0])
    assert.deepEqual(result.value.maintenance, [
      {
        window: 'upgrade',
        start: Date.parse('2026-10-10T21:00Z'),
        end: Date.parse('2026-10-11T01:00Z'),
        qualifies: false,
        reason: 'announced 2026-10-09T09:00Z, less than its notice of P2D before it started',
      },
    ])
  })

  test('issues name the agreement field at fault', () => {
    const cases: [AgreementSpec, string, (string | number)[][]][] = [
      [spec([objective({ period: 'rolling' })], []), 'uptime', [['spec', 'availability', 0, 'window']]],
      [spec([objective({ aggregate: 'named' })], []), 'uptime', [['spec', 'availability', 0, 'components']]],
      [
        spec([objective({ downtime: { classification: 'minimum-consecutive' } })], []),
        'uptime',
        [['spec', 'availability', 0, 'downtime']],
      ],
      [
        spec([objective()], [{ ...upgrade('2026-10-01T00:00Z'), start: undefined, rrule: 'FREQ=SOMETIMES' }]),
        'uptime',
        [['spec', 'maintenance', 0, 'rrule']],
      ],
      [spec([objective()], []), 'nope', [['spec', 'availability']]],
    ]
    for (const [agreement, id, paths] of cases) {
      const result = measureObjective(agreement, id, OCTOBER, [])
      assert.deepEqual(result.ok ? [] : result.issues.map((i) => i.path), paths)
    }
  })
})
