// What a public status page may show of an agreement: the services it marks public, and the
// qualifying maintenance it has announced for them, nothing else.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { AgreementSpec } from '../agreement/schema.ts'
import { announcedMaintenance, publicServices } from './public-services.ts'
import { at, objective } from './test-support/objective.ts'

const spec = (fields: Partial<AgreementSpec>) => fields as AgreementSpec
const services = [
  { id: 'portal', name: 'Customer portal', public: true },
  { id: 'email', name: 'Hosted email' },
  { id: 'billing', name: 'Billing', public: false },
]

describe('publicServices', () => {
  test('public on the service or on an objective of it; private ones stay out', () => {
    const found = publicServices(
      spec({
        services,
        availability: [
          objective({ id: 'email-uptime', service: 'email', public: true, timezone: 'Europe/London' }),
          objective({ id: 'billing-uptime', service: 'billing' }),
        ],
      }),
    )
    assert.deepEqual(
      found.map((s) => [s.id, s.name, s.rules.timeZone]),
      [
        ['portal', 'Customer portal', 'UTC'],
        ['email', 'Hosted email', 'Europe/London'],
      ],
    )
  })

  test("the public objective sets the days; else the service's first that can be measured", () => {
    const rulesOf = (availability: AgreementSpec['availability']) =>
      publicServices(spec({ services, availability }))[0]!.rules
    const first = objective({ id: 'a', timezone: 'Asia/Kolkata' })
    const open = objective({ id: 'b', timezone: 'America/New_York', public: true })
    const broken = objective({ id: 'c', period: 'rolling', timezone: 'Europe/Paris' })
    assert.equal(rulesOf([first, open]).id, 'b')
    assert.equal(rulesOf([first]).id, 'a')
    assert.equal(rulesOf([broken, first]).id, 'a', 'a rolling objective without a window is passed over')
    const fallback = rulesOf([])
    assert.deepEqual(
      [fallback.timeZone, fallback.noData, fallback.excludeMaintenance],
      ['UTC', 'exclude', true],
    )
  })

  test('an objective of a service the agreement does not list is named by its id', () => {
    const found = publicServices(spec({ availability: [objective({ service: 'vpn', public: true })] }))
    assert.deepEqual(
      found.map((s) => [s.id, s.name]),
      [['vpn', 'vpn']],
    )
  })
})

describe('announcedMaintenance', () => {
  const maintenance: AgreementSpec['maintenance'] = [
    {
      id: 'sunday',
      services: ['portal', 'billing'],
      rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0',
      timezone: 'Europe/London',
      duration: '2h',
      notice: 'P2D',
    },
    {
      id: 'upgrade',
      services: ['portal'],
      start: '2026-12-05T22:00',
      timezone: 'Europe/London',
      duration: '4h',
      notice: 'P7D',
      announcedAt: '2026-11-20T09:00Z',
      description: 'Database upgrade',
    },
    {
      id: 'not-yet-public',
      services: ['portal'],
      start: '2026-12-20T22:00',
      timezone: 'UTC',
      duration: '1h',
      notice: 'P7D',
      announcedAt: '2026-12-01T09:00Z',
    },
    {
      id: 'too-late',
      services: ['portal'],
      start: '2026-11-28T22:00',
      timezone: 'UTC',
      duration: '1h',
      notice: 'P7D',
      announcedAt: '2026-11-26T09:00Z',
    },
  ]
  const agreement = spec({ services, maintenance, term: { effectiveFrom: '2026-01-01' } as never })
  const range = { start: at('2026-11-20T00:00Z'), end: at('2026-12-31T00:00Z') }
  const windows = (now: string) => {
    const found = announcedMaintenance(agreement, ['portal'], range, at(now))
    assert.ok(found.ok)
    return found.value.map((w) => [w.window, new Date(w.start).toISOString(), w.services])
  }

  test('qualifying windows announced by now, with only the public services named', () => {
    const found = windows('2026-11-27T10:00Z')
    assert.deepEqual(found.slice(0, 3), [
      ['sunday', '2026-11-22T02:00:00.000Z', ['portal']],
      ['sunday', '2026-11-29T02:00:00.000Z', ['portal']],
      ['upgrade', '2026-12-05T22:00:00.000Z', ['portal']],
    ])
    assert.ok(found.every(([id]) => id === 'sunday' || id === 'upgrade'))
  })

  test('a one-off window appears once it has been announced', () => {
    assert.ok(windows('2026-12-01T09:00Z').some(([id]) => id === 'not-yet-public'))
    assert.ok(!windows('2026-12-01T08:59Z').some(([id]) => id === 'not-yet-public'))
  })

  test('a rule that cannot be read is an issue, not an empty page', () => {
    const broken = spec({ maintenance: [{ ...maintenance[0]!, rrule: 'FREQ=SOMETIMES' }] })
    assert.equal(announcedMaintenance(broken, ['portal'], range, at('2026-11-27T10:00Z')).ok, false)
  })
})
