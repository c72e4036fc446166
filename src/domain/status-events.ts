// What another monitor says about a service: the generic status event, one JSON object per line
// (JSONL) or a JSON array. Monitors report changes, so a status holds until the next report.
import { z } from 'zod'
import { IdSchema } from './agreement/primitives.ts'
import { fromZodIssues } from './agreement/zod-issues.ts'
import type { Issue, PathSegment, Result } from './issues.ts'
import { parseInstant } from './time-zone.ts'

export const SERVICE_STATUSES = ['up', 'degraded', 'down', 'unknown'] as const
export type ServiceStatus = (typeof SERVICE_STATUSES)[number]

/** The stream of generic events: each holds until the next one for the same service and component. */
export const GENERIC_STREAM = 'events'

const WITH_TIME_AND_OFFSET = /^\d{4}-\d{2}-\d{2}T.*(?:Z|[+-]\d{2}:?\d{2})$/i
const InstantSchema = z
  .string()
  .refine((v) => WITH_TIME_AND_OFFSET.test(v) && parseInstant(v, 'UTC') !== null, {
    message: 'must be an ISO 8601 instant with Z or an offset, such as 2026-10-03T10:00:00Z',
  })

export const StatusEventSchema = z.strictObject({
  id: z.string().min(1, 'must not be empty').max(200),
  customer: IdSchema.optional(),
  service: IdSchema,
  component: IdSchema.optional(),
  at: InstantSchema,
  status: z.enum(SERVICE_STATUSES),
  source: z.string().min(1, 'must not be empty').max(200).optional(),
  message: z.string().max(1000).optional(),
})
export type StatusEventInput = z.input<typeof StatusEventSchema>

/**
 * An event ready to store: its instant in ms, component '' for the service as a whole, and the
 * stream it moves (webhooks keep one stream per alert or monitor; generic events share one).
 */
export type StatusEvent = {
  id: string
  customer?: string
  service: string
  component: string
  stream: string
  source?: string
  at: number
  status: ServiceStatus
  message?: string
  /** Where in the payload it came from, to place problems found later (an unknown service). */
  origin: { path: PathSegment[]; line?: number }
}

/** Checks a batch of generic events; issues are placed by index (and line, when `lines` is given). */
export function readStatusEvents(
  items: readonly unknown[],
  lines?: readonly number[],
): Result<StatusEvent[]> {
  const issues: Issue[] = []
  const events: StatusEvent[] = []
  items.forEach((item, index) => {
    const parsed = StatusEventSchema.safeParse(item, { reportInput: true })
    const line = lines?.[index] === undefined ? {} : { line: lines[index] }
    if (parsed.success) {
      const { component, at, ...rest } = parsed.data
      events.push({
        ...rest,
        component: component ?? '',
        stream: GENERIC_STREAM,
        at: parseInstant(at, 'UTC')!,
        origin: { path: [index], ...line },
      })
      return
    }
    for (const issue of fromZodIssues(StatusEventSchema, parsed.error.issues))
      issues.push({ ...issue, path: [index, ...issue.path], ...line })
  })
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: events }
}

/** JSONL: one JSON value per non-blank line, with the line each came from. */
export function splitJsonLines(text: string): Result<{ items: unknown[]; lines: number[] }> {
  const items: unknown[] = []
  const lines: number[] = []
  const issues: Issue[] = []
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return
    try {
      items.push(JSON.parse(raw))
      lines.push(i + 1)
    } catch {
      issues.push({ path: [], line: i + 1, message: 'is not JSON', hint: 'write one JSON object per line' })
    }
  })
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { items, lines } }
}
