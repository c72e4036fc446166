// The moves the calendar makes, run by the worker every day (and safe to run more often):
// signed editions take effect and supersede the one before, reviews fall due, terms expire.
// Each agreement moves in its own transaction, recorded in its log as the system's act.
import { accept } from '../domain/lifecycle/decision.ts'
import { advance } from '../domain/lifecycle/in-force.ts'
import { agreementsDueToAdvance } from '../storage/lifecycle.ts'
import { type Deps, SYSTEM_ACTOR } from './deps.ts'
import { commit, SYSTEM_AUDIT_ACTOR, withLifecycle } from './lifecycle-session.ts'

export type Advanced = { agreement: string; edition: number; type: string; from: string; to: string }

export async function advanceAgreements(deps: Deps): Promise<Advanced[]> {
  const now = deps.now()
  const due = await agreementsDueToAdvance(deps.db, new Date(now), new Date(now).toISOString().slice(0, 10))
  const moved: Advanced[] = []
  for (const agreementId of due) {
    const recorded = await withLifecycle(deps, SYSTEM_ACTOR, agreementId, async (s) =>
      commit(s, accept(...advance(s.state, s.ctx.now)), SYSTEM_AUDIT_ACTOR),
    )
    for (const r of recorded) {
      const { edition, from, to } = r.payload as { edition: number; from: string; to: string }
      moved.push({ agreement: agreementId, edition, type: r.type, from, to })
    }
  }
  return moved
}
