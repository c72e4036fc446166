// The agreement and the event builders the clock tests share. The agreement is the reference
// helpdesk SLA (London business hours Mon–Thu 08–18, Fri 08–17, GB-ENG holidays and 24 Dec,
// 31 Dec 08–12; a 24×7 'always' calendar), plus next-response targets for P1 and P2.
// London keeps GMT from November to March, so the cases' times there read as local times.

import { validateAgreement } from '../../agreement/parse-agreement.ts'
import type { Agreement } from '../../agreement/schema.ts'
import { type ClockPolicy, compileClockPolicy } from '../clock-policy.ts'
import { type ClockView, viewClock } from '../clock-view.ts'
import { replayTicket, type TicketClocks } from '../replay.ts'
import {
  type TicketEvent,
  type TicketEventInput,
  TicketEventSchema,
  toTicketEvent,
} from '../ticket-events.ts'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

type Spec = Agreement['spec']
export type AgreementChanges = Partial<Spec> & {
  id?: string
  kind?: Agreement['kind']
  clock?: Spec['clock']
}

const BUSINESS = {
  id: 'business',
  timezone: 'Europe/London',
  week: {
    mon: [['08:00', '18:00']],
    tue: [['08:00', '18:00']],
    wed: [['08:00', '18:00']],
    thu: [['08:00', '18:00']],
    fri: [['08:00', '17:00']],
  },
  holidays: [{ country: 'GB', region: 'ENG' }, '2026-12-24'],
  overrides: { '2026-12-31': [['08:00', '12:00']] },
}

export const TARGETS: NonNullable<Spec['targets']> = [
  { severity: 'P1', metric: 'first_response', within: '30m', calendar: 'always' },
  { severity: 'P1', metric: 'next_response', within: '1h', calendar: 'always' },
  { severity: 'P1', metric: 'periodic_update', every: '1h', calendar: 'always' },
  { severity: 'P1', metric: 'resolution', within: '4h', calendar: 'always' },
  { severity: 'P2', metric: 'first_response', within: '2h', calendar: 'business' },
  { severity: 'P2', metric: 'next_response', within: '4h', calendar: 'business' },
  { severity: 'P2', metric: 'resolution', within: '16h', calendar: 'business' },
  { severity: 'P3', metric: 'first_response', within: '4h', calendar: 'business' },
  { severity: 'P3', metric: 'resolution', within: '40h', calendar: 'business' },
  { severity: 'P4', metric: 'first_response', within: '8h', calendar: 'business' },
]

/** The helpdesk agreement with some sections replaced; it must still validate. */
export function helpdeskAgreement(changes: AgreementChanges = {}): Agreement {
  const { id = 'acme-helpdesk', kind = 'ServiceLevelAgreement', ...spec } = changes
  const value = {
    apiVersion: 'upheld/v1',
    kind,
    metadata: { id, title: 'Helpdesk SLA' },
    spec: {
      parties: {
        provider: { id: 'example-it', name: 'Example IT' },
        customer: { id: 'acme', name: 'Acme' },
      },
      services: [
        { id: 'portal', name: 'Portal' },
        { id: 'email', name: 'Email' },
      ],
      calendars: [BUSINESS, { id: 'always', timezone: 'UTC', week: '24x7' }],
      channels: [
        { id: 'phone', kind: 'phone', address: '+44 20 7946 0000', calendar: 'business' },
        { id: 'email', kind: 'email', address: 'support@example-it.example', calendar: 'always' },
        { id: 'chat', kind: 'chat', address: 'https://chat.example', calendar: 'business', response: '5m' },
      ],
      severities: ['P1', 'P2', 'P3', 'P4'].map((s, i) => ({ id: s, rank: i + 1, name: s, definition: s })),
      targets: TARGETS,
      clock: { pauseOn: ['waiting_on_customer', 'scheduled'], warnAt: ['50%', '75%', '90%'] },
      ...spec,
    },
  }
  const result = validateAgreement(value)
  if (!result.ok) throw new Error(`test agreement is invalid: ${JSON.stringify(result.issues)}`)
  return result.agreement
}

export function helpdeskPolicy(changes: AgreementChanges = {}, version = 'v1'): ClockPolicy {
  return compileClockPolicy(helpdeskAgreement(changes), version)
}

