// The lifecycle's request and response shapes: revisions, the state of each edition, the
// negotiation by section, approvals, signatures, the audit log and its verification.
import { z } from 'zod'
import { PERSON_ACTS } from '../../domain/lifecycle/available-acts.ts'
import { EDITION_STATES } from '../../domain/lifecycle/states.ts'
import { named } from './common.ts'

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash: 64 lower-case hex digits')
const Text = (max: number) => z.string().trim().min(1).max(max)

export const RevisionParams = z.object({
  id: z.string().min(1),
  revision: z.coerce.number().int().min(1).describe('a revision number, from 1'),
})

export const AgreeBodySchema = z.object({
  sections: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('default: every section your party has not agreed to'),
})
export const ReopenBodySchema = z.object({
  sections: z.array(z.string().min(1)).min(1),
  reason: Text(2000).optional(),
})
export const CommentBodySchema = z.object({
  body: Text(10_000),
  section: z.string().min(1).optional(),
  reply_to: z.number().int().min(1).optional().describe('the id of the comment answered'),
})
export const SubmitBodySchema = z.object({
  acknowledge: z.array(z.string().min(1)).optional().describe('the rule ids of the warnings acknowledged'),
})
export const ApproveBodySchema = z.object({
  content_hash: Hash.describe('the content hash of the revision approved, as read'),
  note: Text(2000).optional(),
})
export const RejectBodySchema = z.object({ content_hash: Hash, reason: Text(2000) })
export const SignBodySchema = z.object({
  content_hash: Hash.describe('the content hash of the revision signed, as read'),
})
export const ReasonBodySchema = z.object({ reason: Text(2000) })
export const NoteBodySchema = z.object({ note: Text(2000).optional() })
export const EmptyBodySchema = z.object({})

const EditionRef = z.object({
  edition: z.number().int(),
  state: z.enum(EDITION_STATES),
  revision: z.number().int(),
  content_hash: z.string(),
})

export const ActResultSchema = named(
  'LifecycleAct',
  z.object({
    agreement: z.string(),
    edition: EditionRef.nullable().describe('the edition the act concerned, as it now stands'),
    recorded: z
      .array(z.object({ seq: z.number().int(), type: z.string(), at: z.string(), payload: z.unknown() }))
      .describe('the audit entries the act appended (none when there was nothing to change)'),
    distribution: z
      .union([
        z.object({ id: z.string(), recipients: z.number().int(), enqueued: z.number().int() }),
        z.object({ skipped: z.string() }),
      ])
      .nullable()
      .optional()
      .describe('sign only: what the last signature sent out, or why nothing went yet'),
  }),
  'What a lifecycle act did.',
)

export const DraftResultSchema = named(
  'AgreementDraft',
  z.object({
    agreement: z.string(),
    edition: z.number().int(),
    revision: z.number().int(),
    content_hash: z.string(),
    created: z.boolean().describe('false when the content was already the current revision'),
    state: z.enum(EDITION_STATES),
    changed: z.array(z.string()).describe('sections whose agreement this revision reset'),
    invalidated: z
      .object({ approvals: z.number().int(), signatures: z.number().int() })
      .optional()
      .describe(
        'an edit after submission voids the approvals and signatures given and returns to negotiation',
      ),
    warnings: z.array(z.unknown()),
  }),
)

export const RevisionSchema = named(
  'AgreementRevision',
  z.object({
    agreement: z.string(),
    revision: z.number().int(),
    edition: z.number().int(),
    content_hash: z.string(),
    section_hashes: z.record(z.string(), z.string()),
    created_by: z.string(),
    created_at: z.string(),
    document: z.record(z.string(), z.unknown()),
  }),
)

const Mark = z.object({
  status: z.enum(['agreed', 'pending']),
  user: z.string(),
  name: z.string().optional(),
  at: z.string(),
  reason: z.string().optional(),
})
const Contact = z.object({ contact: z.string(), name: z.string(), email: z.string().optional() })

