// A stored agreement (canonical JSON, its keys sorted) as YAML to edit, its fields in the
// order the schema declares them (parties before term, severity before metric), as people
// write them, rather than alphabetically.
import { stringify } from 'yaml'
import { AgreementSchema } from '../../../domain/agreement/schema.ts'

type Def = {
  type: string
  shape?: Record<string, unknown>
  innerType?: unknown
  element?: unknown
  in?: unknown
  valueType?: unknown
}
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def: Def } } | undefined)?._zod?.def

function ordered(value: unknown, schema: unknown): unknown {
  const def = defOf(schema)
  if (def === undefined) return value
  if (def.innerType !== undefined) return ordered(value, def.innerType)
  if (def.type === 'pipe') return ordered(value, def.in)
  if (Array.isArray(value)) return def.type === 'array' ? value.map((v) => ordered(v, def.element)) : value
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value as Record<string, unknown>)
  if (def.type === 'record')
    return Object.fromEntries(entries.map(([k, v]) => [k, ordered(v, def.valueType)]))
  if (def.type !== 'object' || def.shape === undefined) return value
  const keys = Object.keys(def.shape)
  const rank = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length)
  return Object.fromEntries(
    entries.sort(([a], [b]) => rank(a) - rank(b)).map(([k, v]) => [k, ordered(v, def.shape?.[k])]),
  )
}

export function agreementYaml(document: unknown): string {
  return stringify(ordered(document, AgreementSchema), { lineWidth: 0 })
}
