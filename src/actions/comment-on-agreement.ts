// A comment on an agreement, on one of its sections or in reply to another comment. Its id is
// its place in the audit log.
import { addComment, type CommentInput } from '../domain/lifecycle/negotiation.ts'
import type { Actor, Deps } from './deps.ts'
import { type ActResult, actResult, commit, withLifecycle } from './lifecycle-session.ts'

export async function commentOnAgreement(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  input: CommentInput,
): Promise<ActResult> {
  return withLifecycle(deps, actor, agreementId, async (s) =>
    actResult(s, await commit(s, addComment(s.state, s.ctx, input))),
  )
}
