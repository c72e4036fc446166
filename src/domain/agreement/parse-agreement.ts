// Reading an agreement: YAML or JSON text → a typed Agreement, or every problem at once,
// each with file:line:column, the field's path and a hint.
import { validateCalendar } from '../calendar-spec.ts'
import type { Issue, PathSegment } from '../issues.ts'
import { locateIssues, parseSourceText } from '../source-text.ts'
import { checkReferences, valuesAt } from './references.ts'
import { type Agreement, AgreementSchema } from './schema.ts'
import { fromZodIssues } from './zod-issues.ts'

export type AgreementResult =
  | { ok: true; agreement: Agreement; warnings: Issue[] }
  | { ok: false; issues: Issue[]; warnings: Issue[] }

export function parseAgreement(text: string, options: { filename?: string } = {}): AgreementResult {
  const file = options.filename
  const source = parseSourceText(text, file)
  if (!source.ok) return { ok: false, issues: source.issues, warnings: [] }
  const result = validateAgreement(source.value)
  const warnings = sortByPosition([...source.warnings, ...locateIssues(source, result.warnings, file)])
  if (result.ok) return { ...result, warnings }
  return { ok: false, issues: sortByPosition(locateIssues(source, result.issues, file)), warnings }
}

/** Validates agreement data that is already parsed (from the API, say). */
export function validateAgreement(value: unknown): AgreementResult {
  const parsed = AgreementSchema.safeParse(value, { reportInput: true })
  const issues = parsed.success ? [] : fromZodIssues(AgreementSchema, parsed.error.issues)
  issues.push(...checkCalendars(value), ...checkReferences(value))
  // A field that still holds a placeholder is reported once, as a placeholder.
  const placeholders = unresolvedPlaceholders(value)
  const held = new Set(placeholders.map((p) => p.path.join('\u0000')))
  const unique = dedupe([...placeholders, ...issues.filter((i) => !held.has(i.path.join('\u0000')))])
  if (!parsed.success || unique.length > 0) return { ok: false, issues: unique, warnings: [] }
  return { ok: true, agreement: parsed.data, warnings: [] }
}

function checkCalendars(value: unknown): Issue[] {
  return valuesAt(value, 'spec.calendars[]').flatMap(({ path, value: calendar }) => {
    if (typeof calendar !== 'object' || calendar === null) return []
    const result = validateCalendar(calendar)
    return result.ok ? [] : result.issues.map((i) => ({ ...i, path: [...path, ...i.path] }))
  })
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g

/** Template placeholders such as `{{provider-name}}` left in the text. */
export function unresolvedPlaceholders(value: unknown, path: PathSegment[] = []): Issue[] {
  if (typeof value === 'string') {
    return [...value.matchAll(PLACEHOLDER)].map((m) => ({
      path,
      message: `the placeholder {{${m[1]}}} is not filled in`,
      hint: `fill it with upheld init --set ${m[1]}=… or edit the file`,
    }))
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unresolvedPlaceholders(item, [...path, i]))
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => unresolvedPlaceholders(v, [...path, k]))
  }
  return []
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>()
  return issues.filter((i) => {
    const key = `${i.path.join('\u0000')}|${i.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function sortByPosition(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}
