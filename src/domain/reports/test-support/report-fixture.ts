// The agreement and tickets the report tests share, from the pure tests to the database and
// the CLI: the same events must give the same report on every path. Every figure the tests
// pin is worked out by hand in the comments beside the tickets.
//
// The agreement: P1 first response 30m (goal 95%) and resolution 4h (90%), P2 1h (90%) and 8h
// (80%), all on a 24×7 UTC calendar; P3 first response 4h (90%) on London business hours
// (Mon–Thu 08–18, Fri 08–17); pauses on waiting_on_customer; a reopened ticket resumes its clock.
import type { Agreement } from '../../agreement/schema.ts'
import { parsePeriodLabel } from '../../availability/reporting-period.ts'
import { intervalsFromObservations, type StatusInterval } from '../../availability/status-intervals.ts'
import { helpdeskAgreement } from '../../clocks/test-support/clock-fixture.ts'
import {
  type TicketEvent,
  type TicketEventInput,
  TicketEventSchema,
  toTicketEvent,
} from '../../clocks/ticket-events.ts'
import { readStatusEvents } from '../../status-events.ts'
import { composeReport } from '../compose-report.ts'
import { addTicketEvents, historySelector } from '../replay-tally.ts'
import { type AgreementHistory, reportPeriod } from '../report-period.ts'
import type { Report } from '../report-schema.ts'
import { newReportTally } from '../tally.ts'

type Spec = Agreement['spec']

export const REPORT_TARGETS: NonNullable<Spec['targets']> = [
  { severity: 'P1', metric: 'first_response', within: '30m', calendar: 'always', goal: '95%' },
  { severity: 'P1', metric: 'resolution', within: '4h', calendar: 'always', goal: '90%' },
  { severity: 'P2', metric: 'first_response', within: '1h', calendar: 'always', goal: '90%' },
  { severity: 'P2', metric: 'resolution', within: '8h', calendar: 'always', goal: '80%' },
  { severity: 'P3', metric: 'first_response', within: '4h', calendar: 'business', goal: '90%' },
]

export const REPORT_KPIS: NonNullable<Spec['kpis']> = [
  { id: 'k-response', name: 'Response time', measure: 'response-time', target: 'As in the targets' },
  { id: 'k-resolution', name: 'Resolution time', measure: 'resolution-time' },
  { id: 'k-uptime', name: 'Availability', measure: 'uptime', target: '99.9% a month' },
  { id: 'k-csat', name: 'Satisfaction', measure: 'satisfaction', target: '4 out of 5 on average' },
  { id: 'k-incidents', name: 'Incidents', measure: 'incident-count', target: 'at most 10 a month' },
  { id: 'k-reviews', name: 'Service reviews held', measure: 'other' },
]

export function reportAgreement(spec: Partial<Spec> = {}): Agreement {
  return helpdeskAgreement({
    term: { effectiveFrom: '2026-01-01' },
    targets: REPORT_TARGETS,
    clock: { pauseOn: ['waiting_on_customer'] },
    kpis: REPORT_KPIS,
    availability: [
      { id: 'portal-uptime', service: 'portal', target: '99.9%', period: 'month', noData: 'exclude' },
    ],
    reporting: { every: 'month' },
    ...spec,
  })
}

/** Versions as `[agreement, effective from]`, labelled `acme-helpdesk@1`, `@2`, … */
export function historyOf(...versions: [Agreement, string][]): AgreementHistory {
  return {
    id: versions[0]![0].metadata.id,
    versions: versions.map(([agreement, from], i) => ({
      agreement,
      version: `${agreement.metadata.id}@${i + 1}`,
      effectiveFrom: Date.parse(from),
    })),
  }
}

type Draft = { at: string } & Record<string, unknown>
const at = (text: string) => `${text.replace(' ', 'T')}:00Z`

