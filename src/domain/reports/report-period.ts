// Which stretch of time a report covers, in which zone, and which versions of the agreement
// applied during it. The zone is the agreement's `reporting.timezone`, else UTC: the first
// calendar is its support hours, which say nothing about how the parties count months.
import type { Agreement } from '../agreement/schema.ts'
import { calendarPeriod, formatPeriodLabel, type PeriodLabel } from '../availability/reporting-period.ts'
import type { AgreementVersion } from '../clocks/selection.ts'
import type { Result } from '../issues.ts'
import { canonicalTimeZone } from '../time-zone.ts'

/**
 * `[start, end)` is the month or quarter; `until` is where what is known stops: the end, or
 * `asOf`, the instant the report is made, while the period still runs.
 */
export type ReportPeriod = {
  label: PeriodLabel
  timeZone: string
  start: number
  end: number
  until: number
  asOf: number
}

/** An agreement's versions, oldest first; `effectiveFrom` -Infinity: in force from the start. */
export type AgreementHistory = { id: string; versions: readonly AgreementVersion[] }

export function reportPeriod(
  history: AgreementHistory,
  label: PeriodLabel,
  asOf: number,
): Result<ReportPeriod> {
  // The zone is the one of the version in force when the period ends, read in UTC: which
  // version that is cannot depend on the zone it is about to choose.
  const utcEnd = calendarPeriod(label, 'UTC').end
  const version = versionAt(history, utcEnd - 1)
  const text = formatPeriodLabel(label)
  if (!version)
    return {
      ok: false,
      issues: [
        {
          path: ['period'],
          message: `agreement ${history.id} has no version in force by the end of ${text}`,
          hint: `its first version takes effect ${iso(history.versions[0]?.effectiveFrom)}`,
        },
      ],
    }
  const written = version.agreement.spec.reporting?.timezone ?? 'UTC'
  const timeZone = canonicalTimeZone(written)
  if (timeZone === null)
    return {
      ok: false,
      issues: [
        {
          path: ['spec', 'reporting', 'timezone'],
          message: `"${written}" is not an IANA time zone`,
          hint: 'write one such as Europe/London, or leave it out for UTC',
        },
      ],
    }
  const { start, end } = calendarPeriod(label, timeZone)
  const until = Math.max(start, Math.min(end, asOf))
  return { ok: true, value: { label, timeZone, start, end, until, asOf } }
}

/** The version with the latest effectiveFrom at or before `t`. */
export function versionAt(history: AgreementHistory, t: number): AgreementVersion | undefined {
  let found: AgreementVersion | undefined
  for (const v of history.versions) {
    if (v.effectiveFrom > t) break
    found = v
  }
  return found
}

/** The version in force at the end of what the period knows: it decides objectives and KPIs. */
export function closingVersion(history: AgreementHistory, period: ReportPeriod): AgreementVersion {
  return versionAt(history, Math.max(period.start, period.until - 1)) ?? history.versions[0]!
}

export function versionByLabel(history: AgreementHistory, label: string): Agreement | undefined {
  return history.versions.find((v) => v.version === label)?.agreement
}

/** The versions in force during the period, with the part of it each covered. */
export function versionsInForce(
  history: AgreementHistory,
  period: ReportPeriod,
): { version: AgreementVersion; start: number; end: number }[] {
  return history.versions.flatMap((version, i) => {
    const next = history.versions[i + 1]?.effectiveFrom ?? Number.POSITIVE_INFINITY
    const start = Math.max(period.start, version.effectiveFrom)
    const end = Math.min(period.end, next)
    return start < end ? [{ version, start, end }] : []
  })
}

function iso(t: number | undefined): string {
  return t === undefined || !Number.isFinite(t) ? 'at no known instant' : new Date(t).toISOString()
}
