// A signatory signs the edition as themselves. With the last signature the revision becomes
// the agreement's next version, effective from the instant the domain set (its term's start,
// or the signature when that has passed): the clocks that start from then on measure it, and
// those started before keep the version they were pinned to.
import { canonicalJson, contentHash } from '../domain/agreement/content-hash.ts'
import type { Agreement } from '../domain/agreement/schema.ts'
import { sign } from '../domain/lifecycle/approval.ts'
import { accept } from '../domain/lifecycle/decision.ts'
import { advance } from '../domain/lifecycle/in-force.ts'
import { NO_ROLES } from '../domain/lifecycle/roles.ts'
import { findVersionByHash, insertAgreementVersion, upsertAgreement } from '../storage/agreements.ts'
import type { Actor, Deps } from './deps.ts'
import {
  type ActResult,
  actResult,
  commit,
  openRevision,
  type Recorded,
  type Session,
  SYSTEM_AUDIT_ACTOR,
  withLifecycle,
} from './lifecycle-session.ts'
import { recomputeTicketsSince } from './recompute-ticket.ts'

export async function signAgreement(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  input: { contentHash: string },
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) => {
    const open = await openRevision(s)
    const decision = sign(s.state, s.ctx, { contentHash: input.contentHash, roles: open?.roles ?? NO_ROLES })
    const recorded = await commit(s, decision)
    const [signature] = recorded
    if (
      open !== undefined &&
      signature?.type === 'signature.added' &&
      signature.payload.effectiveAt !== undefined
    ) {
      recorded.push(
        ...(await recordVersion(s, open.document, signature.payload.edition, signature.payload.effectiveAt)),
      )
      // Signed after its effective date, it is in force at once.
      recorded.push(...(await commit(s, accept(...advance(s.state, s.ctx.now)), SYSTEM_AUDIT_ACTOR)))
    }
    return actResult(s, recorded)
  })
}

async function recordVersion(
  s: Session,
  document: Agreement,
  edition: number,
  effectiveAt: string,
): Promise<Recorded[]> {
  const { tx, agreement } = s
  const hash = contentHash(document)
  await upsertAgreement(tx, { ...agreement, kind: document.kind, title: document.metadata.title })
  // Content signed before (an upload outside the lifecycle, say) is that version already.
  const existing = await findVersionByHash(tx, agreement.id, hash)
  const version =
    existing ??
    (await insertAgreementVersion(tx, {
      agreement_id: agreement.id,
      customer_id: agreement.customer_id,
      content_hash: hash,
      document: canonicalJson(document),
      effective_from: new Date(effectiveAt),
      created_by: s.ctx.actor.userId,
    }))
  if (existing === undefined) {
    const underpinning =
      document.kind === 'OperationalLevelAgreement' || document.kind === 'UnderpinningContract'
    await recomputeTicketsSince(
      tx,
      underpinning ? null : agreement.customer_id,
      version.effective_from,
      s.ctx.now,
    )
  }
  const payload = {
    edition,
    version: version.version,
    contentHash: hash,
    effectiveAt: version.effective_from.toISOString(),
  }
  return commit(s, accept({ type: 'version.recorded', payload }), SYSTEM_AUDIT_ACTOR)
}