/** A ticket's events, numbered `T-1.1`, `T-1.2`, …; times are UTC `YYYY-MM-DD HH:MM`. */
export function ticket(id: string, severity: string, created: string, ...rest: Draft[]): TicketEventInput[] {
  const first = { type: 'created', at: created, customer: 'acme', service: 'portal', severity }
  return [first, ...rest].map((d, i) =>
    TicketEventSchema.parse({ ...d, id: `${id}.${i + 1}`, ticket: id, at: at(d.at) }),
  )
}

export const agent = (when: string): Draft => ({ type: 'message', at: when, author: 'agent', public: true })
export const status = (when: string, value: string): Draft => ({ type: 'status', at: when, status: value })
export const resolved = (when: string): Draft => status(when, 'resolved')
export const severity = (when: string, value: string): Draft => ({
  type: 'severity',
  at: when,
  severity: value,
})
export const rating = (when: string, value: number, scale: number): Draft => ({
  type: 'satisfaction',
  at: when,
  rating: value,
  scale,
})

/**
 * October 2026 (UTC). Clocks counted in October, by severity and metric:
 * - P1 first response: T-1 met 20m, T-2 late (45m, 15m late), T-6 met 10m, T-7 breached at
 *   21:30 on the 31st and still open at the month's end, 2h30m late by then.
 * - P1 resolution: T-1 met 2h, T-2 late (5h, 1h late), T-11 met 3h (raised from P2 at 10:00).
 * - P2 first response: T-4 30m, T-5 10m, T-11 5m (answered before it was raised); T-12 never
 *   answered: breached at 10:00 on the 20th, 278h late by the month's end (279h elapsed).
 * - P2 resolution: T-4 5h (4h waiting on the customer left out), T-5 1h at its first
 *   resolution (reopened, it later runs past 8h: the outcome was known at the first), T-10
 *   opened in September and resolved 1h late on 1 October; T-12 breached at 17:00 on the
 *   20th, 271h late by the month's end.
 * - P3 first response: T-3, from Fri 16:00 London to Mon 09:30: 1h + 1h30m.
 * T-6 and T-7 straddle into November, where their resolutions are counted (3h met; 5h, 1h
 * late). T-8 is another customer's; T-9 lives and dies in September.
 */
export const OCTOBER_TICKETS: TicketEventInput[][] = [
  ticket(
    'T-1',
    'P1',
    '2026-10-01 10:00',
    agent('2026-10-01 10:20'),
    resolved('2026-10-01 12:00'),
    rating('2026-10-02 09:00', 5, 5),
  ),
  ticket(
    'T-2',
    'P1',
    '2026-10-02 10:00',
    agent('2026-10-02 10:45'),
    resolved('2026-10-02 15:00'),
    rating('2026-10-03 09:00', 2, 5),
    rating('2026-10-04 09:00', 3, 5),
  ),
  ticket('T-3', 'P3', '2026-10-02 15:00', agent('2026-10-05 08:30')),
  ticket(
    'T-4',
    'P2',
    '2026-10-05 09:00',
    agent('2026-10-05 09:30'),
    status('2026-10-05 10:00', 'waiting_on_customer'),
    status('2026-10-05 14:00', 'open'),
    resolved('2026-10-05 18:00'),
    rating('2026-10-06 09:00', 8, 10),
  ),
  ticket(
    'T-5',
    'P2',
    '2026-10-06 09:00',
    agent('2026-10-06 09:10'),
    resolved('2026-10-06 10:00'),
    status('2026-10-07 09:00', 'reopened'),
    resolved('2026-10-07 17:00'),
  ),
  ticket('T-6', 'P1', '2026-10-31 22:00', agent('2026-10-31 22:10'), resolved('2026-11-01 01:00')),
  ticket('T-7', 'P1', '2026-10-31 21:00', agent('2026-11-01 00:30'), resolved('2026-11-01 02:00')),
  ticket('T-8', 'P1', '2026-10-10 10:00', agent('2026-10-10 11:00')).map((e) =>
    e.type === 'created' ? { ...e, customer: 'globex' } : e,
  ),
  ticket('T-9', 'P2', '2026-09-29 09:00', agent('2026-09-29 09:20'), resolved('2026-09-29 12:00')),
  ticket('T-10', 'P2', '2026-09-30 20:00', agent('2026-09-30 20:30'), resolved('2026-10-01 05:00')),
  ticket(
    'T-11',
    'P2',
    '2026-10-08 09:00',
    agent('2026-10-08 09:05'),
    severity('2026-10-08 10:00', 'P1'),
    resolved('2026-10-08 12:00'),
  ),
  ticket('T-12', 'P2', '2026-10-20 09:00'),
]

