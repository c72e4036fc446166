// YAML or JSON text (JSON is YAML) parsed with positions, so that every issue can say
// file:line:column.
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml'
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
      for (let i = map.items.length - 1; i > 0; i--) {
        const pair = map.items[i]!
        const previous = map.items[i - 1]!
        const key = pair.key
        const text = previous.value
        if (pair.value !== null || !isScalar(key) || key.type !== 'PLAIN' || typeof key.value !== 'string')
          continue
        if (
          !/\s/.test(key.value) ||
          !isScalar(text) ||
          text.type !== 'PLAIN' ||
          typeof text.value !== 'string'
        )
          continue
        text.value = `${text.value}, ${key.value}`
        map.items.splice(i, 1)
        const at = key.range ? position(key.range[0]) : undefined
        warnings.push({
          path: [],
          message: `a comma split the text "${text.value}"; it was read as one text`,
          hint: 'put text with commas in quotes',
          file,
          line: at?.line,
          column: at?.column,
        })
      }
    },
  })
  return warnings.reverse()
}
