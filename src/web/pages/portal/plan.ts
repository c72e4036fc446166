// The customer's support plan as the portal reads it: their agreements in force, parsed and
// compiled in the browser by the same domain code the server measures with, so the targets,
// due times and escalation steps shown are the ones the clocks will apply.
import { validateAgreement } from '../../../domain/agreement/parse-agreement.ts'
import { percentValue } from '../../../domain/agreement/primitives.ts'
import type { Agreement, AgreementKind } from '../../../domain/agreement/schema.ts'
import type { Metric } from '../../../domain/agreement/sections-service-levels.ts'
import type { CalendarSpec } from '../../../domain/calendar-spec.ts'
import { type ClockPolicy, compileClockPolicy } from '../../../domain/clocks/clock-policy.ts'
import { viewClock } from '../../../domain/clocks/clock-view.ts'
import { agreementSelector, replaySelected } from '../../../domain/clocks/selection.ts'
import type { TicketEvent } from '../../../domain/clocks/ticket-events.ts'
import { parseDuration } from '../../../domain/duration.ts'
import { METRIC_ORDER } from './words.ts'

export type PlanAgreement = {
  id: string
  title: string
  kind: AgreementKind
  version: number
  effectiveFrom: number
  agreement: Agreement
  policy: ClockPolicy
}
export type Severity = NonNullable<Agreement['spec']['severities']>[number]
export type Contact = NonNullable<Agreement['spec']['contacts']>[number]
export type Channel = NonNullable<Agreement['spec']['channels']>[number]

const CUSTOMER_FACING: ReadonlySet<AgreementKind> = new Set(['ServiceLevelAgreement', 'SupportPlan'])

/** A stored version's document, checked and compiled; null when it no longer validates. */
export function planAgreement(
  row: { id: string; title: string; version: number; effective_from: string },
  document: unknown,
): PlanAgreement | null {
  const parsed = validateAgreement(document)
  if (!parsed.ok || !CUSTOMER_FACING.has(parsed.agreement.kind)) return null
  const label = `${row.id}@${row.version}`
  return {
    id: row.id,
    title: row.title,
    kind: parsed.agreement.kind,
    version: row.version,
    effectiveFrom: Date.parse(row.effective_from),
    agreement: parsed.agreement,
    policy: compileClockPolicy(parsed.agreement, label),
  }
}

export type PlanService = { id: string; name: string; agreementId: string }

/** Every service the agreements name, once, under the agreement that measures it. */
export function servicesOf(plan: readonly PlanAgreement[]): PlanService[] {
  const seen = new Map<string, PlanService>()
  for (const a of plan)
    for (const s of a.agreement.spec.services ?? [])
      if (!seen.has(s.id)) seen.set(s.id, { id: s.id, name: s.name, agreementId: a.id })
  return [...seen.values()]
}

/** Whether some agreement covers every service (it lists none), so a report may name none. */
export function coversAnyService(plan: readonly PlanAgreement[]): boolean {
  return plan.some((a) => (a.agreement.spec.services ?? []).length === 0)
}

/** The agreement a ticket for `service` is measured by: the first, by id, that serves it. */
export function agreementFor(plan: readonly PlanAgreement[], service: string | undefined) {
  return plan.find((a) => {
    const services = a.agreement.spec.services ?? []
    return services.length === 0 || (service !== undefined && services.some((s) => s.id === service))
  })
}

export function severitiesOf(a: PlanAgreement): Severity[] {
  return [...(a.agreement.spec.severities ?? [])].sort((x, y) => x.rank - y.rank)
}

export type TargetLine = {
  metric: Metric
  ms: number
  /** A periodic update's interval rather than a deadline. */
  every: boolean
  calendar: CalendarSpec
  goal: string | null
}

/** The severity's targets, in the order a ticket meets them. */
export function targetsOf(a: PlanAgreement, severity: string): TargetLine[] {
  return (a.agreement.spec.targets ?? [])
    .filter((t) => t.severity === severity && (!t.requestType || t.requestType === 'incident'))
    .sort((x, y) => METRIC_ORDER.indexOf(x.metric) - METRIC_ORDER.indexOf(y.metric))
    .flatMap((t) => {
      const text = t.metric === 'periodic_update' ? (t.every ?? t.within) : (t.within ?? t.every)
      const duration = text === undefined ? null : parseDuration(text)
      const calendar = calendarSpec(a, t.calendar)
      if (!duration?.ok || !calendar) return []
      return [
        {
          metric: t.metric,
          ms: duration.ms,
          every: t.metric === 'periodic_update',
          calendar,
          goal: t.goal ?? null,
        },
      ]
    })
}

