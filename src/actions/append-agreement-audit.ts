// Acts that other parts of Upheld perform on an agreement (sealing its signed document, a
// continuous check failing or clearing) go into the same hash chain as its lifecycle, so one
// verification covers them all. They do not change the lifecycle's state.
import { accept } from '../domain/lifecycle/decision.ts'
import type { RecordedType } from '../domain/lifecycle/events.ts'
import type { Actor, Deps } from './deps.ts'
import { commit, type Recorded, withLifecycle } from './lifecycle-session.ts'

export async function appendAgreementAudit(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  event: { type: RecordedType; payload: Record<string, unknown> },
): Promise<Recorded> {
  return withLifecycle(deps, actor, agreementId, async (s) => {
    const [recorded] = await commit(s, accept(event))
    return recorded!
  })
}
