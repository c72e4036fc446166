// Filling a template: placeholders get typed values (by placeholder id, or by the path of a
// field that holds one), other fields can be set by path, and comments are kept.
import { isScalar, parseDocument, parse as parseYaml, visit } from 'yaml'
import { IdSchema } from '../agreement/primitives.ts'
import { didYouMean, type Issue, type PathSegment } from '../issues.ts'
import { parseLocalDate } from '../local-date.ts'
import { canonicalTimeZone } from '../time-zone.ts'
import type { Placeholder, PlaceholderType, Template } from './template.ts'

export type FillResult =
  | { ok: true; yaml: string; unresolved: Placeholder[] }
  | { ok: false; issues: Issue[] }

const CHECKS: Record<PlaceholderType, [(v: string) => boolean, string]> = {
  text: [(v) => v.trim() !== '', 'must not be empty'],
  id: [(v) => IdSchema.safeParse(v).success, 'must be an id: letters, digits, ".", "_" or "-"'],
  date: [(v) => parseLocalDate(v) !== null, 'must be a date written YYYY-MM-DD'],
  email: [(v) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'must be an email address'],
  phone: [
    (v) => /^\+[1-9]\d{6,14}$/.test(v.replace(/[\s-]/g, '')),
    'must be a phone number such as +442079460000',
  ],
  url: [(v) => /^https?:\/\/\S+$/.test(v), 'must be an http(s) URL'],
  number: [(v) => /^\d+(\.\d+)?$/.test(v), 'must be a number such as 12000'],
  timezone: [(v) => canonicalTimeZone(v) !== null, 'must be an IANA time zone such as Europe/London'],
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g

/** Checks one value against its placeholder's type; returns the problem, or null. */
export function checkPlaceholderValue(placeholder: Placeholder, value: string): string | null {
  const [ok, message] = CHECKS[placeholder.type]
  return ok(value) ? null : message
}

export function fillTemplate(template: Template, settings: Record<string, string>): FillResult {
  const doc = parseDocument(template.yaml)
  const values = new Map<string, string>()
  const fieldSets: [PathSegment[], string][] = []
  const issues: Issue[] = []
  for (const [key, value] of Object.entries(settings)) {
    const placeholder =
      template.placeholders.find((p) => p.id === key) ?? placeholderAtPath(template, doc, key)
    if (placeholder) {
      const problem = checkPlaceholderValue(placeholder, value)
      if (problem)
        issues.push({ path: [key], message: `${JSON.stringify(value)} ${problem}`, hint: placeholder.prompt })
      else values.set(placeholder.id, value)
      continue
    }
    // A bare word is a placeholder id; only a dotted or indexed key is a path.
    const path = /[.[]/.test(key) ? toPath(key) : null
    if (path === null || !doc.hasIn(path.slice(0, -1))) {
      issues.push({
        path: [key],
        message: 'is neither a placeholder of this template nor a field in it',
        hint:
          didYouMean(
            key,
            template.placeholders.map((p) => p.id),
          ) ?? `placeholders: ${template.placeholders.map((p) => p.id).join(', ')}`,
      })
      continue
    }
    fieldSets.push([path, value])
  }
  if (issues.length > 0) return { ok: false, issues }
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.value.includes('{{')) return
      const whole = /^\{\{\s*([\w.-]+)\s*\}\}$/.exec(node.value)
      const type = whole ? template.placeholders.find((p) => p.id === whole[1])?.type : undefined
      if (whole && type === 'number' && values.has(whole[1]!)) {
        node.value = Number(values.get(whole[1]!))
        return
      }
      node.value = node.value.replace(PLACEHOLDER, (m, id: string) => values.get(id) ?? m)
    },
  })
  for (const [path, value] of fieldSets) doc.setIn(path, parseYaml(value) ?? value)
  const yaml = doc.toString({ lineWidth: 0 })
  const left = new Set([...yaml.matchAll(PLACEHOLDER)].map((m) => m[1]!))
  return { ok: true, yaml, unresolved: template.placeholders.filter((p) => left.has(p.id)) }
}

/** `parties.provider.name` (under spec) or `spec.targets[0].within` → a path. */
function toPath(key: string): PathSegment[] | null {
  if (!/^[\w-]+(\.[\w-]+|\[\d+\])*$/.test(key)) return null
  const path: PathSegment[] = [...key.matchAll(/([\w-]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : m[1]!,
  )
  return ['apiVersion', 'kind', 'metadata', 'spec'].includes(String(path[0])) ? path : ['spec', ...path]
}

function placeholderAtPath(
  template: Template,
  doc: ReturnType<typeof parseDocument>,
  key: string,
): Placeholder | undefined {
  const path = toPath(key)
  const node = path ? doc.getIn(path, true) : undefined
  const whole =
    isScalar(node) && typeof node.value === 'string' ? /^\{\{\s*([\w.-]+)\s*\}\}$/.exec(node.value) : null
  return whole ? template.placeholders.find((p) => p.id === whole[1]) : undefined
}

/** The placeholders a template text actually uses, for a test that declarations match. */
export function placeholdersUsed(yaml: string): string[] {
  return [...new Set([...yaml.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort()
}

/** Every example value, for tests and previews: a template filled with its examples. */
export function exampleSettings(template: Template): Record<string, string> {
  return Object.fromEntries(template.placeholders.map((p) => [p.id, p.example]))
}
