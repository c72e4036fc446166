import { describe, test } from 'node:test'
import type { Agreement } from '../agreement/schema.ts'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

describe('availability.maintenance-within-budget', () => {
  const rule = ruleById('availability.maintenance-within-budget')
  const window = (rrule: string, duration: string, patch: (a: Agreement) => void = () => {}) =>
    agreementWith((a) => {
      a.spec.maintenance![0]!.rrule = rrule
      a.spec.maintenance![0]!.duration = duration
      patch(a)
    })
  test('fires for a weekly 2h window that 99.9% a month cannot absorb', () => {
    assertFindings(rule, window('FREQ=WEEKLY;BYDAY=SU;BYHOUR=2', '2h'), [
      {
        path: ['spec', 'availability', 0],
        message:
          'objective "app-uptime" allows at most 44m 38s of downtime a month at 99.9%, but maintenance of "app" takes at least 8h a month ("monthly": 4 × 2h) and is not excluded: the objective cannot be met',
      },
    ])
  })
  test('is quiet when the objective excludes maintenance', () => {
    const a = window('FREQ=WEEKLY;BYDAY=SU;BYHOUR=2', '2h', (a) => {
      a.spec.availability![0]!.exclude = ['maintenance']
    })
    assertFindings(rule, a, [])
  })
  test('fires for one 45m window a month, just over the 44m 38.4s of a 31-day month', () => {
    assertFindings(rule, window('FREQ=MONTHLY;BYDAY=1SU;BYHOUR=2', '45m'), [
      {
        path: ['spec', 'availability', 0],
        message:
          'objective "app-uptime" allows at most 44m 38s of downtime a month at 99.9%, but maintenance of "app" takes at least 45m a month ("monthly": 1 × 45m) and is not excluded: the objective cannot be met',
      },
    ])
  })
  test('is quiet for 44m, which a 31-day month allows', () => {
    assertFindings(rule, window('FREQ=MONTHLY;BYDAY=1SU;BYHOUR=2', '44m'), [])
  })
  test('counts the extra hour of a month with a fall-back in the objective’s zone', () => {
    const inLondon = window('FREQ=MONTHLY;BYDAY=1SU;BYHOUR=2', '44m40s', (a) => {
      a.spec.availability![0]!.timezone = 'Europe/London'
    })
    assertFindings(rule, inLondon, [])
    assertFindings(rule, window('FREQ=MONTHLY;BYDAY=1SU;BYHOUR=2', '44m40s'), [
      {
        path: ['spec', 'availability', 0],
        message:
          'objective "app-uptime" allows at most 44m 38s of downtime a month at 99.9%, but maintenance of "app" takes at least 44m 40s a month ("monthly": 1 × 44m 40s) and is not excluded: the objective cannot be met',
      },
    ])
  })
  test('adds a one-off window to the recurring ones', () => {
    const a = agreementWith((a) => {
      a.spec.maintenance!.push({
        id: 'upgrade',
        services: ['app'],
        start: '2026-10-03T22:00',
        timezone: 'UTC',
        duration: '15m',
      })
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'availability', 0],
        message:
          'objective "app-uptime" allows at most 44m 38s of downtime a month at 99.9%, but maintenance of "app" takes at least 45m a month ("monthly": 1 × 30m, "upgrade": 1 × 15m) and is not excluded: the objective cannot be met',
      },
    ])
  })
  test('ignores windows of other services', () => {
    const a = window('FREQ=WEEKLY;BYDAY=SU;BYHOUR=2', '2h', (a) => {
      a.spec.services!.push({ id: 'reports', name: 'Reports' })
      a.spec.maintenance![0]!.services = ['reports']
    })
    assertFindings(rule, a, [])
  })
})

describe('availability.monitored', () => {
  const rule = ruleById('availability.monitored')
  test('fires when nothing monitors the objective', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.monitoring),
      [
        {
          path: ['spec', 'availability', 0],
          message:
            'availability objective "app-uptime" has no monitor: nothing in this agreement measures the uptime of "app"',
        },
      ],
    )
  })
  test('fires when the only monitor of the service reads logs', () => {
    const a = agreementWith((a) => {
      a.spec.monitoring = [{ id: 'm-logs', target: 'app', kind: 'log', tool: 'loki' }]
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'availability', 0],
        message:
          'availability objective "app-uptime" has no monitor: nothing in this agreement measures the uptime of "app"',
      },
    ])
  })
  test('is quiet with a synthetic check of the service', () => {
    const a = agreementWith((a) => {
      a.spec.monitoring = [{ id: 'm-journey', target: 'app', kind: 'synthetic', tool: 'playwright' }]
    })
    assertFindings(rule, a, [])
  })
})

describe('availability.rolling-window-set', () => {
  const rule = ruleById('availability.rolling-window-set')
  test('fires for a rolling period without a window', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.availability![0]!.period = 'rolling'
      }),
      [
        {
          path: ['spec', 'availability', 0],
          message:
            'objective "app-uptime" is measured over a rolling period but has no window: its uptime cannot be computed',
        },
      ],
    )
  })
  test('is quiet with a window', () => {
    const a = agreementWith((a) => {
      a.spec.availability![0]!.period = 'rolling'
      a.spec.availability![0]!.window = '30d'
    })
    assertFindings(rule, a, [])
  })
})

describe('maintenance.notice-respected', () => {
  const rule = ruleById('maintenance.notice-respected')
  const oneOff = (timezone: string, start: string, notice: string, announcedAt: string) =>
    agreementWith((a) => {
      a.spec.maintenance!.push({
        id: 'upgrade',
        services: ['app'],
        start,
        timezone,
        duration: '4h',
        notice,
        announcedAt,
      })
    })
  test('fires when announced a minute too late', () => {
    assertFindings(rule, oneOff('Africa/Nairobi', '2026-10-03T22:00', 'P2D', '2026-10-01T19:01Z'), [
      {
        path: ['spec', 'maintenance', 1, 'announcedAt'],
        message:
          'maintenance window "upgrade" starts at 2026-10-03T22:00 (Africa/Nairobi) but was announced at 2026-10-01T19:01Z, less than its notice of P2D before',
      },
    ])
  })
  test('is quiet when announced exactly the notice before', () => {
    assertFindings(rule, oneOff('Africa/Nairobi', '2026-10-03T22:00', 'P2D', '2026-10-01T19:00Z'), [])
  })
  test('counts days on the wall clock and hours as elapsed time across a change of offset', () => {
    // London moves to BST on 2026-03-29: two days before 09:00 BST on the 30th is 09:00 GMT
    // on the 28th, but 48 hours before it is 08:00 GMT.
    assertFindings(rule, oneOff('Europe/London', '2026-03-30T09:00', 'P2D', '2026-03-28T09:00Z'), [])
    assertFindings(rule, oneOff('Europe/London', '2026-03-30T09:00', 'PT48H', '2026-03-28T09:00Z'), [
      {
        path: ['spec', 'maintenance', 1, 'announcedAt'],
        message:
          'maintenance window "upgrade" starts at 2026-03-30T09:00 (Europe/London) but was announced at 2026-03-28T09:00Z, less than its notice of PT48H before',
      },
    ])
  })
})
