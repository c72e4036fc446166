// Markdown from an agreement → HTML that cannot run anything: raw HTML in the text is shown
// as text, links keep only web and mail addresses, and images become their alt text.
import { Marked } from 'marked'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Addresses a link may point to; `javascript:` and `data:` are dropped with the rest. */
export function isSafeHref(href: string): boolean {
  return /^(https?:|mailto:|#)/i.test(href.trim())
}

const marked = new Marked({
  gfm: true,
  renderer: {
    html: (token) =>
      'block' in token && token.block ? `<p>${escapeHtml(token.text.trim())}</p>\n` : escapeHtml(token.text),
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens)
      if (!isSafeHref(href)) return text
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : ''
      return `<a href="${escapeHtml(href)}"${titleAttribute}>${text}</a>`
    },
    image: ({ text }) => escapeHtml(text),
  },
})

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false })
}
