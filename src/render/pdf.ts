// The document as a PDF (pdfmake, server side): title page, contents, "page X of Y" footers,
// and the agreement's JSON embedded as agreement.json so anyone can recompute its hash.
import type { Attachment, Content, Node, NodeQueries, TDocumentDefinitions } from 'pdfmake/interfaces.js'
import type { RenderedDocument } from './blocks.ts'
import { PDF_STYLES, pdfContent } from './pdf-content.ts'
import { loadPdfmake } from './pdfmake.ts'

const MARGIN = 56

/**
 * `appendix`: pages after the document (the signature page); `footerNote`: a line on every
 * page's footer, the title page's too (the content hash, in a signed copy); `createdAt`: the
 * file's creation date, which also fixes its id, so the same input gives the same bytes.
 */
export type PdfOptions = {
  agreementJson: string
  appendix?: Content[]
  footerNote?: string
  createdAt?: Date
}

export async function renderPdf(doc: RenderedDocument, options: PdfOptions): Promise<Uint8Array> {
  const pdfmake = await loadPdfmake()
  return pdfmake.createPdf(documentDefinition(doc, options)).getBuffer()
}

function documentDefinition(doc: RenderedDocument, options: PdfOptions): TDocumentDefinitions {
  const { title } = doc
  const { agreementJson, footerNote } = options
  const agreementFile = {
    src: `data:application/json;base64,${Buffer.from(agreementJson, 'utf8').toString('base64')}`,
    name: 'agreement.json',
    description: `The agreement as canonical JSON (RFC 8785); its SHA-256 is ${title.contentHash}.`,
    // PDF/A-3 asks how an embedded file relates to the document: this is its source.
    relationship: 'Source',
    ...(options.createdAt ? { creationDate: options.createdAt, modifiedDate: options.createdAt } : {}),
  }
  return {
    info: {
      title: title.title,
      subject: [title.kindLabel, title.number].filter(Boolean).join(' '),
      author: title.parties.map((p) => p.name).join(', '),
      keywords: `sha256:${title.contentHash}`,
      creator: 'Upheld',
      ...(options.createdAt ? { creationDate: options.createdAt } : {}),
    },
    version: '1.7',
    subset: 'PDF/A-3b',
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN + 8],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: '#1d2433' },
    styles: PDF_STYLES,
    content: [...pdfContent(doc), ...(options.appendix ?? [])],
    footer: (page, pages) => footer(doc, page, pages, footerNote),
    pageBreakBefore: keepHeadingsWithText,
    files: { 'agreement.json': agreementFile as Attachment },
  }
}

/**
 * A heading (or a label) never ends a page: it moves to the next page when nothing but other
 * headings and the footer follow it there, or when it starts so low that what it introduces
 * cannot follow (pdfmake may still move a table whose positions it has not settled).
 */
function keepHeadingsWithText(node: Node, queries: NodeQueries): boolean {
  if (node.headlineLevel === undefined || queries.getNodesOnNextPage().length === 0) return false
  if (node.startPosition.verticalRatio > 0.86) return true
  const following = queries.getFollowingNodesOnPage().filter((next) => next.style !== 'footer')
  return following.every((next) => next.headlineLevel !== undefined)
}

function footer(doc: RenderedDocument, page: number, pages: number, note?: string): Content {
  const noteLine: Content[] = note ? [{ text: note, style: 'footer', margin: [MARGIN, 0, MARGIN, 0] }] : []
  if (page === 1) return noteLine.length > 0 ? { stack: noteLine, margin: [0, 30, 0, 0] } : ''
  const name = [doc.title.title, doc.title.number].filter(Boolean).join(' · ')
  return {
    stack: [
      {
        columns: [
          { text: name, width: '*', style: 'footer' },
          { text: `Page ${page} of ${pages}`, width: 'auto', alignment: 'right', style: 'footer' },
        ],
        margin: [MARGIN, 0, MARGIN, 0],
      },
      ...noteLine,
    ],
    margin: [0, note ? 16 : 24, 0, 0],
    style: 'footer',
  }
}
