// A report as CSV, one document per table (RFC 4180: CRLF line ends, fields quoted when they
// hold a comma, a quote or a line break). Columns are the report schema's fields, so a table
// without rows still has its header; figures are written as in the JSON (decimals as exact
// strings, durations in milliseconds, instants in ISO 8601), and an absent figure is empty.
import {
  AvailabilityRowSchema,
  BreachSchema,
  ChecklistItemSchema,
  type Report,
  TargetRowSchema,
} from './report-schema.ts'

export const REPORT_TABLES = [
  'targets',
  'breaches',
  'availability',
  'satisfaction',
  'incidents',
  'backlog',
  'checklist',
] as const
export type ReportTable = (typeof REPORT_TABLES)[number]

type Cell = string | number | boolean | null | undefined
type Row = Record<string, Cell>

const AVAILABILITY_COLUMNS = [
  ...Object.keys(AvailabilityRowSchema.shape).filter((k) => k !== 'period'),
  'start',
  'end',
]

export function toCsv(report: Report): Record<ReportTable, string> {
  const s = report.satisfaction
  return {
    targets: table(Object.keys(TargetRowSchema.shape), report.targets),
    breaches: table(Object.keys(BreachSchema.shape), report.breaches),
    availability: table(
      AVAILABILITY_COLUMNS,
      report.availability.map(({ period, ...row }) => ({ ...row, start: period.start, end: period.end })),
    ),
    satisfaction: table(
      // The period's average rides on each row of the distribution it summarises.
      ['scale', 'rating', 'count', 'average', 'average_scale', 'ratings'],
      s.distribution.map((d) => ({ ...d, average: s.average, average_scale: s.scale, ratings: s.count })),
    ),
    incidents: table(['severity', 'count'], report.incidents),
    backlog: table(['severity', 'open', 'breached'], report.backlog),
    checklist: table(Object.keys(ChecklistItemSchema.shape), report.checklist),
  }
}

function table(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns.map(field), ...rows.map((row) => columns.map((c) => field(row[c])))]
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('')
}

function field(value: Cell): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
