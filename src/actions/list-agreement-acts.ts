// What the person asking may do to an agreement now, with the reason for each act they may
// not: the lifecycle read as the acts read it, and every act tried on it by the domain's own
// deciding functions (available-acts.ts). Nothing is recorded.
import type { Agreement } from '../domain/agreement/schema.ts'
import { type ActChoice, availableActs } from '../domain/lifecycle/available-acts.ts'
import { currentEdition, openEdition } from '../domain/lifecycle/decision.ts'
import type { Party } from '../domain/lifecycle/events.ts'
import { type Edition, replay } from '../domain/lifecycle/replay.ts'
import { NO_ROLES, partyOf, revisionRoles } from '../domain/lifecycle/roles.ts'
import type { Finding } from '../domain/lint/index.ts'
import { auditEntriesOf } from '../storage/audit.ts'
import { findRevision } from '../storage/lifecycle.ts'
import type { Actor, Deps } from './deps.ts'
import { describeActor, visibleAgreement } from './lifecycle-session.ts'
import { submissionFindings } from './submit-agreement.ts'

export type AgreementActs = {
  agreement: string
  /** The edition the acts concern (as the lifecycle's `current`). */
  edition: Edition | undefined
  /** The party the person negotiates for, if either. */
  party: Party | undefined
  acts: ActChoice[]
  /** What the submission rules find in the open edition's revision today. */
  findings: Finding[]
}

export async function listAgreementActs(
  deps: Deps,
  actor: Actor,
  agreementId: string,
): Promise<AgreementActs> {
  const agreement = await visibleAgreement(deps.db, actor, agreementId)
  const { facts } = await describeActor(deps.db, actor)
  const state = replay(agreementId, await auditEntriesOf(deps.db, agreement.customer_id, agreementId))
  const ctx = { actor: facts, customerId: agreement.customer_id, now: deps.now() }
  const open = openEdition(state)
  const row =
    open === undefined
      ? undefined
      : await findRevision(deps.db, agreement.customer_id, agreementId, open.revision)
  const document = row === undefined ? undefined : (JSON.parse(row.document) as Agreement)
  const findings = document === undefined ? [] : submissionFindings(document, ctx.now)
  const roles = document === undefined ? NO_ROLES : revisionRoles(document)
  return {
    agreement: agreementId,
    edition: currentEdition(state),
    party: partyOf(facts, agreement.customer_id),
    acts: availableActs(state, ctx, { roles, findings }),
    findings,
  }
}
