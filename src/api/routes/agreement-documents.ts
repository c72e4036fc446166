// An agreement version as a document: the HTML shown in the web app (the customer portal's
// "Our agreement"), the PDF to download, the Markdown to diff or paste. Scoped like the version
// itself: a customer reads only their own organisation's.
import { z } from 'zod'
import type { Deps } from '../../actions/deps.ts'
import { renderAgreementVersion } from '../../actions/render-agreement-version.ts'
import { RENDER_FORMATS } from '../../render/formats.ts'
import { type Route, route } from '../route.ts'
import { VersionParams } from '../schemas/agreements.ts'

const MEDIA: Record<(typeof RENDER_FORMATS)[number], string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
}
// The HTML carries the same policy in a meta tag; the header also covers a direct visit.
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"

export function agreementDocumentRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/agreements/:id/versions/:version/document',
      operationId: 'renderAgreementVersion',
      tag: 'Agreements',
      summary: 'One version of an agreement as a document: HTML, PDF or Markdown',
      description:
        'Rendered from the stored version with its template’s outline. HTML is one standalone page (inline ' +
        'styles, no scripts); PDF embeds the agreement’s JSON.',
      params: VersionParams,
      query: z.object({ format: z.enum(RENDER_FORMATS).default('html') }),
      responses: {
        200: { description: 'the document, in the media type of its format', media: 'text/html' },
        404: { description: 'no such agreement version among those you may read' },
      },
      handle: async (c, { params, query }) => {
        const { body, filename } = await renderAgreementVersion(deps, c.get('actor'), {
          agreementId: params.id,
          version: params.version,
          format: query.format,
        })
        const headers: Record<string, string> = {
          'Content-Type': MEDIA[query.format],
          'Content-Disposition': `inline; filename="${filename}"`,
          'Cache-Control': 'private, no-cache',
        }
        if (query.format === 'html') headers['Content-Security-Policy'] = HTML_CSP
        return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, headers)
      },
    }),
  ]
}
