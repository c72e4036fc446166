// zod's issues, rewritten as Upheld issues: a path, a plain message and a hint.
import type { z } from 'zod'
import { didYouMean, type Issue, type PathSegment } from '../issues.ts'

type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  options?: z.ZodType[]
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def
}

/** The object keys the schema allows at `path`, for "did you mean" hints. */
export function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.ZodType | undefined = schema
  const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined => {
    let node = s
    for (let guard = 0; node && guard < 10; guard++) {
      const def = defOf(node)
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') node = def.innerType
      else if (def.type === 'pipe') node = def.in
      else break
    }
    return node
  }
  for (const segment of path) {
    current = unwrap(current)
    if (!current) return []
    const def = defOf(current)
    if (def.type === 'object' && typeof segment === 'string') current = def.shape?.[segment]
    else if (def.type === 'array') current = def.element
    else if (def.type === 'record') return []
    else return []
  }
  current = unwrap(current)
  const def = current ? defOf(current) : undefined
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : []
}

export function fromZodIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.flatMap((issue) => fromZodIssue(schema, issue))
}

function fromZodIssue(schema: z.ZodType, issue: z.core.$ZodIssue): Issue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as PathSegment[]
  const input = (issue as { input?: unknown }).input
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(schema, path)
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key "${key}"`,
        hint: didYouMean(key, known) ?? (known.length > 0 ? `allowed here: ${known.join(', ')}` : undefined),
      }))
    }
    case 'invalid_type':
      if (input === undefined) return [{ path, message: 'is required' }]
      if (path.length === 0 && (input === null || input === '')) {
        return [
          {
            path,
            message: 'the document is empty',
            hint: 'an agreement starts with apiVersion: upheld/v1, kind, metadata and spec',
          },
        ]
      }
      // A schema's own message (a date, a duration…) says more than "must be text".
      if (!issue.message.startsWith('Invalid'))
        return [{ path, message: `${issue.message}, not ${describe(input)}` }]
      return [{ path, message: `must be ${article(issue.expected)}, not ${describe(input)}` }]
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v))
      if (input === undefined) return [{ path, message: 'is required', hint: `one of ${values.join(', ')}` }]
      if (values.length === 1) return [{ path, message: `must be "${values[0]}", not ${describe(input)}` }]
      return [
        {
          path,
          message: `${describe(input)} is not one of ${values.join(', ')}`,
          hint: typeof input === 'string' ? didYouMean(input, values) : undefined,
        },
      ]
    }
    case 'too_small':
      if (issue.origin === 'array') {
        return [
          {
            path,
            message: issue.minimum === 1 ? 'must not be empty' : `must have at least ${issue.minimum} items`,
          },
        ]
      }
      if (issue.origin === 'string')
        return [
          {
            path,
            message:
              Number(issue.minimum) <= 1
                ? 'must not be empty'
                : `must be at least ${issue.minimum} characters`,
          },
        ]
      return [{ path, message: `must be at least ${issue.minimum}${issue.inclusive ? '' : ' (exclusive)'}` }]
    case 'too_big':
      if (issue.origin === 'string') return [{ path, message: `must be at most ${issue.maximum} characters` }]
      return [{ path, message: `must be at most ${issue.maximum}` }]
    case 'invalid_union':
      return [{ path, message: `${describe(input)} is not allowed here`, hint: issue.message }]
    default:
      return [{ path, message: issue.message }]
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping of keys to values',
    array: 'a list',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    int: 'a whole number',
  }
  return names[expected] ?? expected
}

export function describe(value: unknown): string {
  if (value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `"${value}"`
  return String(value)
}
