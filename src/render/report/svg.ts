// The few SVG shapes the report's charts are drawn with, as strings. They stay within what
// both a browser and pdfmake's SVG renderer (svg-to-pdfkit) draw: rect, line, text, no CSS, no
// patterns, text in the document's font. Every piece of text is escaped.
import { escapeHtml } from '../markdown-html.ts'

export const COLOURS = {
  ink: '#1d2433',
  muted: '#5b6475',
  rule: '#c9ced8',
  track: '#eef1f5',
  accent: '#1f4e8c',
  good: '#1a7f37',
  bad: '#c62828',
  neutral: '#6b7280',
  maintenance: '#7fa3d6',
  maintenanceCounted: '#e0a84a',
} as const

/** A chart: the drawing, and what it shows in words for those who cannot see it. */
export type Chart = {
  id: string
  title: string
  /** The text alternative: what the chart shows, in sentences. */
  alt: string
  svg: string
  /** In the units of its width, CHART_WIDTH. */
  height: number
}

export const CHART_WIDTH = 500
const FONT = 'Roboto, "Helvetica Neue", Arial, sans-serif'

export function svgDocument(width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}' font-size="8">`,
    ...body,
    '</svg>',
  ].join('\n')
}

type Paint = { fill?: string; stroke?: string; dash?: string; width?: number }

export function rect(x: number, y: number, width: number, height: number, paint: Paint): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(width, 0))}" height="${n(height)}"${paintAttrs(paint)}/>`
}

export function line(x1: number, y1: number, x2: number, y2: number, paint: Paint): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"${paintAttrs(paint)}/>`
}

type TextOptions = { anchor?: 'start' | 'middle' | 'end'; size?: number; fill?: string; bold?: boolean }

/** `y` is the baseline. */
export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const attrs = [
    options.anchor && options.anchor !== 'start' ? ` text-anchor="${options.anchor}"` : '',
    options.size ? ` font-size="${options.size}"` : '',
    ` fill="${options.fill ?? COLOURS.ink}"`,
    options.bold ? ' font-weight="bold"' : '',
  ].join('')
  return `<text x="${n(x)}" y="${n(y)}"${attrs}>${escapeHtml(content)}</text>`
}

function paintAttrs({ fill, stroke, dash, width }: Paint): string {
  return [
    ` fill="${fill ?? 'none'}"`,
    stroke ? ` stroke="${stroke}" stroke-width="${width ?? 1}"` : '',
    dash ? ` stroke-dasharray="${dash}"` : '',
  ].join('')
}

// Coordinates to two decimals: enough for print, and the same text on every run.
function n(value: number): string {
  return String(Math.round(value * 100) / 100)
}
