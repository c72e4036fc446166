// What changed between two versions of a document, field by field: list items are matched by
// their key (list-keys.ts), so a reordering is a move and an edit inside an item is a change
// of that field, not a removal and an addition; prose is compared word by word.
import { isObject, type KeyOf, listKey } from './list-keys.ts'
import { type WordPart, wordDiff } from './word-diff.ts'

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved'

/**
 * One change. `path` names the place in both versions: fields dotted, list items by key
 * (`spec.backups[id=b-nightly].interval`) or, in lists without keys, by position (`[2]`).
 * For a move, `before` and `after` are the item's positions (from 0). A changed text of
 * several words has `words`: the word-level diff.
 */
export type Change = {
  path: string
  kind: ChangeKind
  before?: unknown
  after?: unknown
  words?: WordPart[]
}

/** Every change from `before` to `after`, in the order of the newer document. */
export function diffDocuments(before: unknown, after: unknown): Change[] {
  const changes: Change[] = []
  compare(before, after, '', undefined, changes)
  return changes
}

function compare(a: unknown, b: unknown, path: string, field: string | undefined, out: Change[]): void {
  if (sameJson(a, b)) return
  if (isObject(a) && isObject(b)) compareObjects(a, b, path, out)
  else if (Array.isArray(a) && Array.isArray(b)) compareLists(a, b, path, field, out)
  else out.push(changed(a, b, path))
}

function changed(a: unknown, b: unknown, path: string): Change {
  const change: Change = { path: path || '(document)', kind: 'changed', before: a, after: b }
  if (typeof a === 'string' && typeof b === 'string' && isProse(a, b)) change.words = wordDiff(a, b)
  return change
}

function compareObjects(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  path: string,
  out: Change[],
): void {
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const at = fieldPath(path, key)
    if (!(key in a) || a[key] === undefined) out.push({ path: at, kind: 'added', after: b[key] })
    else if (!(key in b) || b[key] === undefined) out.push({ path: at, kind: 'removed', before: a[key] })
    else compare(a[key], b[key], at, key, out)
  }
}

function compareLists(
  a: readonly unknown[],
  b: readonly unknown[],
  path: string,
  field: string | undefined,
  out: Change[],
): void {
  const keyOf = listKey(field, a, b)
  if (keyOf === undefined) compareByPosition(a, b, path, field, out)
  else compareByKey(a, b, keyOf, path, field, out)
}

function compareByKey(
  a: readonly unknown[],
  b: readonly unknown[],
  keyOf: KeyOf,
  path: string,
  field: string | undefined,
  out: Change[],
): void {
  const beforeKeys = a.map((item) => keyOf(item)!)
  const afterKeys = b.map((item) => keyOf(item)!)
  const beforeAt = new Map(beforeKeys.map((k, i) => [k, i]))
  const afterSet = new Set(afterKeys)
  const common = afterKeys.filter((k) => beforeAt.has(k))
  const stayed = longestCommonSubsequence(
    beforeKeys.filter((k) => afterSet.has(k)),
    common,
  )
  for (const [j, key] of afterKeys.entries()) {
    const at = `${path}[${key}]`
    const i = beforeAt.get(key)
    if (i === undefined) {
      out.push({ path: at, kind: 'added', after: b[j] })
      continue
    }
    if (!stayed.has(key)) out.push({ path: at, kind: 'moved', before: i, after: j })
    compare(a[i], b[j], at, field, out)
  }
  beforeKeys.forEach((key, i) => {
    if (!afterSet.has(key)) out.push({ path: `${path}[${key}]`, kind: 'removed', before: a[i] })
  })
}

function compareByPosition(
  a: readonly unknown[],
  b: readonly unknown[],
  path: string,
  field: string | undefined,
  out: Change[],
): void {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const at = `${path}[${i}]`
    if (i >= a.length) out.push({ path: at, kind: 'added', after: b[i] })
    else if (i >= b.length) out.push({ path: at, kind: 'removed', before: a[i] })
    else compare(a[i], b[i], at, field, out)
  }
}

/**
 * The keys that keep their relative order, as a set: the longest common subsequence of the
 * two orders. Every other common key moved. Lists in agreements are short, so O(n·m) is fine.
 */
function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Set<string> {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i]![j] =
        a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
  const kept = new Set<string>()
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!)
      i++
      j++
    } else if (lengths[i + 1]![j]! > lengths[i]![j + 1]!) i++
    // On a tie the item brought forward is the one that moved, as people describe a swap.
    else j++
  }
  return kept
}

/** `spec` + `purpose` → `spec.purpose`; a key that is not a plain name is quoted. */
export function fieldPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`
  return path === '' ? key : `${path}.${key}`
}

// Text of several words is prose (Markdown or a sentence); a single token (an id, a
// duration, a date) reads better as before → after.
function isProse(a: string, b: string): boolean {
  return /\s/.test(a.trim()) || /\s/.test(b.trim())
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>]
  const keys = new Set([...Object.keys(x), ...Object.keys(y)])
  for (const key of keys) if (!sameJson(x[key], y[key])) return false
  return true
}
