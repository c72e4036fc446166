// What changed between two reports of one period: every figure whose value differs, by a path
// people can read ("targets[P1/resolution@acme-helpdesk@1].met"). Rows are matched by what
// they are about (objective, severity and metric, ticket), not by position, so a new breach
// is one added row rather than every row after it shifting.
export type ReportChange = { path: string; before: unknown; after: unknown }

export function reportChanges(before: unknown, after: unknown): ReportChange[] {
  const changes: ReportChange[] = []
  compare(before, after, '', changes)
  return changes
}

function compare(a: unknown, b: unknown, path: string, out: ReportChange[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    compareRows(a, b, path, out)
    return
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      compare(a[key], b[key], path === '' ? key : `${path}.${key}`, out)
    return
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, before: a ?? null, after: b ?? null })
}

function compareRows(a: unknown[], b: unknown[], path: string, out: ReportChange[]): void {
  const left = keyed(a)
  const right = keyed(b)
  for (const key of new Set([...left.keys(), ...right.keys()]))
    compare(left.get(key), right.get(key), `${path}[${key}]`, out)
}

function keyed(rows: unknown[]): Map<string, unknown> {
  const seen = new Map<string, unknown>()
  rows.forEach((row, index) => {
    let key = rowKey(row) ?? String(index)
    // Two rows about the same thing keep apart by their order among themselves.
    for (let n = 2; seen.has(key); n++) key = `${rowKey(row)}#${n}`
    seen.set(key, row)
  })
  return seen
}

function rowKey(row: unknown): string | null {
  if (!isObject(row)) return null
  const parts = ['id', 'ref', 'ticket', 'severity', 'metric', 'cycle', 'version', 'source', 'scale', 'rating']
    .filter((k) => typeof row[k] === 'string' || typeof row[k] === 'number')
    .map((k) => String(row[k]))
  return parts.length > 0 ? parts.join('/') : null
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
