// Changes as people read them: one line each for the terminal, or the parts of a table row
// for a rendered document.
import type { Change } from './diff-documents.ts'
import { formatWordDiff } from './word-diff.ts'

const MARK: Record<Change['kind'], string> = { added: '+', removed: '-', changed: '~', moved: '>' }

/** `~ spec.term.review.every: "P6M" → "P3M"`; prose shows its words: `… of [-ongoing-]{+continuous+} support`. */
export function describeChange(change: Change, width = 100): string {
  return `${MARK[change.kind]} ${change.path}: ${describeWhat(change, width)}`
}

/** What happened at the path, without the path. */
export function describeWhat(change: Change, width = 100): string {
  switch (change.kind) {
    case 'added':
      return `added ${summarizeValue(change.after, width)}`
    case 'removed':
      return `removed ${summarizeValue(change.before, width)}`
    case 'moved':
      return `moved from position ${Number(change.before) + 1} to ${Number(change.after) + 1}`
    case 'changed':
      return change.words
        ? formatWordDiff(change.words)
        : `${summarizeValue(change.before, width)} → ${summarizeValue(change.after, width)}`
  }
}

/** A value on one line: JSON, cut at `width` characters. */
export function summarizeValue(value: unknown, width = 100): string {
  const text = value === undefined ? '(nothing)' : (JSON.stringify(value) ?? String(value))
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}

/** `3 changes: 1 added, 1 removed, 1 changed` */
export function countChanges(changes: readonly Change[]): string {
  if (changes.length === 0) return 'no changes'
  const kinds = (['added', 'removed', 'changed', 'moved'] as const)
    .map((kind) => [kind, changes.filter((c) => c.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
  return `${changes.length} change${changes.length === 1 ? '' : 's'}: ${kinds.join(', ')}`
}
