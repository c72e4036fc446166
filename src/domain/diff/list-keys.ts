// How the items of a list are told apart across two versions: by `id`, else by the natural
// key the list has (targets by severity and metric, escalation levels by level, …), else a
// list of plain values by the value itself. A list whose items have no key unique on both
// sides is compared position by position.

/** The natural keys of lists whose items may have no `id`, by the list's field name. */
const NATURAL_KEYS: Record<string, readonly (readonly string[])[]> = {
  targets: [['severity', 'metric']],
  escalation: [['level'], ['level', 'metric']],
  referral: [['level']],
  responsibilities: [['area'], ['area', 'contact']],
  glossary: [['term']],
  patching: [['severity']],
  certifications: [['name']],
  availability: [
    ['objective', 'below'],
    ['objective', 'atOrBelow'],
  ],
}

/** Names one item of a list: `id=b-nightly`, `severity=P1,metric=resolution` or `"mx"`. */
export type KeyOf = (item: unknown) => string | undefined

/**
 * The key that names every item of both lists uniquely, or undefined: then the lists are
 * compared by position. `field` is the name of the field that holds the list.
 */
export function listKey(
  field: string | undefined,
  a: readonly unknown[],
  b: readonly unknown[],
): KeyOf | undefined {
  const candidates: KeyOf[] = [
    fieldsKey(['id']),
    ...(NATURAL_KEYS[field ?? ''] ?? []).map(fieldsKey),
    (item) => (isPlain(item) ? JSON.stringify(item) : undefined),
  ]
  return candidates.find((keyOf) => namesEach(keyOf, a) && namesEach(keyOf, b))
}

/** The key of the item at `index` of `list` (inside `field`), as a path would show it, e.g. `[id=b-1]`. */
export function itemStep(field: string | undefined, list: readonly unknown[], index: number): string {
  const keyOf = listKey(field, list, [])
  const key = keyOf?.(list[index])
  return key === undefined ? `[${index}]` : `[${key}]`
}

function fieldsKey(fields: readonly string[]): KeyOf {
  return (item) => {
    if (!isObject(item)) return undefined
    const values = fields.map((f) => item[f])
    if (!values.every(isPlain)) return undefined
    return fields.map((f, i) => `${f}=${String(values[i])}`).join(',')
  }
}

function namesEach(keyOf: KeyOf, list: readonly unknown[]): boolean {
  const keys = list.map(keyOf)
  return keys.every((k) => k !== undefined) && new Set(keys).size === keys.length
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPlain(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}
