// A rendered agreement document as an HTTP answer: its media type, a file name for a browser
// that saves it, and (for HTML) a policy under which it loads and runs nothing.
import type { RenderFormat } from '../render/formats.ts'
import type { ApiContext } from './route.ts'

const MEDIA: Record<RenderFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
}
// The HTML carries the same policy in a meta tag; the header also covers a direct visit.
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"

export function documentResponse(
  c: ApiContext,
  rendered: { body: string | Uint8Array; filename: string },
  format: RenderFormat,
): Response {
  const headers: Record<string, string> = {
    'Content-Type': MEDIA[format],
    'Content-Disposition': `inline; filename="${rendered.filename}"`,
    'Cache-Control': 'private, no-cache',
  }
  if (format === 'html') headers['Content-Security-Policy'] = HTML_CSP
  const { body } = rendered
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, headers)
}
