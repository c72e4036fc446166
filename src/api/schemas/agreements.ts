import { z } from 'zod'
import { EDITION_STATES } from '../../domain/lifecycle/states.ts'
import { InstantSchema, named } from './common.ts'

export const AgreementSummarySchema = named(
  'AgreementSummary',
  z.object({
    id: z.string(),
    customer: z.string(),
    provider: z.string(),
    kind: z.string(),
    title: z.string(),
    created_at: z.string(),
  }),
)
export const AgreementStandingSchema = named(
  'AgreementStanding',
  z.object({
    edition: z
      .number()
      .int()
      .nullable()
      .describe(
        'the edition being worked on, else the one waiting, else the one in force; null without a lifecycle',
      ),
    state: z.enum(EDITION_STATES).nullable().describe('that edition’s state'),
    version_in_force: z.number().int().nullable(),
    in_force_since: z.string().nullable(),
    review_due: z.string().nullable().describe('the next review of the edition in force (YYYY-MM-DD)'),
    open_findings: z
      .object({ errors: z.number().int(), warnings: z.number().int() })
      .describe('what the daily health check found and is not resolved'),
  }),
  'Where an agreement stands.',
)
export const AgreementListSchema = named(
  'AgreementList',
  z.object({ items: z.array(AgreementSummarySchema.extend({ standing: AgreementStandingSchema })) }),
)

export const AgreementVersionSchema = named(
  'AgreementVersion',
  z.object({
    version: z.number().int(),
    content_hash: z.string().describe('SHA-256 of the canonical JSON; approvals and signatures bind to it'),
    effective_from: z.string(),
    created_at: z.string(),
    created_by: z.string().nullable(),
  }),
)
export const AgreementDetailSchema = named(
  'AgreementDetail',
  AgreementSummarySchema.extend({ versions: z.array(AgreementVersionSchema) }),
)
export const VersionDocumentSchema = named(
  'AgreementVersionDocument',
  AgreementVersionSchema.extend({
    agreement: z.string(),
    document: z.record(z.string(), z.unknown()).describe('the agreement as stored (see Agreement)'),
  }),
)
export const UploadResultSchema = named(
  'AgreementUpload',
  z.object({
    agreement: z.string(),
    version: z.number().int(),
    content_hash: z.string(),
    created: z.boolean().describe('false when this content was stored before (the same version is returned)'),
    effective_from: z.string(),
    warnings: z.array(z.unknown()),
  }),
)
export const UploadQuerySchema = z.object({
  effective_from: z
    .string()
    .min(1)
    .optional()
    .describe('a date (2026-12-01) or an instant; default: the term start in the document, else now'),
})

export const InForceQuerySchema = z.object({
  customer: z.string().min(1).optional().describe('required for staff; a customer sees only their own'),
  service: z.string().min(1).optional().describe('only agreements covering this service'),
  at: InstantSchema.optional().describe('the instant (ISO 8601); default now'),
})
export const InForceSchema = named(
  'AgreementsInForce',
  z.object({
    customer: z.string(),
    service: z.string().nullable(),
    at: z.string(),
    items: z.array(
      AgreementSummarySchema.extend({
        version: z.number().int(),
        content_hash: z.string(),
        effective_from: z.string(),
      }),
    ),
  }),
)

export const VersionParams = z.object({
  id: z.string().min(1),
  version: z.coerce.number().int().min(1).describe('a version number, from 1'),
})
