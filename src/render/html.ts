// The document as one standalone, printable HTML file: inline CSS, no scripts, every piece of
// agreement text escaped (Markdown goes through markdown-html.ts, which escapes raw HTML).
import type { Block, Heading, RenderedDocument, TitlePage } from './blocks.ts'
import { HTML_STYLE } from './html-style.ts'
import { escapeHtml, markdownToHtml } from './markdown-html.ts'

// No script, frame or remote resource can load, whatever slips into the text.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

export function renderHtml(doc: RenderedDocument): string {
  const headings = doc.blocks.filter((b): b is Heading => b.type === 'heading')
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="upheld-content-hash" content="${escapeHtml(doc.title.contentHash)}">`,
    `<title>${escapeHtml(doc.title.title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    titleHtml(doc.title),
    tocHtml(headings),
    '<main>',
    ...doc.blocks.map(blockHtml),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function titleHtml(title: TitlePage): string {
  const kind = [title.kindLabel, title.number, title.version ? `version ${title.version}` : undefined]
    .filter(Boolean)
    .join(' · ')
  const facts: [string, string][] = [
    ...title.parties.map((p): [string, string] => [p.role, escapeHtml(p.name)]),
    ...(title.term ? [['Term', escapeHtml(title.term)] as [string, string]] : []),
    ['Content hash (SHA-256)', `<span class="hash">${escapeHtml(title.contentHash)}</span>`],
  ]
  return [
    '<header class="title-page">',
    `<h1>${escapeHtml(title.title)}</h1>`,
    `<p class="kind">${escapeHtml(kind)}</p>`,
    `<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`,
    '</header>',
  ].join('\n')
}

function tocHtml(headings: Heading[]): string {
  if (headings.length === 0) return ''
  const items = headings.map(
    (h) => `<li class="toc-${h.level}"><a href="#${escapeHtml(h.anchor)}">${headingText(h)}</a></li>`,
  )
  return ['<nav class="toc">', '<h2>Contents</h2>', '<ol>', ...items, '</ol>', '</nav>'].join('\n')
}

function headingText(h: Heading): string {
  const number = h.number ? `<span class="number">${escapeHtml(h.number)}</span>` : ''
  return `${number}${escapeHtml(h.title)}`
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const tag = `h${Math.min(block.level + 1, 6)}`
      return `<${tag} id="${escapeHtml(block.anchor)}">${headingText(block)}</${tag}>`
    }
    case 'label':
      return `<p class="label">${escapeHtml(block.text)}</p>`
    case 'paragraph':
      return markdownToHtml(block.markdown).trim()
    case 'keyValue':
      return `<dl class="facts">${block.items
        .map((i) => `<dt>${escapeHtml(i.key)}</dt><dd>${escapeHtml(i.value)}</dd>`)
        .join('')}</dl>`
    case 'table':
      return tableHtml(block.columns, block.rows)
    case 'bullets': {
      const tag = block.ordered ? 'ol' : 'ul'
      const items = block.items.map((item) => `<li>${inlineHtml(item)}</li>`)
      return `<${tag}>\n${items.join('\n')}\n</${tag}>`
    }
    case 'note':
      return `<p class="note">${escapeHtml(block.text)}</p>`
  }
}

function tableHtml(columns: string[], rows: string[][]): string {
  const head = `<thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
  return `<table>\n${head}\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`
}

/** A list item's Markdown, without the paragraph a lone line would be wrapped in. */
function inlineHtml(markdown: string): string {
  const html = markdownToHtml(markdown).trim()
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html)
  return single && !single[1]!.includes('<p>') ? single[1]! : html
}
