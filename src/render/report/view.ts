// The report as a document, before it is HTML or PDF: a one-page summary, then the detail, each
// a list of sections of facts, tables, charts and notes. Both renderings draw the same view, so
// they show the same figures in the same order.
import type { Report, TargetRow } from '../../domain/reports/report-schema.ts'
import type { Tone } from './format.ts'
import type { Chart } from './svg.ts'

/** A table cell: text, or text with a verdict beside it, in words and in colour. */
export type Cell = string | { text: string; badge: { text: string; tone: Tone } }

export type Column = { title: string; numeric?: boolean }

export type ViewBlock =
  | { type: 'facts'; items: [string, Cell][] }
  | { type: 'table'; columns: Column[]; rows: Cell[][] }
  | { type: 'chart'; chart: Chart }
  | { type: 'note'; text: string }

export type ViewSection = { id: string; title: string; blocks: ViewBlock[] }

export type ReportView = {
  title: string
  subtitle: string
  summary: ViewSection[]
  detail: ViewSection[]
}

/** The rows of targets whose metric the report is to show (`reporting.include`). */
export function shownTargets(report: Report): TargetRow[] {
  return report.targets.filter((row) => report.sections.includes(row.metric))
}

/** Rows name their version only when more than one version measured them. */
export function severalVersions(rows: readonly TargetRow[]): boolean {
  return new Set(rows.map((r) => r.version)).size > 1
}

export function table(columns: (string | Column)[], rows: Cell[][]): ViewBlock {
  return { type: 'table', columns: columns.map((c) => (typeof c === 'string' ? { title: c } : c)), rows }
}

export function numeric(title: string): Column {
  return { title, numeric: true }
}

export function badge(text: string, tone: Tone, label = ''): Cell {
  return { text: label, badge: { text, tone } }
}

export function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : [cell.text, cell.badge.text].filter(Boolean).join(' ')
}
