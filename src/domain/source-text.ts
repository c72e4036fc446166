// YAML or JSON text (JSON is YAML) parsed with positions, so that every issue can say
// file:line:column.
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import type { Issue, PathSegment } from './issues.ts'

export type Position = { line: number; column: number }
export type SourceText =
  | { ok: true; value: unknown; locate(path: readonly PathSegment[]): Position | null }
  | { ok: false; issues: Issue[] }

export function parseSourceText(text: string, file?: string): SourceText {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
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
  return {
    ok: true,
    value: doc.toJS(),
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
  return key && typeof key === 'object' && 'value' in key ? String((key as { value: unknown }).value) : String(key)
}

function nodeStart(node: unknown, position: (offset: number) => Position): Position | null {
  const range = (node as Node | null)?.range
  return range ? position(range[0]) : null
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
