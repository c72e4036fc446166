// The negotiation of an edition: the staff open it, and each party agrees to sections or
// reopens them (pending further negotiation).
import { agreeSections, openNegotiation, reopenSections } from '../domain/lifecycle/negotiation.ts'
import type { Actor, Deps } from './deps.ts'
import { type ActResult, actResult, commit, withLifecycle } from './lifecycle-session.ts'

export async function openAgreementNegotiation(
  deps: Deps,
  actor: Actor,
  agreementId: string,
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) =>
    actResult(s, await commit(s, openNegotiation(s.state, s.ctx))),
  )
}

/** The actor's party agrees to these sections; without a list, to every one it has not agreed to yet. */
export async function agreeToSections(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  sections?: readonly string[],
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) =>
    actResult(s, await commit(s, agreeSections(s.state, s.ctx, sections))),
  )
}

export async function reopenAgreementSections(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  input: { sections: readonly string[]; reason?: string },
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) =>
    actResult(s, await commit(s, reopenSections(s.state, s.ctx, input.sections, input.reason))),
  )
}