export function calendarSpec(a: PlanAgreement, id: string | undefined): CalendarSpec | undefined {
  const found = a.agreement.spec.calendars?.find((c) => c.id === id)
  return found as unknown as CalendarSpec | undefined
}

export type Preview = {
  /** The severity the ticket will have: a VIP rule may raise the one chosen. */
  severity: string
  due: { metric: string; at: number | null }[]
}

/**
 * The clocks a ticket would get if it were raised at `at`: the agreements' own replay of a
 * created event, so channel promises, VIP rules and closed hours count exactly as they will.
 */
export function previewTicket(
  plan: readonly PlanAgreement[],
  ticket: { customer: string; service?: string; severity: string; requester?: string; channel?: string },
  at: number,
): Preview | null {
  const select = agreementSelector(
    plan.map((a) => ({
      agreement: a.agreement,
      version: a.policy.version,
      effectiveFrom: a.effectiveFrom,
      policy: a.policy,
    })),
  )
  if (!select.ok) return null
  const created = {
    type: 'created',
    id: 'preview',
    ticket: 'preview',
    at,
    seq: 0,
    customer: ticket.customer,
    severity: ticket.severity,
    ...(ticket.service ? { service: ticket.service } : {}),
    ...(ticket.requester ? { requester: ticket.requester } : {}),
    ...(ticket.channel ? { channel: ticket.channel } : {}),
  } as TicketEvent
  const measured = replaySelected([created], select.value)[0]
  if (!measured) return null
  return {
    severity: measured.severity,
    due: measured.clocks.map((c) => ({ metric: c.metric, at: dueOf(viewClock(c, at).due) })),
  }
}

const dueOf = (iso: string | null) => (iso === null ? null : Date.parse(iso))

/** The id of the agreement's portal channel, which tickets raised here are recorded on. */
export function portalChannel(a: PlanAgreement | undefined): Channel | undefined {
  return a?.agreement.spec.channels?.find((c) => c.kind === 'portal')
}

export function contactOf(a: PlanAgreement, id: string | undefined): Contact | undefined {
  return a.agreement.spec.contacts?.find((c) => c.id === id)
}

export type ReferralStep = {
  level: string
  contact: Contact | undefined
  contactId: string
  channel?: Channel
}

/** Who to turn to, level by level: the agreement's problem-referral list. */
export function referralOf(a: PlanAgreement): ReferralStep[] {
  return (a.agreement.spec.referral ?? []).map((r) => ({
    level: r.level,
    contactId: r.contact,
    contact: contactOf(a, r.contact),
    channel: a.agreement.spec.channels?.find((c) => c.id === r.channel),
  }))
}

export type EscalationStep = {
  level: number
  contacts: { id: string; contact: Contact | undefined }[]
  metric: Metric
  /** The share of the target as written (75%), and as a fraction. */
  at: string
  /** When it fires, per severity: the business time into the clock and its calendar. */
  after: { severity: string; ms: number; calendar: CalendarSpec }[]
}

/** The escalation matrix, with each step's time worked out from the targets it refers to. */
export function escalationOf(a: PlanAgreement): EscalationStep[] {
  return [...(a.agreement.spec.escalation ?? [])]
    .sort((x, y) => x.level - y.level)
    .map((e) => {
      const { num, den } = percentValue(e.at)
      return {
        level: e.level,
        contacts: e.notify.map((id) => ({ id, contact: contactOf(a, id) })),
        metric: e.metric,
        at: e.at,
        after: e.severities.flatMap((severity) => {
          const target = targetsOf(a, severity).find((t) => t.metric === e.metric)
          if (!target) return []
          return [{ severity, ms: Math.round((target.ms * num) / (den * 100)), calendar: target.calendar }]
        }),
      }
    })
}
