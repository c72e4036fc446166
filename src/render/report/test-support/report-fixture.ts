// The report the rendering tests draw: the October fixture of the report tests (every figure
// worked out there), under an agreement that adds what a rendering shows beyond the figures:
// service credits, weekly maintenance left out of the portal's uptime, and a window announced
// too late, which counts as ordinary time.
import type { Agreement } from '../../../domain/agreement/schema.ts'
import type { StatusInterval } from '../../../domain/availability/status-intervals.ts'
import type { Report } from '../../../domain/reports/report-schema.ts'
import {
  historyOf,
  OCTOBER_TICKETS,
  portalIntervals,
  reportAgreement,
  reportFromEvents,
} from '../../../domain/reports/test-support/report-fixture.ts'

export const RENDER_AT = '2026-11-05T00:00:00Z'

type Spec = Agreement['spec']

export function renderAgreement(spec: Partial<Spec> = {}): Agreement {
  return reportAgreement({
    availability: [
      {
        id: 'portal-uptime',
        service: 'portal',
        target: '99.9%',
        period: 'month',
        noData: 'exclude',
        exclude: ['maintenance'],
      },
    ],
    maintenance: [
      {
        id: 'sunday-patching',
        services: ['portal'],
        rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0',
        timezone: 'Europe/London',
        duration: '2h',
      },
      {
        id: 'database-upgrade',
        services: ['portal'],
        start: '2026-10-21T20:00:00',
        announcedAt: '2026-10-21T09:00:00',
        timezone: 'UTC',
        duration: '3h',
        notice: 'P2D',
      },
    ],
    credits: {
      basis: { monthlyFee: { amount: 12000, currency: 'GBP' } },
      cap: '25%',
      claimWindow: 'P30D',
      availability: [{ objective: 'portal-uptime', below: '99.95%', credit: '5%' }],
      targets: [{ severity: 'P1', metric: 'resolution', missedGoal: true, credit: '5%' }],
    },
    ...spec,
  })
}

/** October 2026 under the agreement, with the portal's 30-minute outage on the 10th. */
export function octoberReport(agreement: Agreement = renderAgreement()): {
  report: Report
  agreement: Agreement
  intervals: Map<string, StatusInterval[]>
} {
  const intervals = portalIntervals(RENDER_AT)
  const history = historyOf([agreement, '2026-01-01T00:00:00Z'])
  return {
    report: reportFromEvents(history, '2026-10', RENDER_AT, OCTOBER_TICKETS, intervals),
    agreement,
    intervals,
  }
}
