// The intermediate document model: what every format (Markdown, HTML, PDF) renders. Text in
// paragraphs and list items is Markdown; everything else (keys, values, cells) is plain text.
import type { AgreementKind } from '../domain/agreement/schema.ts'

export type Heading = {
  type: 'heading'
  /** 1 for a top-level heading of the outline. */
  level: number
  number?: string
  title: string
  /** Unique within the document, for links and the table of contents. */
  anchor: string
}

export type Block =
  | Heading
  /** A minor heading inside a section, not listed in the table of contents. */
  | { type: 'label'; text: string }
  | { type: 'paragraph'; markdown: string }
  | { type: 'keyValue'; items: { key: string; value: string }[] }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'bullets'; items: string[]; ordered?: boolean }
  | { type: 'note'; text: string }

export type TitlePage = {
  title: string
  kind: AgreementKind
  /** `Service Level Agreement` for `ServiceLevelAgreement`. */
  kindLabel: string
  number?: string
  version?: number
  parties: { role: string; name: string }[]
  /** `1 January 2026 to 31 December 2026`, when the agreement has a term. */
  term?: string
  /** Hex SHA-256 of the agreement's canonical JSON. */
  contentHash: string
}

export type RenderedDocument = { title: TitlePage; blocks: Block[] }

export function paragraph(markdown: string): Block {
  return { type: 'paragraph', markdown }
}

export function note(text: string): Block {
  return { type: 'note', text }
}

export function label(text: string): Block {
  return { type: 'label', text }
}

export function bullets(items: string[], ordered = false): Block[] {
  if (items.length === 0) return []
  return [ordered ? { type: 'bullets', items, ordered } : { type: 'bullets', items }]
}

/** Key-value pairs; pairs without a value are left out. */
export function keyValue(items: [key: string, value: string | undefined][]): Block[] {
  const kept = items.flatMap(([key, value]) => (value ? [{ key, value }] : []))
  return kept.length > 0 ? [{ type: 'keyValue', items: kept }] : []
}

/**
 * A table; columns that are empty in every row are left out (an agreement that records no
 * asset tags gets no asset-tag column), except the first, which names each row.
 */
export function table(columns: string[], rows: string[][]): Block[] {
  if (rows.length === 0) return []
  const keep = columns.map((_, i) => i === 0 || rows.some((row) => (row[i] ?? '') !== ''))
  return [
    {
      type: 'table',
      columns: columns.filter((_, i) => keep[i]),
      rows: rows.map((row) => columns.flatMap((_, i) => (keep[i] ? [row[i] ?? ''] : []))),
    },
  ]
}
