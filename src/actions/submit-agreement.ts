// Submission for approval: the lint rules of submission run on the current revision, on the
// day of submission (UTC), and the domain decides whether the edition may go to its approvers.
import type { Agreement } from '../domain/agreement/schema.ts'
import { NO_ROLES } from '../domain/lifecycle/roles.ts'
import { submitForApproval } from '../domain/lifecycle/submission.ts'
import { type Finding, lintAgreement, rulesFor } from '../domain/lint/index.ts'
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
    const findings = open === undefined ? [] : submissionFindings(open.document, s.ctx.now)
    const decision = submitForApproval(s.state, s.ctx, {
      findings,
      acknowledge: input.acknowledge ?? [],
      roles: open?.roles ?? NO_ROLES,
    })
    return actResult(s, await commit(s, decision))
  })
}

/** What the submission rules find in a revision on the day of `now` (UTC). */
export function submissionFindings(document: Agreement, now: number): Finding[] {
  const today = new Date(now).toISOString().slice(0, 10)
  return lintAgreement(document, { today, rules: rulesFor('submit') })
}
