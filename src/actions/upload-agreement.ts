// Uploading an agreement (YAML or JSON text): validated with the same messages as the CLI,
// stored as a new immutable version when its content changed.
import { canonicalJson, contentHash } from '../domain/agreement/content-hash.ts'
import { parseAgreement } from '../domain/agreement/parse-agreement.ts'
import { AppError } from '../domain/app-error.ts'
import { parseLocalDate } from '../domain/local-date.ts'
import { fromLocal } from '../domain/time-zone.ts'
import {
  type AgreementVersionRow,
  findVersionByHash,
  insertAgreementVersion,
  upsertAgreement,
} from '../storage/agreements.ts'
import { hasAuditLog } from '../storage/audit.ts'
import { findOrganisation } from '../storage/organisations.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'
import { recomputeTicketsSince } from './recompute-ticket.ts'

export type UploadResult = {
  agreement: string
  version: number
  contentHash: string
  created: boolean
  effectiveFrom: string
  warnings: unknown[]
}

export async function uploadAgreement(
  deps: Deps,
  actor: Actor,
  input: { text: string; filename?: string; effectiveFrom?: string },
): Promise<UploadResult> {
  requireRole(actor, 'admin', 'agent')
  const parsed = parseAgreement(input.text, { filename: input.filename })
  if (!parsed.ok) throw new AppError('invalid_input', 'the agreement is not valid', parsed.issues)
  const agreement = parsed.agreement
  const customerId = agreement.spec.parties.customer.id
  if (!(await findOrganisation(deps.db, customerId))) {
    throw new AppError(
      'invalid_input',
      `the customer "${customerId}" is not an organisation here; create it first`,
      [{ path: ['spec', 'parties', 'customer', 'id'], message: `no organisation "${customerId}"` }],
    )
  }
  const hash = contentHash(agreement)
  const effectiveFrom = effectiveInstant(
    input.effectiveFrom ?? agreement.spec.term?.effectiveFrom,
    deps.now(),
  )
  return deps.db.transaction(async (tx) => {
    // Approvals and signatures bind to content: an agreement with a lifecycle changes only through it.
    if (await hasAuditLog(tx, customerId, agreement.metadata.id)) {
      const id = agreement.metadata.id
      throw new AppError(
        'conflict',
        `agreement "${id}" goes through its lifecycle: save the change as a draft revision ` +
          `(POST /api/agreements/${id}/revisions, or upheld agreement draft FILE) to negotiate, approve and sign`,
      )
    }
    await upsertAgreement(tx, {
      id: agreement.metadata.id,
      customer_id: customerId,
      provider_id: agreement.spec.parties.provider.id,
      kind: agreement.kind,
      title: agreement.metadata.title,
    })
    const existing = await findVersionByHash(tx, agreement.metadata.id, hash)
    const row: AgreementVersionRow =
      existing ??
      (await insertAgreementVersion(tx, {
        agreement_id: agreement.metadata.id,
        customer_id: customerId,
        content_hash: hash,
        document: canonicalJson(agreement),
        effective_from: new Date(effectiveFrom),
        created_by: actor.userId,
      }))
    // The tickets the new version measures get their clocks and timers in this transaction.
    if (existing === undefined) {
      const underpinning =
        agreement.kind === 'OperationalLevelAgreement' || agreement.kind === 'UnderpinningContract'
      await recomputeTicketsSince(tx, underpinning ? null : customerId, row.effective_from, deps.now())
    }
    return {
      agreement: row.agreement_id,
      version: row.version,
      contentHash: hash,
      created: existing === undefined,
      effectiveFrom: row.effective_from.toISOString(),
      warnings: parsed.warnings,
    }
  })
}

// A date takes effect at midnight UTC of that day; an instant is taken as given.
function effectiveInstant(value: string | undefined, now: number): number {
  if (value === undefined) return now
  const day = parseLocalDate(value)
  if (day !== null) return fromLocal('UTC', day * 86_400_000)
  const t = Date.parse(value)
  if (!Number.isFinite(t))
    throw new AppError('invalid_input', `effectiveFrom: "${value}" is not a date or an instant`)
  return t
}