/** The portal is down for 30 minutes on 10 October: (31 days − 30m) / 31 days = 99.9327…%. */
export const OCTOBER_STATUS = [
  { id: 's-1', service: 'portal', at: '2026-09-30T00:00:00Z', status: 'up' },
  { id: 's-2', service: 'portal', at: '2026-10-10T12:00:00Z', status: 'down' },
  { id: 's-3', service: 'portal', at: '2026-10-10T12:30:00Z', status: 'up' },
]

/** The status events as intervals known at `asOf`, by objective, as the file path reads them. */
export function portalIntervals(asOf: string): Map<string, StatusInterval[]> {
  const events = readStatusEvents(OCTOBER_STATUS)
  if (!events.ok) throw new Error(JSON.stringify(events.issues))
  const observations = events.value.map((e) => ({
    component: e.component,
    at: e.at,
    status: e.status,
    holdMs: null,
  }))
  return new Map([['portal-uptime', intervalsFromObservations(observations, Date.parse(asOf))]])
}

/** Events as the engine reads them, numbered in the order given (their arrival order). */
export function asEvents(tickets: readonly TicketEventInput[][]): TicketEvent[][] {
  let seq = 0
  return tickets.map((list) => list.map((e) => toTicketEvent(e, ++seq)))
}

/** The report the file path makes: every ticket replayed, then composed. */
export function reportFromEvents(
  history: AgreementHistory,
  label: string,
  asOf: string,
  tickets: readonly TicketEventInput[][],
  intervals: ReadonlyMap<string, readonly StatusInterval[]> = new Map(),
): Report {
  const period = reportPeriod(history, parsePeriodLabel(label)!, Date.parse(asOf))
  if (!period.ok) throw new Error(JSON.stringify(period.issues))
  const select = historySelector(history)
  if (!select.ok) throw new Error(JSON.stringify(select.issues))
  const tally = newReportTally()
  for (const events of asEvents(tickets)) addTicketEvents(tally, events, select.value, period.value)
  const report = composeReport({ history, period: period.value, tally, intervals })
  if (!report.ok) throw new Error(JSON.stringify(report.issues))
  return report.value
}

/**
 * Tickets with random histories around October 2026 (seeded, so every run and every path sees
 * the same): replies, waits, severity changes, resolutions, reopens, ratings, at random gaps.
 */
export function randomTickets(seed: number, count: number): TicketEventInput[][] {
  let state = seed >>> 0
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const stamp = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ')
  const steps: ((when: string) => Draft)[] = [
    agent,
    agent,
    (w) => ({ type: 'message', at: w, author: 'requester', public: true }),
    (w) => status(w, 'waiting_on_customer'),
    (w) => status(w, 'open'),
    (w) => severity(w, pick(['P1', 'P2', 'P3'])),
    resolved,
    resolved,
    (w) => status(w, 'reopened'),
    (w) => status(w, 'closed'),
    (w) => rating(w, pick([1, 2, 3, 4, 5]), pick([5, 5, 10])),
  ]
  return Array.from({ length: count }, (_, i) => {
    let t = Date.parse('2026-09-25T00:00:00Z') + Math.floor(random() * 42 * 24 * 60) * 60_000
    const created = stamp(t)
    const rest = Array.from({ length: Math.floor(random() * 7) }, () => {
      t += Math.floor(random() * 30 * 60) * 60_000
      return pick(steps)(stamp(t))
    })
    return ticket(`X-${i + 1}`, pick(['P1', 'P2', 'P3', 'P4']), created, ...rest)
  })
}
