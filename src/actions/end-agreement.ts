// Ending an edition by a person: withdrawn before it is signed, terminated while in force.
import { withdraw } from '../domain/lifecycle/approval.ts'
import { terminate } from '../domain/lifecycle/in-force.ts'
import type { Actor, Deps } from './deps.ts'
import { type ActResult, actResult, commit, withLifecycle } from './lifecycle-session.ts'

export async function withdrawAgreement(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  reason: string,
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) =>
    actResult(s, await commit(s, withdraw(s.state, s.ctx, reason))),
  )
}

export async function terminateAgreement(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  reason: string,
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) =>
    actResult(s, await commit(s, terminate(s.state, s.ctx, reason))),
  )
}
