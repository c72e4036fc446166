// What changed between two versions of an agreement, and its health list.
import { z } from 'zod'
import { named } from './common.ts'

const VersionNumber = z.coerce.number().int().min(1)

export const DiffQuerySchema = z.object({
  from: VersionNumber.optional().describe('the older version; default: the one before `to`'),
  to: VersionNumber.optional().describe('the newer version; default: the newest'),
})

const VersionRefSchema = z.object({
  version: z.number().int(),
  content_hash: z.string(),
  effective_from: z.string(),
})

export const ChangeSchema = named(
  'AgreementChange',
  z.object({
    path: z
      .string()
      .describe(
        'fields dotted, list items by key or natural key, else position: spec.backups[id=b-1].interval',
      ),
    kind: z.enum(['added', 'removed', 'changed', 'moved']),
    before: z.unknown().optional().describe('the old value; for a move, the old position (from 0)'),
    after: z.unknown().optional().describe('the new value; for a move, the new position (from 0)'),
    words: z
      .array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() }))
      .optional()
      .describe('for a changed text of several words: the word-level diff'),
  }),
)

export const AgreementDiffSchema = named(
  'AgreementDiff',
  z.object({
    agreement: z.string(),
    from: VersionRefSchema,
    to: VersionRefSchema,
    changes: z.array(ChangeSchema),
  }),
)

export const HealthQuerySchema = z.object({
  state: z
    .enum(['open', 'resolved', 'all'])
    .optional()
    .describe('open (default): what needs doing now; resolved: what was found and is no longer; all'),
})

export const FindingSchema = named(
  'AgreementFinding',
  z.object({
    rule: z.string().describe('the lint rule, e.g. licence.renewal-due'),
    level: z.enum(['error', 'warning']),
    path: z.string().describe('where, list items by key: spec.licenses[id=l-app].expiry'),
    message: z.string(),
    hint: z.string().nullable(),
    version: z.number().int().describe('the version last checked'),
    owners: z.array(
      z.object({ name: z.string(), email: z.string().nullable(), role: z.string().nullable() }),
    ),
    first_seen: z.string(),
    last_seen: z.string(),
    resolved_at: z.string().nullable(),
  }),
)

export const AgreementHealthSchema = named(
  'AgreementHealth',
  z.object({ agreement: z.string(), customer: z.string(), items: z.array(FindingSchema) }),
)
