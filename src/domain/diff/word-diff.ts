// Prose compared word by word (jsdiff's word tokenizer: words, punctuation and the spaces
// between them), for Markdown and text fields that changed.
import { diffWords } from 'diff'

export type WordPart = { op: 'same' | 'added' | 'removed'; text: string }

export function wordDiff(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((part) => ({
    op: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }))
}

/**
 * The word diff as one line of text, `[-old-]{+new+}` as wdiff writes it, with long
 * unchanged runs shortened to `context` words on each side of a change.
 */
export function formatWordDiff(parts: readonly WordPart[], context = 6): string {
  return parts
    .map((part, i) => {
      if (part.op === 'added') return `{+${part.text}+}`
      if (part.op === 'removed') return `[-${part.text}-]`
      return shorten(part.text, i > 0, i < parts.length - 1, context)
    })
    .join('')
    .replace(/\s+/g, ' ')
}

/** Keeps the words next to the changes on either side (`hasBefore`, `hasAfter`) and elides the rest. */
function shorten(text: string, hasBefore: boolean, hasAfter: boolean, context: number): string {
  const words = text.trim().split(/\s+/)
  const head = hasBefore ? words.slice(0, context) : []
  const tail = hasAfter ? words.slice(-context) : []
  if (words.length <= head.length + tail.length + 1) return text
  const lead = /^\s/.test(text) ? ' ' : ''
  const trail = /\s$/.test(text) ? ' ' : ''
  return `${lead}${[...head, '…', ...tail].join(' ')}${trail}`
}
