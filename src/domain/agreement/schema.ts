// The agreement: an envelope (apiVersion, kind, metadata) around a spec of typed sections.
// Written once here; the JSON Schema for editors is derived from it (json-schema.ts).
import { z } from 'zod'
import { IdSchema, MarkdownSchema, RefSchema, TextSchema, UrlSchema } from './primitives.ts'
import {
  AvailabilityObjectiveSchema,
  CreditsSchema,
  MaintenanceWindowSchema,
  MonitorSchema,
} from './sections-availability.ts'
import {
  ApprovalsSchema,
  CommunicationSchema,
  ContactSchema,
  CostsSchema,
  DepartmentSchema,
  PartySchema,
  ResponsibilitySchema,
  ScopeSchema,
  ServiceSchema,
  StakeholderSchema,
  StatementSchema,
  TermSchema,
} from './sections-general.ts'
import {
  AgreementCalendarSchema,
  ChannelSchema,
  ClockPolicySchema,
  EscalationLevelSchema,
  KpiSchema,
  ReferralLevelSchema,
  ReportingSchema,
  SeveritySchema,
  TargetSchema,
  VipRuleSchema,
} from './sections-service-levels.ts'
import {
  BackupSchema,
  BudgetLineSchema,
  DisasterRecoverySchema,
  EnvironmentInstanceSchema,
  LicenseSchema,
  RegressionTestSchema,
  ReleaseSchema,
  SecuritySchema,
  TechnicalEnvironmentSchema,
} from './sections-support-plan.ts'

export const API_VERSION = 'upheld/v1'
export const AGREEMENT_KINDS = [
  'ServiceLevelAgreement',
  'SupportPlan',
  'OperationalLevelAgreement',
  'UnderpinningContract',
] as const
export type AgreementKind = (typeof AGREEMENT_KINDS)[number]

export const MetadataSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  number: TextSchema.optional(),
  version: z.number().int().min(1).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  template: z.strictObject({ id: IdSchema, version: TextSchema.optional() }).optional(),
})

export const SpecSchema = z.strictObject({
  parties: z.strictObject({ provider: PartySchema, customer: PartySchema }),
  term: TermSchema.optional(),
  purpose: MarkdownSchema.optional(),
  scope: ScopeSchema.optional(),
  objectives: z.array(StatementSchema).optional(),
  assumptions: z.array(StatementSchema).optional(),
  strategy: MarkdownSchema.optional(),
  supportProcess: MarkdownSchema.optional(),
  services: z.array(ServiceSchema).optional(),
  environments: z.array(EnvironmentInstanceSchema).optional(),
  environment: TechnicalEnvironmentSchema.optional(),
  responsibilities: z.array(ResponsibilitySchema).optional(),
  stakeholders: z.array(StakeholderSchema).optional(),
  departments: z.array(DepartmentSchema).optional(),
  thirdParties: z
    .array(
      z.strictObject({
        id: IdSchema,
        name: TextSchema,
        role: MarkdownSchema,
        contact: RefSchema.optional(),
        contract: TextSchema.optional(),
      }),
    )
    .optional(),
  communication: CommunicationSchema.optional(),
  costs: CostsSchema.optional(),
  constraints: z.array(StatementSchema).optional(),
  approvals: ApprovalsSchema.optional(),
  kpis: z.array(KpiSchema).optional(),
  licenses: z.array(LicenseSchema).optional(),
  security: SecuritySchema.optional(),
  calendars: z.array(AgreementCalendarSchema).optional(),
  channels: z.array(ChannelSchema).optional(),
  severities: z.array(SeveritySchema).optional(),
  targets: z.array(TargetSchema).optional(),
  clock: ClockPolicySchema.optional(),
  vip: z.array(VipRuleSchema).optional(),
  availability: z.array(AvailabilityObjectiveSchema).optional(),
  maintenance: z.array(MaintenanceWindowSchema).optional(),
  monitoring: z.array(MonitorSchema).optional(),
  backups: z.array(BackupSchema).optional(),
  disasterRecovery: DisasterRecoverySchema.optional(),
  release: ReleaseSchema.optional(),
  regressionTests: z.array(RegressionTestSchema).optional(),
  credits: CreditsSchema.optional(),
  escalation: z.array(EscalationLevelSchema).optional(),
  contacts: z.array(ContactSchema).optional(),
  referral: z.array(ReferralLevelSchema).optional(),
  budget: z.array(BudgetLineSchema).optional(),
  otherResources: MarkdownSchema.optional(),
  reporting: ReportingSchema.optional(),
  references: z
    .array(z.strictObject({ id: IdSchema, title: TextSchema, url: UrlSchema.optional() }))
    .optional(),
  glossary: z.array(z.strictObject({ term: TextSchema, definition: MarkdownSchema })).optional(),
})

export const AgreementSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  kind: z.enum(AGREEMENT_KINDS),
  metadata: MetadataSchema,
  spec: SpecSchema,
})

export type Agreement = z.infer<typeof AgreementSchema>
export type AgreementSpec = Agreement['spec']
