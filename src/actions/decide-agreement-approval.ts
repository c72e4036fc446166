// An approver approves the stage the edition awaits (management, legal review, final) or
// rejects it back to negotiation. Either is bound to the content hash the approver read.
import { approve, reject } from '../domain/lifecycle/approval.ts'
import { NO_ROLES } from '../domain/lifecycle/roles.ts'
import type { Actor, Deps } from './deps.ts'
import { type ActResult, actResult, commit, openRevision, withLifecycle } from './lifecycle-session.ts'

export async function approveAgreement(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  input: { contentHash: string; note?: string },
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) => {
    const roles = (await openRevision(s))?.roles ?? NO_ROLES
    return actResult(s, await commit(s, approve(s.state, s.ctx, { ...input, roles })))
  })
}

export async function rejectAgreement(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  input: { contentHash: string; reason: string },
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) => {
    const roles = (await openRevision(s))?.roles ?? NO_ROLES
    return actResult(s, await commit(s, reject(s.state, s.ctx, { ...input, roles })))
  })
}
