// A helpdesk's ticket export (one row per ticket) read as ticket events. Each row gives the
// events it implies, with ids derived from the ticket id, so that importing the same file
// again stores nothing twice.
import type { Issue } from '../issues.ts'
import { parseInstant } from '../time-zone.ts'
import type { TicketEventInput } from './ticket-events.ts'

export const CSV_FIELDS = [
  'ticket',
  'created_at',
  'customer',
  'severity',
  'service',
  'requester',
  'channel',
  'subject',
  'agent',
  'first_response_at',
  'resolved_at',
  'reopened_at',
  'closed_at',
  'satisfaction',
] as const
export type CsvField = (typeof CSV_FIELDS)[number]
export const REQUIRED_CSV_FIELDS: readonly CsvField[] = ['ticket', 'created_at', 'customer', 'severity']

export type CsvRowResult = { ok: true; events: TicketEventInput[] } | { ok: false; issues: Issue[] }

/** One row (already renamed to Upheld's field names) → its events; times without an offset are read in `timezone`. */
export function eventsFromCsvRow(row: Partial<Record<CsvField, string>>, timezone: string): CsvRowResult {
  const issues: Issue[] = []
  const text = (field: CsvField) => {
    const value = row[field]?.trim()
    return value === undefined || value === '' ? undefined : value
  }
  for (const field of REQUIRED_CSV_FIELDS)
    if (text(field) === undefined) issues.push({ path: [field], message: 'is required' })
  const instant = (field: CsvField): string | undefined => {
    const value = text(field)
    if (value === undefined) return undefined
    const t = parseInstant(value, timezone)
    if (t === null) {
      issues.push({
        path: [field],
        message: `"${value}" is not a date-time`,
        hint: 'ISO 8601, e.g. 2026-11-20T16:30:00Z',
      })
      return undefined
    }
    return new Date(t).toISOString()
  }
  const ticket = text('ticket') ?? ''
  const times = {
    created: instant('created_at'),
    response: instant('first_response_at'),
    resolved: instant('resolved_at'),
    reopened: instant('reopened_at'),
    closed: instant('closed_at'),
  }
  const satisfaction = parseSatisfaction(text('satisfaction'), issues)
  if (issues.length > 0 || times.created === undefined) return { ok: false, issues }
  const id = (suffix: string) => `${ticket}#${suffix}`
  const events: TicketEventInput[] = [
    {
      id: id('created'),
      ticket,
      type: 'created',
      at: times.created,
      customer: text('customer')!,
      severity: text('severity')!,
      ...optional({
        service: text('service'),
        requester: text('requester'),
        channel: text('channel'),
        subject: text('subject'),
        agent: text('agent'),
      }),
    },
  ]
  if (times.response)
    events.push({
      id: id('first_response'),
      ticket,
      type: 'message',
      at: times.response,
      author: 'agent',
      public: true,
    })
  if (times.resolved)
    events.push({ id: id('resolved'), ticket, type: 'status', at: times.resolved, status: 'resolved' })
  if (times.reopened)
    events.push({ id: id('reopened'), ticket, type: 'status', at: times.reopened, status: 'reopened' })
  if (times.closed)
    events.push({ id: id('closed'), ticket, type: 'status', at: times.closed, status: 'closed' })
  if (satisfaction) {
    const at = times.closed ?? times.resolved ?? times.created
    events.push({ id: id('satisfaction'), ticket, type: 'satisfaction', at, ...satisfaction })
  }
  return { ok: true, events }
}

// "4/5", "4 of 5" or a bare rating out of 5.
function parseSatisfaction(
  value: string | undefined,
  issues: Issue[],
): { rating: number; scale: number } | null {
  if (value === undefined) return null
  const m = /^(\d+)\s*(?:\/|of)?\s*(\d+)?$/.exec(value)
  const rating = Number(m?.[1])
  const scale = Number(m?.[2] ?? 5)
  if (!m || rating > scale || scale < 1) {
    issues.push({
      path: ['satisfaction'],
      message: `"${value}" is not a rating`,
      hint: 'write it as 4/5, or a number out of 5',
    })
    return null
  }
  return { rating, scale }
}

function optional<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, string>
  >
}
