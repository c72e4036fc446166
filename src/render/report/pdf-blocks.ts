// The view's blocks as pdfmake content: facts as an unruled two-column table, tables with
// verdict badges (the word on a coloured ground), charts as SVG with their text alternative.
import type { Content, Size, StyleDictionary, TableCell } from 'pdfmake/interfaces.js'
import { TABLE_LAYOUT } from '../pdf-table.ts'
import { CHART_WIDTH, COLOURS } from './svg.ts'
import { type Cell, type Column, cellText, type ViewBlock } from './view.ts'

const ACCENT = '#1f4e8c'
const MUTED = '#5b6475'
// The width between the page margins of A4.
const CONTENT_WIDTH = 499

export const REPORT_PDF_STYLES: StyleDictionary = {
  title: { fontSize: 20, bold: true, lineHeight: 1.1 },
  subtitle: { fontSize: 11, color: MUTED, margin: [0, 4, 0, 6] },
  summaryHeading: { fontSize: 10.5, bold: true, color: ACCENT, margin: [0, 8, 0, 3] },
  heading: { fontSize: 13, bold: true, color: ACCENT, margin: [0, 14, 0, 6] },
  factKey: { bold: true },
  table: { fontSize: 8, margin: [0, 2, 0, 8] },
  tableHeader: { bold: true, fillColor: '#eef1f5' },
  note: { fontSize: 7.5, italics: true, color: MUTED, margin: [0, 0, 0, 8] },
  caption: { fontSize: 7, color: MUTED, margin: [0, 3, 0, 10] },
  footer: { fontSize: 7.5, color: MUTED },
}

export function blockContent(block: ViewBlock, compact: boolean): Content {
  switch (block.type) {
    case 'facts':
      return {
        table: {
          widths: [compact ? 70 : 90, '*'],
          body: block.items.map(([key, value]) => [{ text: key, style: 'factKey' }, cellContent(value)]),
        },
        layout: 'noBorders',
        margin: [0, 0, 0, compact ? 2 : 8],
      }
    case 'table':
      return tableContent(block.columns, block.rows)
    case 'chart':
      return {
        stack: [
          {
            svg: block.chart.svg,
            width: CONTENT_WIDTH,
            height: (block.chart.height * CONTENT_WIDTH) / CHART_WIDTH,
          },
          { text: [{ text: `${block.chart.title}. `, bold: true }, block.chart.alt], style: 'caption' },
        ],
        unbreakable: true,
      }
    case 'note':
      return { text: block.text, style: 'note' }
  }
}

function tableContent(columns: Column[], rows: Cell[][]): Content {
  const align = (c: Column | undefined) => (c?.numeric ? 'right' : 'left')
  const header: TableCell[] = columns.map((c) => ({
    text: c.title,
    style: 'tableHeader',
    alignment: align(c),
  }))
  const body = rows.map((row) =>
    row.map((cell, i): TableCell => ({ ...cellContent(cell), alignment: align(columns[i]) })),
  )
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: widths(columns, rows),
      body: [header, ...body],
    },
    layout: TABLE_LAYOUT,
    style: 'table',
  }
}

function cellContent(cell: Cell): { text: Content } & Record<string, unknown> {
  if (typeof cell === 'string') return { text: cell }
  const badge = {
    text: `\u00a0${cell.badge.text.toUpperCase().replaceAll(' ', '\u00a0')}\u00a0`,
    bold: true,
    color: '#ffffff',
    background: COLOURS[cell.badge.tone],
  }
  return { text: cell.text ? [`${cell.text} `, badge] : [badge] }
}

/**
 * A column with verdict badges is as wide as its widest badge (set in bold capitals, they do
 * not wrap). The others are as wide as their text when the table fits the page; otherwise each
 * keeps its longest word (the bold header's too) and they share what is left by how much
 * longer their text runs, so short figures stay narrow and prose wraps.
 */
function widths(columns: Column[], rows: Cell[][]): Size[] {
  const cells = columns.map((_, i) => rows.map((r) => r[i] ?? ''))
  const fixed = cells.map((list, i) =>
    list.some((c) => typeof c !== 'string') ? Math.max(...list.map(badgeWidth), header(columns[i]!)) : 0,
  )
  const least = cells.map((list, i) => {
    // A word longer than a prose column is broken rather than given the page.
    const words = list.flatMap((c) => cellText(c).split(/\s+/)).map((w) => Math.min(w.length, 30))
    return Math.max(...words.map((n) => n * POINTS_PER_CHARACTER + PADDING), header(columns[i]!))
  })
  const preferred = cells.map((list, i) =>
    Math.max(
      least[i]!,
      Math.min(Math.max(...list.map((c) => cellText(c).length)), 48) * POINTS_PER_CHARACTER + PADDING,
    ),
  )
  // pdfmake adds each cell's padding and the rules to the widths it is given.
  const rules = columns.length * CELL_PADDING + (columns.length + 1) * 0.5
  const free = (list: number[]) => list.reduce((sum, w, i) => sum + (fixed[i]! > 0 ? 0 : w), 0)
  const spare = CONTENT_WIDTH - rules - fixed.reduce((a, b) => a + b, 0)
  const stretch = Math.max(0, Math.min(1, (spare - free(least)) / (free(preferred) - free(least) || 1)))
  return fixed.map((f, i) => Math.floor(f > 0 ? f : least[i]! + (preferred[i]! - least[i]!) * stretch))
}

// Roboto at the tables' 8 pt: an average character, a bold capital, some slack; and the
// padding of TABLE_LAYOUT on both sides of a cell.
const POINTS_PER_CHARACTER = 4.6
const POINTS_PER_CAPITAL = 6.2
const PADDING = 2
const CELL_PADDING = 8

function badgeWidth(cell: Cell): number {
  if (typeof cell === 'string') return cell.length * POINTS_PER_CHARACTER + PADDING
  return (
    (cell.text.length + 1) * POINTS_PER_CHARACTER +
    (cell.badge.text.length + 2) * POINTS_PER_CAPITAL +
    PADDING
  )
}

function header(column: Column): number {
  return Math.max(...column.title.split(/\s+/).map((w) => w.length)) * POINTS_PER_CHARACTER * 1.15 + PADDING
}