export const EditionSchema = named(
  'AgreementEdition',
  EditionRef.extend({
    based_on: z.number().int().nullable(),
    since: z.string(),
    term: z.record(z.string(), z.string()),
    version: z.number().int().nullable(),
    effective_at: z.string().nullable(),
    review_due: z.string().nullable(),
    approvals: z.array(
      z.object({
        stage: z.enum(['management', 'legal', 'final']),
        approver: z.string().nullable(),
        user: z.string(),
        at: z.string(),
        content_hash: z.string(),
      }),
    ),
    signatures: z.array(
      z.object({
        party: z.enum(['provider', 'customer']),
        contact: z.string(),
        name: z.string(),
        email: z.string(),
        content_hash: z.string(),
        auth_method: z.string(),
        at: z.string(),
      }),
    ),
    acknowledged: z.object({ by: z.string(), at: z.string(), rules: z.array(z.string()) }).nullable(),
  }),
  'One edition: an instrument on its way to being in force, or in force, or ended.',
)

export const LifecycleSchema = named(
  'AgreementLifecycle',
  z.object({
    agreement: z.string(),
    head: z
      .object({ seq: z.number().int(), hash: z.string() })
      .nullable()
      .describe('the audit log’s last entry'),
    editions: z.array(EditionSchema),
    current: EditionSchema.extend({
      sections: z.array(
        z.object({
          section: z.string(),
          hash: z.string(),
          present: z.boolean(),
          agreed: z.boolean(),
          provider: Mark.nullable(),
          customer: Mark.nullable(),
        }),
      ),
      awaiting: z.array(z.string()),
    })
      .nullable()
      .describe('the edition being worked on, else the one about to take effect, else the one in force'),
    roles: z
      .object({
        approvers: z.object({
          management: z.array(Contact),
          legal: z.array(Contact),
          final: z.array(Contact),
        }),
        signatories: z.object({ provider: Contact.optional(), customer: Contact.optional() }),
      })
      .nullable(),
    comments: z.array(
      z.object({
        id: z.number().int(),
        edition: z.number().int(),
        revision: z.number().int(),
        section: z.string().nullable(),
        reply_to: z.number().int().nullable(),
        author: z.object({ user: z.string(), name: z.string().nullable(), organisation: z.string() }),
        at: z.string(),
        body: z.string(),
      }),
    ),
  }),
)

export const AuditEntrySchema = named(
  'AuditEntry',
  z.object({
    seq: z.number().int(),
    type: z.string(),
    actor: z.record(z.string(), z.unknown()),
    at: z.string(),
    payload: z.unknown(),
    prev_hash: z.string(),
    hash: z.string().describe('SHA-256 over the canonical JSON of the entry with prev_hash'),
  }),
)
export const HistorySchema = named(
  'AgreementHistory',
  z.object({ agreement: z.string(), items: z.array(AuditEntrySchema) }),
)

export const VerificationSchema = named(
  'AuditVerification',
  z.object({
    agreement: z.string(),
    ok: z.boolean(),
    entries: z.number().int().optional(),
    head: z.string().optional(),
    seq: z.number().int().optional().describe('the first entry that does not hold'),
    reason: z.string().optional(),
  }),
)

export const LintFindingSchema = named(
  'LintFinding',
  z.object({
    rule: z.string().describe('the lint rule, e.g. availability.monitored'),
    level: z.enum(['error', 'warning']),
    path: z.string().describe('where: spec.availability[0]'),
    message: z.string(),
    hint: z.string().nullable(),
  }),
)

export const ActsSchema = named(
  'AgreementActs',
  z.object({
    agreement: z.string(),
    edition: EditionRef.nullable().describe('the edition the acts concern (the lifecycle’s current one)'),
    party: z
      .enum(['provider', 'customer'])
      .nullable()
      .describe('the party you negotiate for: staff for the provider, the customer’s users for it'),
    acts: z.array(
      z.object({
        act: z.enum(PERSON_ACTS),
        allowed: z.boolean(),
        reason: z
          .string()
          .nullable()
          .describe('why you may not, in the words the act itself would refuse with'),
      }),
    ),
    findings: z
      .array(LintFindingSchema)
      .describe(
        'the submission lint rules on the revision being worked on: errors block, warnings are acknowledged',
      ),
  }),
  'What you may do now, and why not the rest.',
)
