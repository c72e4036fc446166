// Submission for approval: the lint rules of submission run on the current revision, on the
// day of submission (UTC), and the domain decides whether the edition may go to its approvers.
import { NO_ROLES } from '../domain/lifecycle/roles.ts'
import { submitForApproval } from '../domain/lifecycle/submission.ts'
import { lintAgreement, rulesFor } from '../domain/lint/index.ts'
import type { Actor, Deps } from './deps.ts'
import { type ActResult, actResult, commit, openRevision, withLifecycle } from './lifecycle-session.ts'

export async function submitAgreement(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  input: { acknowledge?: readonly string[] } = {},
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) => {
    const open = await openRevision(s)
    const today = new Date(s.ctx.now).toISOString().slice(0, 10)
    const findings =
      open === undefined ? [] : lintAgreement(open.document, { today, rules: rulesFor('submit') })
    const decision = submitForApproval(s.state, s.ctx, {
      findings,
      acknowledge: input.acknowledge ?? [],
      roles: open?.roles ?? NO_ROLES,
    })
    return actResult(s, await commit(s, decision))
  })
}
