// The document as Markdown (GitHub flavour), for reading in a repository and for text diffs.
import type { Block, RenderedDocument, TitlePage } from './blocks.ts'
import { escapeMarkdown } from './format.ts'

export function renderMarkdown(doc: RenderedDocument): string {
  const parts = [titleMarkdown(doc.title), ...doc.blocks.map(blockMarkdown)]
  return `${parts.join('\n\n')}\n`
}

function titleMarkdown(title: TitlePage): string {
  const subtitle = [title.kindLabel, title.number, title.version ? `version ${title.version}` : undefined]
    .filter(Boolean)
    .join(' · ')
  const facts = [
    ...title.parties.map((p) => `- **${p.role}:** ${escapeMarkdown(p.name)}`),
    ...(title.term ? [`- **Term:** ${escapeMarkdown(title.term)}`] : []),
    `- **Content hash (SHA-256):** \`${title.contentHash}\``,
  ]
  return [`# ${escapeMarkdown(title.title)}`, `_${escapeMarkdown(subtitle)}_`, facts.join('\n')].join('\n\n')
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const text = [block.number, block.title].filter(Boolean).join(' ')
      return `${'#'.repeat(Math.min(block.level + 1, 6))} ${escapeMarkdown(text)}`
    }
    case 'label':
      return `**${escapeMarkdown(block.text)}**`
    case 'paragraph':
      return block.markdown.trim()
    case 'keyValue':
      return block.items.map((i) => `- **${escapeMarkdown(i.key)}:** ${escapeMarkdown(i.value)}`).join('\n')
    case 'table':
      return tableMarkdown(block.columns, block.rows)
    case 'bullets':
      return block.items
        .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${indent(item.trim())}`)
        .join('\n')
    case 'note':
      return `_${escapeMarkdown(block.text)}_`
  }
}

function tableMarkdown(columns: string[], rows: string[][]): string {
  const cell = (text: string) => escapeMarkdown(text).replace(/\r?\n/g, ' ')
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`
  return [line(columns), `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n')
}

/** Continuation lines of a list item are indented so they stay in the item. */
function indent(text: string): string {
  return text.replace(/\n/g, '\n   ')
}
