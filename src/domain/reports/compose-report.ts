// The compliance report of an agreement over a period, from what was counted (a tally built by
// replaying tickets, or by the database and replaying only what it cannot settle) and the
// status intervals of its availability objectives. Pure: the same figures from a file or a
// database.
import type { Agreement } from '../agreement/schema.ts'
import { REPORT_SECTIONS } from '../agreement/sections-service-levels.ts'
import { formatPeriodLabel } from '../availability/reporting-period.ts'
import type { StatusInterval } from '../availability/status-intervals.ts'
import type { Result } from '../issues.ts'
import { availabilityRows } from './availability-rows.ts'
import { checklist } from './checklist.ts'
import { creditRows } from './credit-rows.ts'
import { type AgreementHistory, closingVersion, type ReportPeriod, versionsInForce } from './report-period.ts'
import type { Report } from './report-schema.ts'
import { satisfactionFigures } from './satisfaction.ts'
import type { ReportTally } from './tally.ts'
import { breachRows, severityRank, targetRows } from './target-rows.ts'

export type ReportInput = {
  history: AgreementHistory
  period: ReportPeriod
  tally: ReportTally
  /** Status intervals by availability objective id. */
  intervals: ReadonlyMap<string, readonly StatusInterval[]>
}

export function composeReport(input: ReportInput): Result<Report> {
  const { history, period, tally } = input
  const closing = closingVersion(history, period)
  const availability = availabilityRows(closing.agreement, closing.version, period, input.intervals)
  if (!availability.ok) return availability
  const targets = targetRows(history, period, tally)
  const satisfaction = satisfactionFigures(tally.ratings)
  const { incidents, backlog } = ticketRows(history, closing.agreement, tally)
  const iso = (t: number) => new Date(t).toISOString()
  return {
    ok: true,
    value: {
      agreement: history.id,
      customer: closing.agreement.spec.parties.customer.id,
      period: {
        label: formatPeriodLabel(period.label),
        timezone: period.timeZone,
        start: iso(period.start),
        end: iso(period.end),
      },
      as_of: iso(period.until),
      complete: period.until === period.end,
      sections: [...(closing.agreement.spec.reporting?.include ?? REPORT_SECTIONS)],
      versions: versionRows(history, period, tally),
      targets,
      breaches: breachRows(history, tally),
      satisfaction: satisfaction.figures,
      incidents,
      backlog,
      availability: availability.value,
      checklist: checklist({
        agreement: closing.agreement,
        targets,
        availability: availability.value,
        satisfaction,
        incidents: incidents.reduce((n, i) => n + i.count, 0),
      }),
      credits: creditRows(closing.agreement, period, targets, availability.value),
    },
  }
}

/** The versions in force during the period, and any earlier one that clocks counted in it pinned. */
function versionRows(
  history: AgreementHistory,
  period: ReportPeriod,
  tally: ReportTally,
): Report['versions'] {
  const clocks = new Map<string, number>()
  for (const t of tally.targets.values())
    clocks.set(t.version, (clocks.get(t.version) ?? 0) + t.met + t.breached)
  const inForce = new Map(versionsInForce(history, period).map((v) => [v.version.version, v]))
  return history.versions
    .filter((v) => inForce.has(v.version) || clocks.has(v.version))
    .map((v) => {
      const span = inForce.get(v.version)
      return {
        version: v.version,
        effective_from: Number.isFinite(v.effectiveFrom) ? new Date(v.effectiveFrom).toISOString() : null,
        in_force: span
          ? { start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() }
          : null,
        clocks: clocks.get(v.version) ?? 0,
      }
    })
}

/** Incidents and backlog for every severity of the agreement, and any other counted, by rank. */
function ticketRows(history: AgreementHistory, agreement: Agreement, tally: ReportTally) {
  const severities = (agreement.spec.severities ?? []).map((s) => s.id)
  return {
    incidents: bySeverity(history, tally.incidents, severities, 0).map(([severity, count]) => ({
      severity,
      count,
    })),
    backlog: bySeverity(history, tally.backlog, severities, { open: 0, breached: 0 }).map(
      ([severity, b]) => ({
        severity,
        ...b,
      }),
    ),
  }
}

function bySeverity<T>(
  history: AgreementHistory,
  counts: ReadonlyMap<string, T>,
  severities: readonly string[],
  zero: T,
): [string, T][] {
  const rank = severityRank(history)
  const all = new Map<string, T>(severities.map((s) => [s, zero]))
  for (const [severity, value] of counts) all.set(severity, value)
  return [...all].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
}
