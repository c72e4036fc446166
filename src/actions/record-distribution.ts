// Distribution of a signed agreement is done elsewhere (the document is rendered, sealed and
// mailed); this records that it happened, in the audit log, and moves a signed edition to
// distributed. Call it in the transaction of the sending, or just after it.
import type { DistributionInput } from '../domain/lifecycle/in-force.ts'
import { recordDistribution as decideDistribution } from '../domain/lifecycle/in-force.ts'
import type { Actor, Deps } from './deps.ts'
import { type ActResult, actResult, commit, withLifecycle } from './lifecycle-session.ts'

export type { DistributionInput }

export async function recordDistribution(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  input: DistributionInput,
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) =>
    actResult(s, await commit(s, decideDistribution(s.state, s.ctx, input))),
  )
}
