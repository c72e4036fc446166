// Who hears of a clock threshold, read from the agreement, and from when they may be told.
// An escalation level names its contacts (and may add the ticket's agent); warnings and
// breaches go to the first problem-referral level (the service desk) and the agent. A contact
// who keeps office hours hears of it when those hours open, when the agreement asks: an
// escalation level with `respectContactHours`, or a referral level with its own calendar.
// A breach of a target kept around the clock is never held back.
import type { Agreement } from '../agreement/schema.ts'
import type { Calendar } from '../calendar.ts'
import type { NotificationContact } from './message.ts'

export type FiredThreshold = {
  kind: 'warning' | 'breach' | 'escalation'
  /** The escalation level; unused for warnings and breaches. */
  level: number
  /** The share of the target reached, in percent ('75', '200'). */
  percent: string
  /** When the threshold was reached (epoch ms). */
  at: number
}

export type Recipient = NotificationContact & {
  /** The agreement's contact id, or `agent` for the ticket's agent. */
  id: string
  /** Not to be sent before this instant (the contact's hours open); null: at once. */
  notBefore: number | null
}

export type RecipientContext = {
  /** The ticket's agent as the helpdesk names them (an email address, or a name). */
  agent: string | null
  /** Built calendars of the agreement by id. */
  calendars: ReadonlyMap<string, Calendar>
  /** The calendar the target is measured on. */
  targetCalendar: Calendar | undefined
}

const WEEK_MS = 7 * 86_400_000
const EMAIL = /^[^@\s]+@[^@\s]+$/

export function recipientsOfThreshold(
  agreement: Agreement,
  fired: FiredThreshold,
  context: RecipientContext,
): Recipient[] {
  const spec = agreement.spec
  const contacts = new Map((spec.contacts ?? []).map((c) => [c.id, c]))
  const exempt = isBreach(fired) && isAroundTheClock(context.targetCalendar, fired.at)
  const holdFor = (calendar: Calendar | undefined): number | null => {
    if (exempt || calendar === undefined || calendar.isOpen(fired.at)) return null
    return calendar.nextOpen(fired.at).getTime()
  }
  const contactRecipient = (id: string, calendar: Calendar | undefined): Recipient[] => {
    const c = contacts.get(id)
    if (!c) return []
    return [{ id, name: c.name, email: c.email ?? null, role: c.role, notBefore: holdFor(calendar) }]
  }
  const agent = context.agent ? [agentRecipient(context.agent)] : []
  if (fired.kind === 'escalation') {
    const level = (spec.escalation ?? []).find((e) => e.level === fired.level)
    if (!level) return agent
    const named = level.notify.flatMap((id) => {
      const calendarId = level.respectContactHours ? contacts.get(id)?.calendar : undefined
      return contactRecipient(id, calendarId ? context.calendars.get(calendarId) : undefined)
    })
    return unique([...named, ...(level.notifyAgent ? agent : [])])
  }
  const first = spec.referral?.[0]
  const desk = first
    ? contactRecipient(first.contact, first.calendar ? context.calendars.get(first.calendar) : undefined)
    : []
  return unique([...desk, ...agent])
}

function agentRecipient(agent: string): Recipient {
  const email = EMAIL.test(agent) ? agent : null
  return { id: 'agent', name: agent, email, role: 'agent', notBefore: null }
}

/** A breach, or an escalation at or past the target. */
function isBreach(fired: FiredThreshold): boolean {
  return fired.kind === 'breach' || (fired.kind === 'escalation' && Number(fired.percent) >= 100)
}

/** Open for the whole week from `at`: the target is kept around the clock. */
function isAroundTheClock(calendar: Calendar | undefined, at: number): boolean {
  return calendar !== undefined && calendar.between(at, at + WEEK_MS) === WEEK_MS
}

/** One entry per address (or per name, without one); the earliest hold wins. */
function unique(recipients: Recipient[]): Recipient[] {
  const seen = new Map<string, Recipient>()
  for (const r of recipients) {
    const key = (r.email ?? `name:${r.name}`).toLowerCase()
    const had = seen.get(key)
    if (!had) seen.set(key, r)
    else if (had.notBefore !== null && (r.notBefore === null || r.notBefore < had.notBefore)) {
      seen.set(key, { ...had, notBefore: r.notBefore })
    }
  }
  return [...seen.values()]
}
