import type { Agreement } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import type { PeriodLabel } from '../domain/availability/reporting-period.ts'
import { intervalsFromObservations, type StatusInterval } from '../domain/availability/status-intervals.ts'
import type { AgreementVersion } from '../domain/clocks/selection.ts'
import type { Result } from '../domain/issues.ts'
import { parseLocalDate } from '../domain/local-date.ts'
import { composeReport } from '../domain/reports/compose-report.ts'
import { addTicketEvents, historySelector } from '../domain/reports/replay-tally.ts'
import {
  type AgreementHistory,
  closingVersion,
  type ReportPeriod,
  reportPeriod,
} from '../domain/reports/report-period.ts'
import type { Report } from '../domain/reports/report-schema.ts'
import { newReportTally } from '../domain/reports/tally.ts'
import { parseInstant } from '../domain/time-zone.ts'
import { readAgreementFile } from './read-agreement-file.ts'
import { readStatusEventFile } from './status-event-file.ts'
import { readTicketEventFile } from './ticket-event-file.ts'

export type FileInputs = {
  agreement: string
  /** `FILE@INSTANT`: a later version of the agreement and when it took effect. */
  revisions: readonly string[]
  events: string
  status?: string
  period: PeriodLabel
  asOf: number
}

/** The report, and what a PDF or HTML rendering draws beyond it (the agreement, the intervals). */
export type FileReport = {
  report: Report
  agreement: Agreement
  intervals: ReadonlyMap<string, readonly StatusInterval[]>
}

export async function reportFromFiles(inputs: FileInputs): Promise<FileReport> {
  const history = readHistory(inputs.agreement, inputs.revisions)
  const period = orThrow(reportPeriod(history, inputs.period, inputs.asOf), inputs.agreement)
  const select = orThrow(historySelector(history), inputs.agreement)
  const tally = newReportTally()
  const groups = await readTicketEventFile(inputs.events)
  try {
    for (const events of groups.groups()) addTicketEvents(tally, events, select, period)
  } finally {
    groups.close()
  }
  const intervals = inputs.status === undefined ? new Map() : readStatusFile(inputs.status, history, period)
  const report = orThrow(composeReport({ history, period, tally, intervals }), inputs.agreement)
  return { report, agreement: closingVersion(history, period).agreement, intervals }
}

function readHistory(file: string, revisions: readonly string[]): AgreementHistory {
  const base = readAgreement(file)
  // A date takes effect at midnight UTC, as when the agreement is uploaded.
  const from = base.spec.term?.effectiveFrom
  const day = from === undefined ? null : parseLocalDate(from)
  const versions: AgreementVersion[] = [
    {
      agreement: base,
      version: `${base.metadata.id}@${base.metadata.version ?? 1}`,
      effectiveFrom: day === null ? Number.NEGATIVE_INFINITY : day * 86_400_000,
    },
  ]
  versions.push(...revisions.map((text, i) => readRevision(text, i + 2, base)))
  const labels = versions.map((v) => v.version)
  const twice = labels.find((label, i) => labels.indexOf(label) !== i)
  if (twice !== undefined)
    throw new AppError(
      'invalid_input',
      `two versions are labelled ${twice}: give each its own metadata.version`,
    )
  return { id: base.metadata.id, versions: versions.sort((a, b) => a.effectiveFrom - b.effectiveFrom) }
}

/** `FILE@INSTANT`, labelled by its metadata.version, else by its place (the base is 1). */
function readRevision(text: string, place: number, base: Agreement): AgreementVersion {
  const at = text.lastIndexOf('@')
  const effectiveFrom = at < 0 ? null : parseInstant(text.slice(at + 1), 'UTC')
  if (effectiveFrom === null)
    throw new AppError(
      'invalid_input',
      `--revision: "${text}" should be FILE@INSTANT, e.g. v2.yaml@2026-10-15T00:00:00Z`,
    )
  const agreement = readAgreement(text.slice(0, at))
  if (agreement.metadata.id !== base.metadata.id)
    throw new AppError(
      'invalid_input',
      `--revision: ${text.slice(0, at)} is agreement "${agreement.metadata.id}", not a revision of "${base.metadata.id}"`,
    )
  return {
    agreement,
    version: `${agreement.metadata.id}@${agreement.metadata.version ?? place}`,
    effectiveFrom,
  }
}

function readAgreement(file: string): Agreement {
  const parsed = readAgreementFile(file)
  if (!parsed.ok) throw new AppError('invalid_input', `${file} is not a valid agreement`, parsed.issues)
  return parsed.agreement
}

/**
 * Each line a generic status event; a monitor's report holds until its next one for the same
 * component. Every line is checked first; an id seen before is a retry and is skipped.
 */
function readStatusFile(
  file: string,
  history: AgreementHistory,
  period: ReportPeriod,
): Map<string, StatusInterval[]> {
  const byService = readStatusEventFile(file)
  const objectives = closingVersion(history, period).agreement.spec.availability ?? []
  return new Map(
    objectives.map((o) => [o.id, intervalsFromObservations(byService.get(o.service) ?? [], period.asOf)]),
  )
}

function orThrow<T>(result: Result<T>, file: string): T {
  if (result.ok) return result.value
  throw new AppError('invalid_input', `${file} cannot be reported on`, result.issues)
}
