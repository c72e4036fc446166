// What an agreement version asks of a ticket's clocks, compiled once: targets per severity
// and metric on built calendars, pause statuses, what counts as a response, the modes for
// severity changes and reopening, warning thresholds and VIP rules.
import { percentValue } from '../agreement/primitives.ts'
import type { Agreement } from '../agreement/schema.ts'
import type { Metric } from '../agreement/sections-service-levels.ts'
import { type Calendar, createCalendar } from '../calendar.ts'
import type { CalendarSpec } from '../calendar-spec.ts'
import { parseDuration } from '../duration.ts'

export type TargetRule = { ms: number; calendar: Calendar; calendarId: string }
export type Fraction = { num: number; den: number }
export type MessageFacts = {
  author: 'agent' | 'requester' | 'system'
  public: boolean
  automated?: boolean
  channel?: string
}
export type Requester = { requester?: string; groups?: string[]; customer: string }
/** One level of the escalation matrix: who is told when a clock of these severities reaches `at`. */
export type EscalationStep = {
  level: number
  severities: readonly string[]
  metric: Metric
  /** A share of the target; above 1 once the escalation follows a breach (200% → 2/1). */
  at: Fraction
  notify: readonly string[]
}

export type ClockPolicy = {
  agreementId: string
  version: string
  /** The agreement's calendars, built, by id. */
  calendars: ReadonlyMap<string, Calendar>
  severityRanks: ReadonlyMap<string, number>
  target(severity: string, metric: Metric): TargetRule | undefined
  channelResponse(channel: string | undefined): TargetRule | undefined
  pauseOn: ReadonlySet<string>
  qualifies(message: MessageFacts): boolean
  onSeverityChange: 'recompute' | 'keep-elapsed' | 'new-clock'
  onReopen: 'resume' | 'new-cycle'
  /** Warning thresholds as fractions of the target (75% → 3/4). */
  warnAt: readonly Fraction[]
  escalation: readonly EscalationStep[]
  /** The severity a VIP rule gives this requester, and how much its targets shrink. */
  vip(severity: string, who: Requester): { severity: string; tighten: Fraction | null }
}

export const DEFAULT_PAUSE_ON = ['waiting_on_customer']

export function compileClockPolicy(agreement: Agreement, version: string): ClockPolicy {
  const spec = agreement.spec
  const calendars = new Map<string, Calendar>()
  for (const c of spec.calendars ?? []) calendars.set(c.id, createCalendar(c as unknown as CalendarSpec))
  const rule = (duration: string | undefined, calendarId: string): TargetRule | undefined => {
    const parsed = duration === undefined ? null : parseDuration(duration)
    const calendar = calendars.get(calendarId)
    return parsed?.ok && calendar ? { ms: parsed.ms, calendar, calendarId } : undefined
  }
  const targets = new Map<string, TargetRule>()
  for (const t of spec.targets ?? []) {
    if (t.requestType && t.requestType !== 'incident') continue
    const compiled = rule(
      t.metric === 'periodic_update' ? (t.every ?? t.within) : (t.within ?? t.every),
      t.calendar,
    )
    if (compiled) targets.set(`${t.severity}/${t.metric}`, compiled)
  }
  const channels = new Map<string, TargetRule>()
  for (const c of spec.channels ?? []) {
    const compiled = c.response ? rule(c.response, c.calendar) : undefined
    if (compiled) channels.set(c.id, compiled)
  }
  const severities = [...(spec.severities ?? [])].sort((a, b) => a.rank - b.rank)
  const severityRanks = new Map(severities.map((s) => [s.id, s.rank]))
  const q = spec.clock?.qualifyingResponse ?? {}
  return {
    agreementId: agreement.metadata.id,
    version,
    calendars,
    severityRanks,
    target: (severity, metric) => targets.get(`${severity}/${metric}`),
    channelResponse: (channel) => (channel === undefined ? undefined : channels.get(channel)),
    pauseOn: new Set(spec.clock?.pauseOn ?? DEFAULT_PAUSE_ON),
    qualifies: (m) =>
      m.author === 'agent' &&
      (m.public || q.public === false) &&
      (!m.automated || q.automated === true) &&
      (q.channels === undefined || (m.channel !== undefined && q.channels.includes(m.channel))),
    onSeverityChange: spec.clock?.onSeverityChange ?? 'recompute',
    onReopen: spec.clock?.onReopen ?? 'resume',
    warnAt: (spec.clock?.warnAt ?? []).map(toFraction).sort((a, b) => a.num * b.den - b.num * a.den),
    escalation: (spec.escalation ?? []).map((e) => ({
      level: e.level,
      severities: e.severities,
      metric: e.metric,
      at: toFraction(e.at),
      notify: e.notify,
    })),
    vip(severity, who) {
      for (const v of spec.vip ?? []) {
        if (!vipMatches(v.match, who)) continue
        const raised =
          v.severity ??
          (v.raiseSeverity !== undefined
            ? raise(severities, severityRanks.get(severity), v.raiseSeverity)
            : undefined) ??
          severity
        return { severity: raised, tighten: v.tightenTargets ? toFraction(v.tightenTargets) : null }
      }
      return { severity, tighten: null }
    },
  }
}

function toFraction(percent: string): Fraction {
  const { num, den } = percentValue(percent)
  return { num, den: den * 100 }
}

function vipMatches(
  match: { requesters?: string[]; groups?: string[]; organisations?: string[] },
  who: Requester,
): boolean {
  const email = who.requester?.toLowerCase()
  return (
    (email !== undefined && (match.requesters ?? []).some((r) => r.toLowerCase() === email)) ||
    (who.groups ?? []).some((g) => (match.groups ?? []).includes(g)) ||
    (match.organisations ?? []).includes(who.customer)
  )
}

// Raising by n moves n ranks towards rank 1, stopping at the most severe.
function raise(
  severities: { id: string; rank: number }[],
  rank: number | undefined,
  n: number,
): string | undefined {
  if (rank === undefined) return undefined
  const index = severities.findIndex((s) => s.rank === rank)
  return severities[Math.max(0, index - n)]?.id
}
