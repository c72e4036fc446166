// What several rules read from an agreement: durations, percentages, severities, calendars,
// personal data and the term, each read one way.
import { percentValue } from '../agreement/primitives.ts'
import type { Agreement, AgreementSpec } from '../agreement/schema.ts'
import type { Metric } from '../agreement/sections-service-levels.ts'
import { type Span, validateCalendar } from '../calendar-spec.ts'
import { parseDuration } from '../duration.ts'
import type { PathSegment } from '../issues.ts'
import { addPeriod } from '../period.ts'

export type Spec = AgreementSpec
export type Target = NonNullable<Spec['targets']>[number]
export type Severity = NonNullable<Spec['severities']>[number]

/** A path into the spec: `at('backups', 0, 'interval')` → `spec.backups[0].interval`. */
export function at(...segments: PathSegment[]): PathSegment[] {
  return ['spec', ...segments]
}

/** `"b-weekly"`: ids and names are quoted in messages. */
export function quote(text: string): string {
  return JSON.stringify(text)
}

/** Milliseconds of a duration the schema has already accepted. */
export function durationMs(duration: string): number {
  const parsed = parseDuration(duration)
  if (!parsed.ok) throw new RangeError(`not a duration: ${duration}`)
  return parsed.ms
}

/** The exact sign of a − b for two percentages such as `99.9%` and `99.95%`. */
export function comparePercent(a: string, b: string): number {
  const [x, y] = [percentValue(a), percentValue(b)]
  return Math.sign(x.num * y.den - y.num * x.den)
}

/** A target's duration: `within`, or `every` for periodic updates. */
export function targetMs(target: Target): number | undefined {
  const text = target.within ?? target.every
  return text === undefined ? undefined : durationMs(text)
}

export function indexed<T>(list: readonly T[] | undefined): [T, number][] {
  return (list ?? []).map((item, i) => [item, i])
}

/** The most severe severities: those of the lowest rank. */
export function mostSevere(spec: Spec): Severity[] {
  const severities = spec.severities ?? []
  const top = Math.min(...severities.map((s) => s.rank))
  return severities.filter((s) => s.rank === top)
}

export function hasTarget(spec: Spec, severity: string, metric: Metric): boolean {
  return (spec.targets ?? []).some((t) => t.severity === severity && t.metric === metric)
}

/**
 * Open every minute of every day: each weekday covered from 00:00 to 24:00 (an overnight
 * span of the day before counts), no holidays and no override that shortens a day.
 */
export function isRoundTheClock(spec: Spec, calendarId: string): boolean {
  const calendar = (spec.calendars ?? []).find((c) => c.id === calendarId)
  const model = calendar === undefined ? null : validateCalendar(calendar)
  if (model === null || !model.ok) return false
  const { week, holidays, yearlyHolidays, presets, overrides, yearlyOverrides } = model.value
  if (holidays.size > 0 || yearlyHolidays.size > 0 || presets.length > 0) return false
  const days = week.every((spans, d) => coversDay(spans, week[(d + 6) % 7]!))
  const overridden = [...overrides.values(), ...yearlyOverrides.values()].every((s) => coversDay(s, []))
  return days && overridden
}

function coversDay(spans: readonly Span[], dayBefore: readonly Span[]): boolean {
  const spill = dayBefore.filter(([, end]) => end > 1440).map(([, end]): Span => [0, end - 1440])
  let reached = 0
  for (const [start, end] of [...spill, ...spans].sort((a, b) => a[0] - b[0])) {
    if (start > reached) return false
    reached = Math.max(reached, end)
  }
  return reached >= 1440
}

/** Whether the backup scope (a database or a service) holds personal data. */
export function holdsPersonalData(spec: Spec, scope: string): boolean {
  const database = (spec.environment?.databases ?? []).find((d) => d.id === scope)
  if (database) return database.personalData
  return (spec.services ?? []).some((s) => s.id === scope) && spec.security?.personalData === true
}

export type Due = { due: string; last?: string; since: string }

/**
 * When a recurring duty (a restore test, a review) falls due: one period after it was last
 * done or, if never, after the agreement took effect. Undefined when neither date is known.
 */
export function nextDue(agreement: Agreement, last: string | undefined, every: string): Due | undefined {
  const since = last ?? agreement.spec.term?.effectiveFrom
  if (since === undefined) return undefined
  return { due: addPeriod(since, every), since, ...(last === undefined ? {} : { last }) }
}

/** `last restored in a test on 2026-02-10` or `not … since the agreement took effect on 2026-03-01`. */
export function lastDone(due: Due, done: string, notDone: string): string {
  return due.last === undefined
    ? `${notDone} since the agreement took effect on ${due.since}`
    : `${done} on ${due.last}`
}
