// Tables in the PDF: thin rules, a header row repeated on every page and kept with the first
// row, and column widths that fit the page without breaking words where it can be helped.
import type { Content, CustomTableLayout, Size, TableCell } from 'pdfmake/interfaces.js'

export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#c9ced8',
  vLineColor: () => '#c9ced8',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

// How many characters of 8.5 pt Roboto fit across an A4 page inside the margins, less padding.
const LINE_CHARACTERS = 112
const PADDING_CHARACTERS = 2
const LONGEST_PREFERRED = 42

export function tableContent(columns: string[], rows: string[][]): Content {
  const header: TableCell[] = columns.map((c) => ({ text: c, style: 'tableHeader' }))
  // pdfmake writes its layout into the body it is given, so it gets cells of its own.
  const body: TableCell[][] = [header, ...rows.map((row) => row.map((text) => ({ text })))]
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: columnWidths(columns, rows),
      body,
    },
    layout: TABLE_LAYOUT,
    style: 'table',
  }
}

/**
 * Each column gets at least its longest word (so "Encrypted" is not split) and, from the
 * space left, a share in proportion to how much longer its longest text is. Widths are
 * percentages of the page width.
 */
function columnWidths(columns: string[], rows: string[][]): Size[] {
  const texts = columns.map((column, i) => [column, ...rows.map((r) => r[i] ?? '')])
  const least = texts.map((list, i) => {
    // Addresses and numbers run wider than average text, and the bold header wider still.
    const word = Math.max(...list.flatMap((t) => t.split(/[ \t\n]+/)).map((w) => w.length * 1.15))
    const header = Math.max(...(columns[i] ?? '').split(/[ \t\n]+/).map((w) => w.length * 1.2))
    return Math.ceil(Math.max(word, header, 3)) + PADDING_CHARACTERS
  })
  const preferred = texts.map((list, i) =>
    Math.max(
      least[i]!,
      Math.min(Math.max(...list.map((t) => t.length)), LONGEST_PREFERRED) + PADDING_CHARACTERS,
    ),
  )
  const sumLeast = sum(least)
  const spare = LINE_CHARACTERS - sumLeast
  const wanted = sum(preferred) - sumLeast
  const widths =
    spare <= 0 || wanted <= 0
      ? least
      : least.map((l, i) => l + (preferred[i]! - l) * Math.min(1, spare / wanted))
  const total = sum(widths)
  return widths.map((w) => `${((w / total) * 100).toFixed(2)}%`)
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
