// Reading an agreement's lifecycle: where it stands (from its replayed log), the log itself,
// one revision's document, and the verification of the chain.
import { contentHash } from '../domain/agreement/content-hash.ts'
import type { Agreement } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import {
  type ChainedEntry,
  type ChainVerdict,
  verifyChain,
  verifyRevisions,
} from '../domain/lifecycle/audit-chain.ts'
import { replay } from '../domain/lifecycle/replay.ts'
import { type RevisionRoles, revisionRoles } from '../domain/lifecycle/roles.ts'
import { type LifecycleSummary, summarise } from '../domain/lifecycle/summary.ts'
import { auditEntriesOf } from '../storage/audit.ts'
import { findRevision, type RevisionRow, revisionDocuments } from '../storage/lifecycle.ts'
import type { Actor, Deps } from './deps.ts'
import { visibleAgreement } from './lifecycle-session.ts'

export type { RevisionRow }

export type LifecycleView = LifecycleSummary & {
  /** Who approves and signs the current edition's revision. */
  roles: RevisionRoles | null
  head: { seq: number; hash: string } | null
}

export async function getAgreementLifecycle(
  deps: Deps,
  actor: Actor,
  agreementId: string,
): Promise<LifecycleView> {
  const agreement = await visibleAgreement(deps.db, actor, agreementId)
  const entries = await auditEntriesOf(deps.db, agreement.customer_id, agreementId)
  const state = replay(agreementId, entries)
  const current = summarise(state).current
  const revision =
    current === undefined
      ? undefined
      : await findRevision(deps.db, agreement.customer_id, agreementId, current.revision)
  const roles = revision === undefined ? null : revisionRoles(JSON.parse(revision.document) as Agreement)
  const last = entries.at(-1)
  return {
    ...summarise(state, roles ?? undefined),
    roles,
    head: last === undefined ? null : { seq: last.seq, hash: last.hash },
  }
}

export async function getAgreementHistory(
  deps: Deps,
  actor: Actor,
  agreementId: string,
): Promise<ChainedEntry[]> {
  const agreement = await visibleAgreement(deps.db, actor, agreementId)
  return auditEntriesOf(deps.db, agreement.customer_id, agreementId)
}

export async function getAgreementRevision(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  revision: number,
): Promise<RevisionRow> {
  const agreement = await visibleAgreement(deps.db, actor, agreementId)
  const row = await findRevision(deps.db, agreement.customer_id, agreementId, revision)
  if (row === undefined)
    throw new AppError('not_found', `no revision ${revision} of agreement "${agreementId}"`)
  return row
}

/** Recomputes the chain, then checks each stored revision against the hash its entry recorded. */
export async function verifyAgreementAudit(
  deps: Deps,
  actor: Actor,
  agreementId: string,
): Promise<ChainVerdict> {
  const agreement = await visibleAgreement(deps.db, actor, agreementId)
  const entries = await auditEntriesOf(deps.db, agreement.customer_id, agreementId)
  const chain = verifyChain(agreementId, entries)
  if (!chain.ok) return chain
  const documents = await revisionDocuments(deps.db, agreement.customer_id, agreementId)
  const stored = new Map(documents.map((d) => [d.revision, contentHash(JSON.parse(d.document))]))
  return verifyRevisions(entries, stored) ?? chain
}
