// The approvals (management, legal review, final approval), the signatures, and withdrawal.
// Each approval and signature carries the content hash it was given, and is refused when that
// is not the current revision's.
import { parseLocalDate } from '../local-date.ts'
import { DAY } from '../time-zone.ts'
import {
  accept,
  type CommandContext,
  type Decision,
  isRefusal,
  moveOf,
  openEdition,
  type Refusal,
  refuse,
  requireCurrentHash,
  requireOpen,
} from './decision.ts'
import type { Party } from './events.ts'
import type { Edition, LifecycleState } from './replay.ts'
import { contactOf, isStaff, listContacts, type NamedContact, type RevisionRoles, whoIs } from './roles.ts'
import { PARTIES } from './sections.ts'
import { type ApprovalStage, describeState, STAGE_OF_STATE } from './states.ts'

export type DecisionInput = { contentHash: string; roles: RevisionRoles }

type Approving = { edition: Edition; stage: ApprovalStage; approver?: string }

/** The stage the edition awaits and whether this actor is one who may decide it. */
function approving(state: LifecycleState, ctx: CommandContext, input: DecisionInput): Approving | Refusal {
  const edition = requireOpen(state)
  if (isRefusal(edition)) return edition
  const stale = requireCurrentHash(edition, input.contentHash, 'approval')
  if (stale !== undefined) return stale
  const stage = STAGE_OF_STATE[edition.state]
  if (stage === undefined) {
    return refuse(
      'conflict',
      `edition ${edition.edition} is ${describeState(edition.state)}: it awaits no approval`,
    )
  }
  const named = input.roles.approvers[stage]
  if (named.length === 0) {
    if (ctx.actor.role === 'admin') return { edition, stage }
    return refuse(
      'forbidden',
      `the agreement names no ${stage} approvers (spec.approvals.${stage}), so an admin decides ` +
        `${describeState(edition.state)}; ${whoIs(ctx.actor)} is not one`,
    )
  }
  const contact = contactOf(ctx.actor, named)
  if (contact === undefined) {
    return refuse(
      'forbidden',
      `edition ${edition.edition} is ${describeState(edition.state)}, which only the ${stage} approvers the agreement ` +
        `names decide (spec.approvals.${stage}): ${listContacts(named)}; ${whoIs(ctx.actor)} is not one of them`,
    )
  }
  return { edition, stage, approver: contact.contact }
}

export function approve(
  state: LifecycleState,
  ctx: CommandContext,
  input: DecisionInput & { note?: string },
): Decision {
  const a = approving(state, ctx, input)
  if (isRefusal(a)) return a
  const to = moveOf(a.edition, 'approve', 'it awaits no approval')
  if (isRefusal(to)) return to
  return accept({
    type: 'approval.granted',
    payload: {
      edition: a.edition.edition,
      from: a.edition.state,
      to,
      stage: a.stage,
      contentHash: a.edition.contentHash,
      ...(a.approver === undefined ? {} : { approver: a.approver }),
      ...(input.note === undefined ? {} : { note: input.note }),
    },
  })
}

/** An approver sends the edition back to negotiation, saying why. */
export function reject(
  state: LifecycleState,
  ctx: CommandContext,
  input: DecisionInput & { reason: string },
): Decision {
  const reason = input.reason.trim()
  if (reason === '') return refuse('invalid_input', 'say why the agreement is rejected (a reason)')
  const a = approving(state, ctx, input)
  if (isRefusal(a)) return a
  const to = moveOf(a.edition, 'reject', 'it awaits no approval')
  if (isRefusal(to)) return to
  const approver = a.approver === undefined ? {} : { approver: a.approver }
  return accept({
    type: 'approval.rejected',
    payload: {
      edition: a.edition.edition,
      from: a.edition.state,
      to,
      stage: a.stage,
      contentHash: a.edition.contentHash,
      ...approver,
      reason,
    },
  })
}

/**
 * A signatory signs as themselves: the signed-in user's email is the email of the contact a
 * party names as its signatory. The last signature makes the edition signed, effective from
 * its term's start, or from now when that has passed (nothing binds before it is signed).
 */
export function sign(state: LifecycleState, ctx: CommandContext, input: DecisionInput): Decision {
  const edition = requireOpen(state)
  if (isRefusal(edition)) return edition
  const stale = requireCurrentHash(edition, input.contentHash, 'signature')
  if (stale !== undefined) return stale
  const to = moveOf(edition, 'sign', 'signatures come after the final approval')
  if (isRefusal(to)) return to
  const signing = signatoryOf(edition, ctx, input.roles)
  if (isRefusal(signing)) return signing
  const { party, contact } = signing
  const last = PARTIES.every((p) => p === party || edition.signatures.some((s) => s.party === p))
  const effective = last ? { effectiveAt: effectiveAt(edition, ctx.now) } : {}
  return accept({
    type: 'signature.added',
    payload: {
      edition: edition.edition,
      from: edition.state,
      to: last ? to : edition.state,
      party,
      contact: contact.contact,
      name: ctx.actor.name ?? contact.name,
      email: ctx.actor.email ?? '',
      contentHash: edition.contentHash,
      authMethod: ctx.actor.authMethod,
      ...effective,
    },
  })
}

function signatoryOf(
  edition: Edition,
  ctx: CommandContext,
  roles: RevisionRoles,
): { party: Party; contact: NamedContact } | Refusal {
  const named = PARTIES.flatMap((party) => {
    const contact = roles.signatories[party]
    return contact === undefined ? [] : [{ party, contact }]
  })
  const mine = named.find((n) => contactOf(ctx.actor, [n.contact]) !== undefined)
  if (mine === undefined) {
    const who = named.map((n) => `${listContacts([n.contact])} for the ${n.party}`).join(' and ')
    return refuse(
      'forbidden',
      `only the signatories the agreement names sign it, as themselves: ${who}; ${whoIs(ctx.actor)} is neither`,
    )
  }
  const done = edition.signatures.find((s) => s.party === mine.party)
  if (done !== undefined) {
    return refuse('conflict', `${done.name} signed for the ${mine.party} already, at ${done.at}`)
  }
  return mine
}

function effectiveAt(edition: Edition, now: number): string {
  const day = parseLocalDate(edition.term.effectiveFrom ?? '')
  return new Date(Math.max(day === null ? now : day * DAY, now)).toISOString()
}

/** Withdrawn before signature: the edition ends, and what is in force (if anything) stays. */
export function withdraw(state: LifecycleState, ctx: CommandContext, reason: string): Decision {
  if (!isStaff(ctx.actor)) return refuse('forbidden', "only the provider's staff withdraw an agreement")
  if (reason.trim() === '') return refuse('invalid_input', 'say why the agreement is withdrawn (a reason)')
  // The latest edition, open or not, so that a signed one is refused for being signed.
  const edition = openEdition(state) ?? state.editions.at(-1) ?? requireOpen(state)
  if (isRefusal(edition)) return edition
  const to = moveOf(edition, 'withdraw', 'only an edition not yet signed can be withdrawn')
  if (isRefusal(to)) return to
  return accept({
    type: 'edition.withdrawn',
    payload: { edition: edition.edition, from: edition.state, to, reason: reason.trim() },
  })
}