/** `'2026-11-20 16:30'` → epoch ms, read as UTC. */
export function t(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}:00Z`)
}

type Fields<T extends TicketEventInput['type']> = Omit<
  Extract<TicketEventInput, { type: T }>,
  'id' | 'ticket' | 'type' | 'at'
>
type Draft = Omit<TicketEventInput, 'id' | 'ticket'>

function draft<T extends TicketEventInput['type']>(type: T, at: string, fields: Fields<T>): Draft {
  return { type, at: new Date(t(at)).toISOString(), ...fields } as Draft
}

/** Event drafts; `events()` numbers them in the order given, which is their arrival order. */
export const ev = {
  created: (at: string, fields: Partial<Fields<'created'>> = {}) =>
    draft('created', at, { customer: 'acme', service: 'portal', severity: 'P2', ...fields }),
  agent: (at: string, fields: Partial<Fields<'message'>> = {}) =>
    draft('message', at, { author: 'agent', public: true, ...fields }),
  requester: (at: string, fields: Partial<Fields<'message'>> = {}) =>
    draft('message', at, { author: 'requester', public: true, ...fields }),
  system: (at: string, fields: Partial<Fields<'message'>> = {}) =>
    draft('message', at, { author: 'system', public: true, automated: true, ...fields }),
  status: (at: string, status: string) => draft('status', at, { status }),
  severity: (at: string, severity: string) => draft('severity', at, { severity }),
}

export function events(...drafts: Draft[]): TicketEvent[] {
  return drafts.map((d, i) => {
    const input = TicketEventSchema.parse({ id: `e-${i + 1}`, ticket: 'T-1', ...d })
    return toTicketEvent(input, i + 1)
  })
}

export type PolicyAt = (t: number) => ClockPolicy

export function replay(list: TicketEvent[], policy: ClockPolicy | PolicyAt): TicketClocks {
  const policyAt = typeof policy === 'function' ? policy : () => policy
  const ticket = replayTicket(list, policyAt)
  if (!ticket) throw new Error('no ticket')
  return ticket
}

/** Every clock of the ticket as it stands at `at` (`'YYYY-MM-DD HH:MM'`, UTC). */
export function clocksAt(list: TicketEvent[], policy: ClockPolicy | PolicyAt, at: string): ClockView[] {
  return replay(list, policy).clocks.map((c) => viewClock(c, t(at)))
}

/** The view of one clock; throws when it is missing. */
export function clockOf(views: ClockView[], metric: string, cycle = 1): ClockView {
  const found = views.find((v) => v.metric === metric && v.cycle === cycle)
  if (!found) throw new Error(`no ${metric} clock #${cycle} in ${JSON.stringify(views)}`)
  return found
}

/** `'2026-11-23 09:30'` → the ISO string a view shows. */
export function iso(text: string): string {
  return new Date(t(text)).toISOString()
}

/** A clock as one row: what it measures, its outcome, and stopped_at once it has stopped. */
export type ClockRow = [
  metric: string,
  cycle: number,
  severity: string,
  state: string,
  breached: boolean,
  elapsed: number,
  due: string | null,
  stopped?: string,
]

export function clockRows(views: ClockView[]): ClockRow[] {
  return views.map((v) => {
    const row: ClockRow = [v.metric, v.cycle, v.severity, v.state, v.breached, v.elapsed_ms, v.due]
    if (v.stopped_at !== null) row.push(v.stopped_at)
    return row
  })
}

/** Rows written with `'YYYY-MM-DD HH:MM'` instants, as clockRows shows them. */
export function expectedRows(list: ClockRow[]): ClockRow[] {
  return list.map(([m, c, s, st, b, e, due, stopped]) => {
    const row: ClockRow = [m, c, s, st, b, e, due === null ? null : iso(due)]
    if (stopped !== undefined) row.push(iso(stopped))
    return row
  })
}

export const SEVERITY_MODES = ['recompute', 'keep-elapsed', 'new-clock'] as const
export type SeverityMode = (typeof SEVERITY_MODES)[number]
/** The helpdesk agreement under each onSeverityChange mode. */
export const severityPolicies = Object.fromEntries(
  SEVERITY_MODES.map((m) => [m, helpdeskPolicy({ clock: { onSeverityChange: m } })]),
) as Record<SeverityMode, ClockPolicy>
