// The support-plan sections of the seed templates: environments, licences, security,
// backups and disaster recovery, releases and acceptance, regression tests, budgets.
import { z } from 'zod'
import {
  CurrencySchema,
  DurationSchema,
  IdSchema,
  LocalDateSchema,
  MarkdownSchema,
  MoneySchema,
  PeriodSchema,
  RefSchema,
  TextSchema,
  UrlSchema,
} from './primitives.ts'

export const EnvironmentInstanceSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema.optional(),
  purpose: MarkdownSchema,
  url: UrlSchema.optional(),
})

export const SoftwareSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  platform: TextSchema.optional(),
  vendor: TextSchema.optional(),
  version: z.union([TextSchema, z.number()]).transform(String).optional(),
  url: UrlSchema.optional(),
  license: RefSchema.optional(),
  eolDate: LocalDateSchema.optional(),
})

export const HardwareSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  kind: TextSchema.optional(),
  location: TextSchema.optional(),
  assetTag: TextSchema.optional(),
  warrantyExpiry: LocalDateSchema.optional(),
  owner: RefSchema.optional(),
})

export const DatabaseSchema = z.strictObject({
  id: IdSchema,
  engine: TextSchema,
  version: z.union([TextSchema, z.number()]).transform(String).optional(),
  environment: RefSchema.optional(),
  host: TextSchema.optional(),
  sizeGb: z.number().nonnegative().optional(),
  personalData: z.boolean(),
  backup: RefSchema.optional(),
})

export const DataExchangeSchema = z.strictObject({
  id: IdSchema,
  counterpart: TextSchema,
  direction: z.enum(['in', 'out', 'both']),
  protocol: z.enum(['sftp', 'https', 'api', 'mq', 'email', 'file', 'other']),
  format: TextSchema.optional(),
  schedule: TextSchema.optional(),
  classification: z.enum(['public', 'internal', 'confidential', 'restricted']).optional(),
  personalData: z.boolean().optional(),
  encryptedInTransit: z.boolean(),
  dependency: z.enum(['exchanges-data', 'depends-on-us', 'we-depend-on']).optional(),
  owner: RefSchema.optional(),
})

export const TechnicalEnvironmentSchema = z.strictObject({
  description: MarkdownSchema.optional(),
  software: z.array(SoftwareSchema).optional(),
  hardware: z.array(HardwareSchema).optional(),
  databases: z.array(DatabaseSchema).optional(),
  dataExchange: z.array(DataExchangeSchema).optional(),
})

export const LicenseSchema = z.strictObject({
  id: IdSchema,
  product: TextSchema,
  vendor: TextSchema.optional(),
  type: z.enum(['subscription', 'perpetual', 'oss', 'data-rights']),
  metric: z.enum(['seats', 'cores', 'instances', 'site', 'users', 'other']).optional(),
  quantity: z.number().int().positive().optional(),
  start: LocalDateSchema.optional(),
  expiry: LocalDateSchema.optional(),
  autoRenew: z.boolean().optional(),
  renewalOwner: RefSchema.optional(),
  renewalLeadTime: PeriodSchema.optional(),
  renewalProcess: MarkdownSchema.optional(),
  cost: MoneySchema.optional(),
  keyLocation: TextSchema.optional(),
})

export const SecuritySchema = z.strictObject({
  classification: z.enum(['public', 'internal', 'confidential', 'restricted']),
  personalData: z.boolean(),
  dataCategories: z.array(TextSchema).optional(),
  dpa: TextSchema.optional(),
  residency: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as KE'))
    .optional(),
  encryption: z.strictObject({ atRest: z.boolean(), inTransit: z.boolean() }).optional(),
  access: z
    .strictObject({
      mfaRequired: z.boolean().optional(),
      reviewEvery: PeriodSchema.optional(),
      lastReview: LocalDateSchema.optional(),
      restrictions: MarkdownSchema.optional(),
    })
    .optional(),
  incidentNotification: DurationSchema.optional(),
  certifications: z
    .array(z.strictObject({ id: IdSchema.optional(), name: TextSchema, expiry: LocalDateSchema }))
    .optional(),
  pentest: z.strictObject({ every: PeriodSchema, last: LocalDateSchema.optional() }).optional(),
  patching: z.array(z.strictObject({ severity: TextSchema, within: DurationSchema })).optional(),
})

export const BackupSchema = z.strictObject({
  id: IdSchema,
  scope: RefSchema,
  type: z.enum(['full', 'incremental', 'differential', 'snapshot']),
  interval: DurationSchema,
  retention: PeriodSchema,
  copies: z.number().int().positive().optional(),
  offsite: z.boolean(),
  offsiteLocation: TextSchema.optional(),
  immutable: z.boolean().optional(),
  encrypted: z.boolean().optional(),
  restoreTestEvery: PeriodSchema.optional(),
  lastRestoreTest: LocalDateSchema.optional(),
  lastSuccessAt: LocalDateSchema.optional(),
  owner: RefSchema.optional(),
})

export const DisasterRecoverySchema = z.strictObject({
  rto: DurationSchema,
  rpo: DurationSchema,
  site: TextSchema.optional(),
  failover: z.enum(['manual', 'automatic']).optional(),
  plan: MarkdownSchema.optional(),
  testEvery: PeriodSchema.optional(),
  lastTest: LocalDateSchema.optional(),
  contacts: z.array(RefSchema).optional(),
  steps: z.array(TextSchema).optional(),
})

export const AcceptanceCriterionSchema = z.strictObject({
  id: IdSchema,
  description: MarkdownSchema,
  method: z.enum(['test', 'demo', 'inspection', 'analysis']),
  category: z
    .enum([
      'major-functions',
      'production-readiness',
      'personnel',
      'performance',
      'capacity',
      'accuracy',
      'availability',
      'reliability',
      'operational-costs',
      'security',
    ])
    .optional(),
  threshold: TextSchema.optional(),
  owner: RefSchema.optional(),
  suite: RefSchema.optional(),
})

export const ReleaseSchema = z.strictObject({
  strategy: MarkdownSchema.optional(),
  cadence: z.union([PeriodSchema, z.literal('on-demand')]).optional(),
  process: z.union([z.array(TextSchema), MarkdownSchema]).optional(),
  noticeLeadTime: DurationSchema.optional(),
  changeApproval: z.strictObject({ cabRequired: z.boolean(), approver: RefSchema.optional() }).optional(),
  path: z.array(RefSchema).optional(),
  acceptanceCriteria: z.array(AcceptanceCriterionSchema).optional(),
})

export const RegressionTestSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  description: MarkdownSchema.optional(),
  automated: z.boolean(),
  tool: TextSchema.optional(),
  trigger: z.enum(['per-release', 'per-change', 'nightly', 'weekly']),
  covers: z.array(RefSchema).optional(),
  lastRunAt: LocalDateSchema.optional(),
  link: UrlSchema.optional(),
  owner: RefSchema.optional(),
})

export const BudgetLineSchema = z.strictObject({
  id: IdSchema,
  category: z.enum([
    'labour',
    'training',
    'licences',
    'licenses',
    'hosting',
    'hardware',
    'software',
    'other',
  ]),
  amount: z.number().nonnegative(),
  currency: CurrencySchema,
  period: z.strictObject({ from: LocalDateSchema, to: LocalDateSchema }),
  owner: RefSchema.optional(),
  note: MarkdownSchema.optional(),
})
