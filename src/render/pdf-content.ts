// The document model → pdfmake content: title page, table of contents, then the blocks.
import type { Content, StyleDictionary } from 'pdfmake/interfaces.js'
import type { Block, RenderedDocument, TitlePage } from './blocks.ts'
import { markdownInline, markdownToPdf } from './pdf-markdown.ts'
import { TABLE_LAYOUT, tableContent } from './pdf-table.ts'

const INK = '#1d2433'
const MUTED = '#5b6475'
const TINT = '#eef1f5'
const ACCENT = '#1f4e8c'

export const PDF_STYLES: StyleDictionary = {
  title: { fontSize: 26, bold: true, color: INK, lineHeight: 1.1 },
  kind: { fontSize: 14, color: MUTED, margin: [0, 6, 0, 36] },
  factKey: { bold: true, color: INK },
  hash: { fontSize: 8.5, color: INK },
  tocTitle: { fontSize: 16, bold: true, margin: [0, 0, 0, 12] },
  h1: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 18, 0, 6] },
  h2: { fontSize: 12, bold: true, color: INK, margin: [0, 12, 0, 4] },
  h3: { fontSize: 10.5, bold: true, color: INK, margin: [0, 10, 0, 3] },
  label: { bold: true, margin: [0, 8, 0, 3] },
  paragraph: { margin: [0, 0, 0, 6] },
  list: { margin: [0, 0, 0, 6] },
  note: { italics: true, color: MUTED, margin: [0, 0, 0, 6] },
  code: { fontSize: 8.5, color: INK, margin: [8, 0, 0, 6] },
  codeSpan: { color: ACCENT },
  quote: { italics: true, margin: [12, 0, 0, 6] },
  link: { color: ACCENT, decoration: 'underline' },
  table: { fontSize: 8.5, margin: [0, 2, 0, 10] },
  tableHeader: { bold: true, fillColor: TINT },
  footer: { fontSize: 8, color: MUTED },
}

export function pdfContent(doc: RenderedDocument): Content[] {
  return [
    ...titlePage(doc.title),
    {
      toc: { title: { text: 'Contents', style: 'tocTitle' }, outlines: true, textMargin: [0, 2, 0, 2] },
      pageBreak: 'after',
    },
    ...keepHeadingsWithContent(doc.blocks),
  ]
}

const isHeading = (b: Block) => b.type === 'heading' || b.type === 'label'

/**
 * Headings (and labels) are kept on one page with the block they introduce, when that block
 * is short enough never to need a page of its own; pdfmake cannot keep longer ones together.
 */
function keepHeadingsWithContent(blocks: Block[]): Content[] {
  const out: Content[] = []
  for (let i = 0; i < blocks.length; ) {
    let end = i
    while (end < blocks.length && isHeading(blocks[end]!)) end++
    const next = blocks[end]
    const group = blocks.slice(i, end)
    if (group.length === 0) {
      out.push(blockContent(blocks[i]!, true))
      i++
    } else if (next && isShort(next)) {
      // An unbreakable group moves to the next page whole, so its headings need no page-break check.
      out.push({ stack: [...group, next].map((b) => blockContent(b, false)), unbreakable: true })
      i = end + 1
    } else {
      out.push(...group.map((b) => blockContent(b, true)))
      i = end
    }
  }
  return out
}

function isShort(block: Block): boolean {
  switch (block.type) {
    case 'paragraph':
      return block.markdown.length < 1200
    case 'keyValue':
      return block.items.length <= 15
    case 'table':
      return block.rows.length <= 12
    case 'bullets':
      return block.items.length <= 10
    default:
      return !isHeading(block)
  }
}

function titlePage(title: TitlePage): Content[] {
  const kind = [title.kindLabel, title.number, title.version ? `version ${title.version}` : undefined]
    .filter(Boolean)
    .join('  ·  ')
  const facts: [string, Content][] = [
    ...title.parties.map((p): [string, Content] => [p.role, p.name]),
    ...(title.term ? [['Term', title.term] as [string, Content]] : []),
    ['Content hash (SHA-256)', { text: title.contentHash, style: 'hash' }],
  ]
  return [
    { text: title.title, style: 'title', margin: [0, 140, 0, 0] },
    { text: kind, style: 'kind' },
    {
      table: {
        widths: [130, '*'],
        body: facts.map(([key, value]) => [{ text: key, style: 'factKey' }, value]),
      },
      layout: 'noBorders',
      pageBreak: 'after',
    },
  ]
}

/** `checkBreak` marks headings for the page-break check of pdf.ts (keepHeadingsWithText). */
function blockContent(block: Block, checkBreak: boolean): Content {
  switch (block.type) {
    case 'heading':
      return {
        text: [block.number, block.title].filter(Boolean).join('  '),
        style: `h${Math.min(block.level, 3)}`,
        id: block.anchor,
        ...(checkBreak ? { headlineLevel: block.level } : {}),
        tocItem: true,
        tocMargin: [(block.level - 1) * 14, 0, 0, 0],
        tocStyle: block.level === 1 ? { bold: true } : {},
      }
    case 'label':
      return { text: block.text, style: 'label', ...(checkBreak ? { headlineLevel: 9 } : {}) }
    case 'paragraph':
      return { stack: markdownToPdf(block.markdown) }
    case 'keyValue':
      return {
        table: {
          widths: [150, '*'],
          body: block.items.map((i) => [{ text: i.key, bold: true }, i.value]),
        },
        layout: TABLE_LAYOUT,
        style: 'table',
      }
    case 'table':
      return tableContent(block.columns, block.rows)
    case 'bullets': {
      const items = block.items.map((item) => ({ text: markdownInline(item) }))
      return block.ordered ? { ol: items, style: 'list' } : { ul: items, style: 'list' }
    }
    case 'note':
      return { text: block.text, style: 'note' }
  }
}
