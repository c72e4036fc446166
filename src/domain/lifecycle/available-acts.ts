// What a person may do to an agreement now, and why not the rest: every act is tried on the
// current state with the same deciding functions the actions run, so the web app's buttons and
// the server's answers cannot disagree. Nothing is recorded; the decisions are thrown away.
import type { Finding } from '../lint/rule.ts'
import { approve, reject, sign, withdraw } from './approval.ts'
import { type CommandContext, type Decision, openEdition } from './decision.ts'
import { confirmReview, recordDistribution, terminate } from './in-force.ts'
import { addComment, agreeSections, openNegotiation, reopenSections, saveRevision } from './negotiation.ts'
import type { Edition, LifecycleState } from './replay.ts'
import { partyOf, type RevisionRoles } from './roles.ts'
import { submitForApproval } from './submission.ts'

/** The acts a person takes (the calendar's own moves, such as taking effect, are not among them). */
export const PERSON_ACTS = [
  'edit',
  'negotiate',
  'agree',
  'reopen',
  'comment',
  'submit',
  'approve',
  'reject',
  'sign',
  'distribute',
  'confirm_review',
  'withdraw',
  'terminate',
] as const
export type PersonAct = (typeof PERSON_ACTS)[number]

export type ActChoice = { act: PersonAct; allowed: boolean; reason?: string }

export type ActsInput = {
  /** Who approves and signs the open edition's revision. */
  roles: RevisionRoles
  /** The findings of the submission rules on the open edition's revision. */
  findings: readonly Finding[]
}

// A stand-in for what the person will type (a reason, a comment): only its presence is checked.
const SOME_TEXT = 'text'

/** Every act, tried as `ctx.actor` on `state`: allowed, or refused with the refusal's own words. */
export function availableActs(state: LifecycleState, ctx: CommandContext, input: ActsInput): ActChoice[] {
  const open = openEdition(state)
  const hash = open?.contentHash ?? ''
  const { roles, findings } = input
  const warnings = [...new Set(findings.filter((f) => f.level === 'warning').map((f) => f.rule))]
  const sections = open?.sectionKeys ?? []
  const trials: Record<PersonAct, () => Choice> = {
    edit: () => tried(saveRevision(state, ctx, changedRevision(open))),
    negotiate: () => tried(openNegotiation(state, ctx)),
    agree: () =>
      tried(
        agreeSections(state, ctx),
        `the ${partyOf(ctx.actor, ctx.customerId)} has agreed to every section`,
      ),
    reopen: () =>
      tried(
        reopenSections(state, ctx, sections),
        `the ${partyOf(ctx.actor, ctx.customerId)} has every section pending already`,
      ),
    comment: () => tried(addComment(state, ctx, { body: SOME_TEXT })),
    // Warnings are acknowledged at submission: one that only needs an acknowledgement is no bar.
    submit: () => tried(submitForApproval(state, ctx, { findings, acknowledge: warnings, roles })),
    approve: () => tried(approve(state, ctx, { contentHash: hash, roles })),
    reject: () => tried(reject(state, ctx, { contentHash: hash, roles, reason: SOME_TEXT })),
    sign: () => tried(sign(state, ctx, { contentHash: hash, roles })),
    distribute: () => tried(recordDistribution(state, ctx, { recipients: [SOME_TEXT] })),
    confirm_review: () => tried(confirmReview(state, ctx)),
    withdraw: () => tried(withdraw(state, ctx, SOME_TEXT)),
    terminate: () => tried(terminate(state, ctx, SOME_TEXT)),
  }
  return PERSON_ACTS.map((act) => ({ act, ...trials[act]() }))
}

type Choice = { allowed: boolean; reason?: string }

/** Accepted with something to record is allowed; accepted with nothing to do is refused with `idle`. */
function tried(decision: Decision, idle?: string): Choice {
  if (!decision.ok) return { allowed: false, reason: decision.reason }
  if (decision.events.length === 0 && idle !== undefined) return { allowed: false, reason: idle }
  return { allowed: true }
}

// An edit is a revision with other content: of the open edition, or a new edition of the one in force.
function changedRevision(open: Edition | undefined) {
  return {
    contentHash: `${open?.contentHash ?? ''}~`,
    sections: open?.sections ?? {},
    term: open?.term ?? {},
  }
}
