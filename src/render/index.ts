// Rendering an agreement in one call: the outline of its template (or the default), the
// content hash, the document model, then Markdown, HTML or PDF.
import { canonicalJson, contentHash } from '../domain/agreement/content-hash.ts'
import type { Outline } from '../domain/agreement/outline.ts'
import type { Agreement } from '../domain/agreement/schema.ts'
import { findTemplate } from '../domain/templates/index.ts'
import type { RenderedDocument } from './blocks.ts'
import { changeSummary, type PreviousVersion } from './changes-section.ts'
import { defaultOutline } from './default-outline.ts'
import { buildDocument } from './document.ts'
import type { RenderFormat } from './formats.ts'
import { renderHtml } from './html.ts'
import { renderMarkdown } from './markdown.ts'
import { renderPdf } from './pdf.ts'

export type { PreviousVersion } from './changes-section.ts'
export { defaultOutline } from './default-outline.ts'
export { buildDocument } from './document.ts'
export { RENDER_FORMATS, type RenderFormat } from './formats.ts'
export { renderHtml } from './html.ts'
export { renderMarkdown } from './markdown.ts'
export { renderPdf } from './pdf.ts'

/** The outline of the template the agreement names; the default one when it names none we know. */
export function outlineFor(agreement: Agreement): { outline: Outline; unknownTemplate?: string } {
  const id = agreement.metadata.template?.id
  if (id === undefined) return { outline: defaultOutline(agreement.kind) }
  const template = findTemplate(id)
  return template
    ? { outline: template.outline }
    : { outline: defaultOutline(agreement.kind), unknownTemplate: id }
}

function agreementDocument(
  agreement: Agreement,
  outline: Outline,
  previous?: PreviousVersion,
): RenderedDocument {
  return buildDocument(agreement, outline, {
    contentHash: contentHash(agreement),
    ...(previous ? { changes: changeSummary(previous, agreement) } : {}),
  })
}

/**
 * Markdown and HTML come back as text, PDF as bytes with the agreement's JSON embedded. With
 * `previous`, the document opens with what changed from that version.
 */
export async function renderAgreement(
  agreement: Agreement,
  format: RenderFormat,
  outline: Outline = outlineFor(agreement).outline,
  options: { previous?: PreviousVersion } = {},
): Promise<string | Uint8Array> {
  const doc = agreementDocument(agreement, outline, options.previous)
  if (format === 'md') return renderMarkdown(doc)
  if (format === 'html') return renderHtml(doc)
  return renderPdf(doc, { agreementJson: canonicalJson(agreement) })
}
