// Shapes shared by every resource: errors, paging and the named-schema registry from which the
// OpenAPI document's components are generated.
import { z } from 'zod'
import { ERROR_CODES } from '../../domain/app-error.ts'
import { parseDuration } from '../../domain/duration.ts'

/** Response schemas by name: each becomes #/components/schemas/NAME in the OpenAPI document. */
export const apiSchemas = z.registry<{ id: string; description?: string }>()

export function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  apiSchemas.add(schema, description === undefined ? { id } : { id, description })
  return schema
}

/** Codes beyond the actions' closed list, for what the HTTP layer itself refuses. */
export const HTTP_ERROR_CODES = ['payload_too_large', 'unsupported_media_type', 'rate_limited'] as const

export const IssueSchema = named(
  'Issue',
  z.object({
    path: z.array(z.union([z.string(), z.number()])).describe('where, e.g. ["spec", "targets", 0, "within"]'),
    message: z.string(),
    hint: z.string().optional(),
    file: z.string().optional(),
    line: z.number().int().optional().describe('1-based line in a YAML or JSON body'),
    column: z.number().int().optional().describe('1-based column in a YAML or JSON body'),
  }),
  'One problem found in the request, by path (and line and column when it came from text).',
)

export const ErrorSchema = named(
  'Error',
  z.object({
    error: z.object({
      code: z.enum([...ERROR_CODES, ...HTTP_ERROR_CODES]),
      message: z.string(),
      details: z.array(IssueSchema),
    }),
  }),
  'Every error: a code from a closed list, a message, and the issues found.',
)

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i

export const InstantSchema = z
  .string()
  .refine((v) => ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'must be an ISO 8601 instant with Z or an offset, such as 2026-11-20T16:30:00Z',
  })
  .transform((v) => Date.parse(v))

export const DurationSchema = z
  .string()
  .refine((v) => parseDuration(v).ok, { message: 'must be a duration such as 1h, 30m or PT2H' })
  .transform((v) => (parseDuration(v) as { ms: number }).ms)

export const FlagSchema = z
  .enum(['1', '0', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .describe('1 or true to apply the filter')

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('items per page, 1 to 500; default 50'),
  cursor: z.string().min(1).optional().describe('next_cursor from the previous page'),
}

export const IdParam = z.object({ id: z.string().min(1).max(200) })

export const HealthSchema = named('Health', z.object({ status: z.literal('ok'), version: z.string() }))
export const ReadySchema = named(
  'Ready',
  z.object({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['ok', 'unreachable']),
    pending_migrations: z.array(z.number().int()),
  }),
)
