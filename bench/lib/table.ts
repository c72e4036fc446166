/** A plain-text table; the first `textColumns` columns are left-aligned, the rest right-aligned. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  textColumns = 1,
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const threeDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 })

/** 1,234,567 for big numbers, three significant digits for small ones. */
export function formatCount(n: number): string {
  return n >= 100 ? whole.format(n) : threeDigits.format(n)
}

export function formatPercent(part: number, total: number): string {
  return total === 0 ? '–' : `${((100 * part) / total).toFixed(1)}%`
}
