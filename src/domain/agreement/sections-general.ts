// Parties, term, purpose and scope, objectives, stakeholders, contacts and who does what.
import { z } from 'zod'
import {
  EmailSchema,
  IdSchema,
  LocalDateSchema,
  MarkdownSchema,
  MoneySchema,
  PeriodSchema,
  PhoneSchema,
  RefSchema,
  TextSchema,
  UrlSchema,
} from './primitives.ts'

export const PartySchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  signatory: RefSchema.optional(),
  address: TextSchema.optional(),
  url: UrlSchema.optional(),
})

export const TermSchema = z.strictObject({
  effectiveFrom: LocalDateSchema,
  effectiveTo: LocalDateSchema.optional(),
  renewal: z
    .strictObject({
      type: z.enum(['never', 'tacit', 'express']),
      notice: PeriodSchema.optional(),
      renewalTerm: PeriodSchema.optional(),
    })
    .optional(),
  review: z
    .strictObject({
      every: PeriodSchema,
      owner: RefSchema.optional(),
      next: LocalDateSchema.optional(),
      last: LocalDateSchema.optional(),
      triggers: z.array(TextSchema).optional(),
      conditions: MarkdownSchema.optional(),
    })
    .optional(),
})

export const StatementSchema = z.strictObject({
  id: IdSchema,
  text: MarkdownSchema,
  owner: RefSchema.optional(),
  qualitative: z.boolean().optional(),
})

export const ScopeSchema = z.strictObject({
  inScope: z
    .array(z.strictObject({ id: IdSchema, description: MarkdownSchema, service: RefSchema.optional() }))
    .optional(),
  outOfScope: z.array(z.strictObject({ id: IdSchema, description: MarkdownSchema })).optional(),
  audience: z
    .strictObject({ primary: z.array(TextSchema).optional(), secondary: z.array(TextSchema).optional() })
    .optional(),
})

export const ServiceSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  description: MarkdownSchema.optional(),
  url: UrlSchema.optional(),
  components: z.array(IdSchema).optional(),
  public: z.boolean().optional(),
})

export const CONTACT_ROLES = [
  'head-of-service',
  'director',
  'service-owner',
  'account-manager',
  'support-lead',
  'service-desk',
  'tech-lead',
  'customer-representative',
  'it-department',
  'system-administration',
  'dba',
  'security',
  'legal',
  'management',
  'finance',
  'vendor',
  'stakeholder',
  'other',
] as const

export const ContactSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  org: RefSchema.optional(),
  role: z.enum(CONTACT_ROLES),
  title: TextSchema.optional(),
  email: EmailSchema.optional(),
  phone: PhoneSchema.optional(),
  calendar: RefSchema.optional(),
  deputy: RefSchema.optional(),
  notes: MarkdownSchema.optional(),
})

export const RESPONSIBILITY_AREAS = [
  'software-maintenance',
  'system-administration',
  'operational-support',
  'database-administration',
  'data-exchange',
  'security',
  'monitoring',
  'backups',
  'release-management',
  'customer',
  'provider',
] as const

export const ResponsibilitySchema = z.strictObject({
  id: IdSchema.optional(),
  area: z.enum(RESPONSIBILITY_AREAS),
  contact: RefSchema,
  description: MarkdownSchema.optional(),
  party: z.enum(['provider', 'customer', 'third-party']).optional(),
})

export const StakeholderSchema = z.strictObject({
  id: IdSchema,
  contact: RefSchema,
  interest: MarkdownSchema.optional(),
  group: z.enum(['it-managers', 'department-heads', 'executives', 'users', 'vendors', 'other']).optional(),
})

export const DepartmentSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  contact: RefSchema.optional(),
  email: EmailSchema.optional(),
})

export const CommunicationSchema = z.strictObject({
  methods: z
    .array(z.enum(['in-person', 'online-collaboration', 'email', 'phone', 'video', 'portal', 'report']))
    .optional(),
  frequency: PeriodSchema.optional(),
  meetings: MarkdownSchema.optional(),
})

export const CostsSchema = z.strictObject({
  fee: MoneySchema.optional(),
  per: z.enum(['month', 'quarter', 'year', 'one-off']).optional(),
  pricing: MarkdownSchema.optional(),
})

export const ApprovalsSchema = z.strictObject({
  management: z.array(RefSchema).optional(),
  legal: z.array(RefSchema).optional(),
  final: z.array(RefSchema).optional(),
})
