// "Changes from version N": the change summary a version carries when it has a predecessor,
// so that the people who approve and sign it see what is new without comparing two copies.

import type { Agreement } from '../domain/agreement/schema.ts'
import { countChanges, summarizeValue } from '../domain/diff/describe-change.ts'
import { type Change, diffDocuments } from '../domain/diff/diff-documents.ts'
import { formatWordDiff } from '../domain/diff/word-diff.ts'
import { type Block, note, paragraph, table } from './blocks.ts'

export type ChangeSummary = { fromVersion: number; changes: readonly Change[] }
/** The version a rendered version is compared with. */
export type PreviousVersion = { version: number; agreement: Agreement }

export function changeSummary(previous: PreviousVersion, agreement: Agreement): ChangeSummary {
  return { fromVersion: previous.version, changes: diffDocuments(previous.agreement, agreement) }
}

const KIND_LABELS: Record<Change['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  moved: 'Moved',
}

export function changesBlocks(summary: ChangeSummary): Block[] {
  const heading: Block = {
    type: 'heading',
    level: 1,
    title: `Changes from version ${summary.fromVersion}`,
    anchor: `changes-from-version-${summary.fromVersion}`,
  }
  if (summary.changes.length === 0)
    return [heading, note(`Nothing changed from version ${summary.fromVersion}.`)]
  return [
    heading,
    paragraph(
      `This version differs from version ${summary.fromVersion} in ${countChanges(summary.changes)}.` +
        (summary.changes.some((c) => c.words)
          ? ' Words removed from a text are shown [-like this-] and words added {+like this+}.'
          : ''),
    ),
    ...table(
      ['Where', 'Change', 'What'],
      summary.changes.map((c) => [c.path, KIND_LABELS[c.kind], what(c)]),
    ),
  ]
}

// Roboto, the PDF's font, has no arrows: a change of value says "was …, now …".
function what(change: Change): string {
  if (change.kind === 'added') return summarizeValue(change.after, 120)
  if (change.kind === 'removed') return summarizeValue(change.before, 120)
  if (change.kind === 'moved')
    return `from position ${Number(change.before) + 1} to ${Number(change.after) + 1}`
  if (!change.words)
    return `was ${summarizeValue(change.before, 60)}, now ${summarizeValue(change.after, 60)}`
  return formatWordDiff(change.words)
}
