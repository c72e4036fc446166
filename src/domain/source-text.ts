// YAML or JSON text (JSON is YAML) parsed with positions, so that every issue can say
// file:line:column.
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type Scalar,
  visit,
} from 'yaml'
import type { Issue, PathSegment } from './issues.ts'

export type Position = { line: number; column: number }
export type SourceText =
  | { ok: true; value: unknown; warnings: Issue[]; locate(path: readonly PathSegment[]): Position | null }
  | { ok: false; issues: Issue[] }

export function parseSourceText(text: string, file?: string): SourceText {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const at = lineCounter.linePos(e.pos[0])
        return { path: [], message: firstLine(e.message), file, line: at.line, column: at.col }
      }),
    }
  }
  const position = (offset: number): Position => {
    const at = lineCounter.linePos(offset)
    return { line: at.line, column: at.col }
  }
  const warnings = rejoinSplitText(doc, position, file)
  return {
    ok: true,
    value: doc.toJS(),
    warnings,
    locate(path) {
      let node: unknown = doc.contents
      let found: Position | null = nodeStart(node, position)
      for (const segment of path) {
        const next = child(node, segment)
        if (next === undefined) break
        found = nodeStart(next, position) ?? found
        node = next
      }
      return found
    },
  }
}

/** Attaches file, line and column to issues found in a parsed source. */
export function locateIssues(source: SourceText & { ok: true }, issues: Issue[], file?: string): Issue[] {
  return issues.map((issue) => {
    const at = source.locate(issue.path)
    return at ? { ...issue, file, line: at.line, column: at.column } : { ...issue, file }
  })
}

function child(node: unknown, segment: PathSegment): unknown {
  if (isMap(node)) {
    const pair = node.items.find((p) => keyOf(p.key) === String(segment))
    // Point at the key when the value is empty, so an unknown or bad key is still found.
    return pair ? (pair.value ?? pair.key) : undefined
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment]
  return undefined
}

function keyOf(key: unknown): string {
  return key && typeof key === 'object' && 'value' in key
    ? String((key as { value: unknown }).value)
    : String(key)
}

function nodeStart(node: unknown, position: (offset: number) => Position): Position | null {
  const range = (node as Node | null)?.range
  return range ? position(range[0]) : null
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

// In a flow mapping, `{ text: Monday to Friday, 07:30 to 16:30. }` is split by YAML at the
// comma into `text` and a key "07:30 to 16:30." with no value. That key is prose, not a
// name, so the text is joined back together and the author is told to quote it.
function rejoinSplitText(doc: Document, position: (offset: number) => Position, file?: string): Issue[] {
  const warnings: Issue[] = []
  visit(doc, {
    Map(_, map) {
      if (!map.flow) return
      let text: Scalar | null = null
      let split: Scalar | null = null
      for (let i = 0; i < map.items.length; ) {
        const { key, value } = map.items[i]!
        const continuation = value === null && isPlainText(key) && /\s/.test(key.value)
        if (continuation && text) {
          text.value = `${text.value}, ${key.value}`
          split ??= key
          map.items.splice(i, 1)
          continue
        }
        if (text && split) warnings.push(splitWarning(text, split, position, file))
        text = isPlainText(value) ? value : null
        split = null
        i++
      }
      if (text && split) warnings.push(splitWarning(text, split, position, file))
    },
  })
  return warnings
}

function isPlainText(node: unknown): node is Scalar<string> {
  return isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string'
}

function splitWarning(
  text: Scalar,
  at: Scalar,
  position: (offset: number) => Position,
  file?: string,
): Issue {
  const where = at.range ? position(at.range[0]) : undefined
  return {
    path: [],
    message: `a comma split the text "${String(text.value)}"; it was read as one text`,
    hint: 'put text with commas in quotes',
    file,
    line: where?.line,
    column: where?.column,
  }
}
