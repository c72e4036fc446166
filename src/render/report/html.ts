// The report as one standalone HTML file: inline CSS and SVG, no script, nothing fetched, every
// piece of text escaped. Charts are images with a title and a description for screen readers,
// and the same description is printed under each, beside tables that hold the figures.
import type { Agreement } from '../../domain/agreement/schema.ts'
import type { Report } from '../../domain/reports/report-schema.ts'
import { escapeHtml } from '../markdown-html.ts'
import { REPORT_STYLE } from './html-style.ts'
import { reportView } from './report-view.ts'
import type { Chart } from './svg.ts'
import type { TimelineSources } from './timelines.ts'
import type { Cell, Column, ViewBlock, ViewSection } from './view.ts'

// No script, frame or remote resource can load, whatever slips into the text.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** What a rendering can draw beyond the report: see TimelineSources. */
export type ReportRenderOptions = Pick<TimelineSources, 'intervals'>

export function renderReportHtml(
  report: Report,
  agreement?: Agreement,
  options: ReportRenderOptions = {},
): string {
  const view = reportView(report, { agreement, intervals: options.intervals })
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${view.title}: ${report.agreement}`)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    '<header class="report-title">',
    `<h1>${escapeHtml(view.title)}</h1>`,
    `<p>${escapeHtml(view.subtitle)}</p>`,
    '</header>',
    '<section class="summary">',
    ...view.summary.map(sectionHtml),
    '</section>',
    '<main>',
    ...view.detail.map(sectionHtml),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function sectionHtml(section: ViewSection): string {
  return [
    `<section id="${escapeHtml(section.id)}">`,
    `<h2>${escapeHtml(section.title)}</h2>`,
    ...section.blocks.map(blockHtml),
    '</section>',
  ].join('\n')
}

function blockHtml(block: ViewBlock): string {
  switch (block.type) {
    case 'facts':
      return `<dl class="facts">${block.items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${cellHtml(v)}</dd>`).join('')}</dl>`
    case 'table':
      return tableHtml(block.columns, block.rows)
    case 'chart':
      return chartHtml(block.chart)
    case 'note':
      return `<p class="note">${escapeHtml(block.text)}</p>`
  }
}

function tableHtml(columns: Column[], rows: Cell[][]): string {
  const cls = (c: Column | undefined) => (c?.numeric ? ' class="num"' : '')
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.title)}</th>`).join('')
  const body = rows.map(
    (row) => `<tr>${row.map((cell, i) => `<td${cls(columns[i])}>${cellHtml(cell)}</td>`).join('')}</tr>`,
  )
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`
}

function cellHtml(cell: Cell): string {
  if (typeof cell === 'string') return escapeHtml(cell)
  const badge = `<span class="badge ${cell.badge.tone}">${escapeHtml(cell.badge.text)}</span>`
  return cell.text ? `${escapeHtml(cell.text)} ${badge}` : badge
}

/** The drawing labelled by its title and described by its text alternative. */
function chartHtml(chart: Chart): string {
  const id = escapeHtml(chart.id)
  const open = chart.svg.indexOf('>') + 1
  const svg = [
    chart.svg
      .slice(0, open)
      .replace('<svg ', `<svg role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" `),
    `<title id="${id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(chart.alt)}</desc>`,
    chart.svg.slice(open),
  ].join('')
  return [
    `<figure id="${id}">`,
    svg,
    `<figcaption><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.alt)}</figcaption>`,
    '</figure>',
  ].join('\n')
}
