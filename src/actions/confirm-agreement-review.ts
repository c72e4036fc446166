// The periodic review found nothing to change: the edition stays in force until the next one.
// (A review that changes something is a new revision, which supersedes it once in force.)
import { confirmReview } from '../domain/lifecycle/in-force.ts'
import type { Actor, Deps } from './deps.ts'
import { type ActResult, actResult, commit, withLifecycle } from './lifecycle-session.ts'

export async function confirmAgreementReview(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  note?: string,
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) =>
    actResult(s, await commit(s, confirmReview(s.state, s.ctx, note))),
  )
}
