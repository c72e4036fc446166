// Expected failures are values: a list of issues, each naming where and what.

export type PathSegment = string | number
/** A problem found in input: where (path, and file:line:column when read from text), what, and a hint. */
export type Issue = {
  path: PathSegment[]
  message: string
  hint?: string
  file?: string
  line?: number
  column?: number
}
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] }

/** `['week', 'tue', 1]` → `week.tue[1]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[^.[\]\s"]+$/.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

/** `cal.yaml:4:29: week.tue[1]: "25:00" is not a time of day (hint)` */
export function formatIssue(issue: Issue): string {
  const location = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(':')
  const where = [location, formatPath(issue.path)].filter((p) => p !== '').join(': ')
  return `${where === '' ? '' : `${where}: `}${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`
}

/** The closest candidates to a misspelt name, for "did you mean" hints. */
export function closestNames(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase()
  const scored = candidates
    .map((c) => ({ c, d: editDistance(needle, c.toLowerCase()) }))
    .filter(({ c, d }) => d <= Math.max(2, Math.floor(c.length / 4)) || isPrefix(needle, c.toLowerCase()))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
  return scored.slice(0, max).map(({ c }) => c)
}

export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const close = closestNames(input, candidates)
  return close.length > 0 ? `did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : undefined
}

function isPrefix(a: string, b: string): boolean {
  return a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a))
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}
