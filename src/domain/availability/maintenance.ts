// Maintenance windows of an agreement as real instants, each marked as qualifying or not under
// the notice rule. A recurring window (an RRULE read in local time in the window's zone)
// is part of the agreement, so it counts as announced on the day the agreement took effect;
// a one-off window qualifies only when announced at least its notice before it starts.
import ICAL from 'ical.js'
import type { AgreementSpec } from '../agreement/schema.ts'
import { parseDuration } from '../duration.ts'
import type { Issue, Result } from '../issues.ts'
import { parseLocalDate } from '../local-date.ts'
import { addPeriodToInstant, type Period, parsePeriod } from '../period.ts'
import { DAY, fromLocal, parseInstant } from '../time-zone.ts'
import type { Span } from './span-set.ts'

export type MaintenanceWindow = NonNullable<AgreementSpec['maintenance']>[number]

export type MaintenanceOccurrence = Span & {
  window: string
  /**
   * Whether it met the notice rule. Time in a qualifying window leaves the measure when the
   * objective excludes maintenance; time in one that does not is ordinary time.
   */
  qualifies: boolean
  reason?: string
}

export type MaintenanceOptions = {
  service: string
  /** Occurrences that overlap this range are returned. */
  range: Span
  /** `term.effectiveFrom`: recurring windows are announced then, and their rules start then. */
  effectiveFrom?: string
}

// Without an effective date a rule starts here, far enough back for any rule of a service
// that could still be in use; the cap stops a rule too fine for maintenance from running on.
const DEFAULT_ANCHOR_DAY = 0
const MAX_STEPS = 200_000

/** `windows`' occurrences for the service, by start; issues carry the window's index in `windows`. */
export function maintenanceOccurrences(
  windows: readonly MaintenanceWindow[],
  options: MaintenanceOptions,
): Result<MaintenanceOccurrence[]> {
  const out: MaintenanceOccurrence[] = []
  const issues: Issue[] = []
  windows.forEach((window, index) => {
    if (!window.services.includes(options.service)) return
    const found = window.rrule === undefined ? oneOff(window, index) : recurring(window, options, index)
    if (!found.ok) issues.push(...found.issues)
    else out.push(...found.value.filter((o) => o.end > options.range.start && o.start < options.range.end))
  })
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, value: out.sort((a, b) => a.start - b.start) }
}

function oneOff(window: MaintenanceWindow, index: number): Result<MaintenanceOccurrence[]> {
  // The schema checks the shape of both date-times, not that the dates exist.
  const start = parseInstant(window.start!, window.timezone)
  const announced =
    window.announcedAt === undefined ? null : parseInstant(window.announcedAt, window.timezone)
  if (start === null) return notADateTime(window, index, 'start')
  if (window.announcedAt !== undefined && announced === null)
    return notADateTime(window, index, 'announcedAt')
  const occurrence = { window: window.id, start, end: start + durationMs(window) }
  const notice = noticeOf(window)
  const qualifies =
    notice === null ||
    (announced !== null && announced <= addPeriodToInstant(start, notice, window.timezone, -1))
  if (qualifies) return { ok: true, value: [{ ...occurrence, qualifies }] }
  const reason =
    announced === null
      ? `never announced, and it needs ${window.notice} of notice`
      : `announced ${window.announcedAt}, less than its notice of ${window.notice} before it started`
  return { ok: true, value: [{ ...occurrence, qualifies, reason }] }
}

function recurring(
  window: MaintenanceWindow,
  options: MaintenanceOptions,
  index: number,
): Result<MaintenanceOccurrence[]> {
  const effective = options.effectiveFrom === undefined ? null : parseLocalDate(options.effectiveFrom)
  const anchorDay = effective ?? DEFAULT_ANCHOR_DAY
  const starts = expandRule(window, anchorDay, options.range, index)
  if (!starts.ok) return starts
  const duration = durationMs(window)
  const notice = noticeOf(window)
  const announced = effective === null ? null : fromLocal(window.timezone, effective * DAY)
  const tooSoon = `within its notice of ${window.notice} of the agreement taking effect on ${options.effectiveFrom}`
  return {
    ok: true,
    value: starts.value.map((start) => {
      const qualifies =
        notice === null ||
        announced === null ||
        announced <= addPeriodToInstant(start, notice, window.timezone, -1)
      const occurrence = { window: window.id, start, end: start + duration, qualifies }
      return qualifies ? occurrence : { ...occurrence, reason: tooSoon }
    }),
  }
}

/**
 * The rule's starts from local midnight of `anchorDay` on, read as wall-clock times in the
 * window's zone (a start the clocks skip moves forward by the gap), up to the end of `range`.
 */
function expandRule(
  window: MaintenanceWindow,
  anchorDay: number,
  range: Span,
  index: number,
): Result<number[]> {
  const fail = (message: string, hint?: string): Result<number[]> => ({
    ok: false,
    issues: [{ path: [index, 'rrule'], message: `maintenance window "${window.id}": ${message}`, hint }],
  })
  let recur: ICAL.Recur
  try {
    recur = ICAL.Recur.fromString(window.rrule!)
  } catch (error) {
    return fail(`the rule cannot be read: ${error instanceof Error ? error.message : String(error)}`)
  }
  const anchor = new Date(anchorDay * DAY)
  const dtstart = ICAL.Time.fromData({
    year: anchor.getUTCFullYear(),
    month: anchor.getUTCMonth() + 1,
    day: anchor.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
    isDate: false,
  })
  const iterator = recur.iterator(dtstart)
  const reachBack = range.start - durationMs(window)
  const starts: number[] = []
  let steps = 0
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (++steps > MAX_STEPS)
      return fail(`the rule starts more than ${MAX_STEPS} times before the period ends`, 'use a coarser rule')
    const local = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second)
    const start = fromLocal(window.timezone, local)
    if (start >= range.end) break
    if (start > reachBack) starts.push(start)
  }
  return { ok: true, value: starts }
}

function notADateTime(window: MaintenanceWindow, index: number, field: string): Result<never> {
  const message = `maintenance window "${window.id}": ${field} is not a real date-time`
  return { ok: false, issues: [{ path: [index, field], message }] }
}

// The schema has checked both texts, so neither can fail to parse here.
function durationMs(window: MaintenanceWindow): number {
  const parsed = parseDuration(window.duration)
  return parsed.ok ? parsed.ms : 0
}

function noticeOf(window: MaintenanceWindow): Period | null {
  return window.notice === undefined ? null : parsePeriod(window.notice)
}
