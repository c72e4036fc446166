// Writing and negotiating an edition: authors save revisions and open the negotiation; both
// parties agree to or reopen each section and comment on it.
import {
  accept,
  type CommandContext,
  type Decision,
  isRefusal,
  liveEdition,
  moveOf,
  openEdition,
  pendingEdition,
  refuse,
  requireOpen,
} from './decision.ts'
import type { LifecycleEvent, Party, TermFacts } from './events.ts'
import type { Edition, LifecycleState } from './replay.ts'
import { isStaff, partyOf, whoIs } from './roles.ts'
import { changedSections, type SectionStatus, sectionStatus } from './sections.ts'
import { describeState } from './states.ts'

export type RevisionInput = { contentHash: string; sections: Record<string, string>; term: TermFacts }

/**
 * A new revision: the next one of the open edition (an edit after submission sends it back to
 * negotiation and voids its approvals and signatures), or the first of a new edition.
 * Unchanged content decides nothing.
 */
export function saveRevision(state: LifecycleState, ctx: CommandContext, input: RevisionInput): Decision {
  if (!isStaff(ctx.actor)) {
    return refuse(
      'forbidden',
      `only the provider's staff write revisions; ${whoIs(ctx.actor)} may comment on a section instead`,
    )
  }
  const pending = pendingEdition(state)
  if (pending !== undefined) {
    return refuse(
      'conflict',
      `edition ${pending.edition} is ${describeState(pending.state)} and takes effect at ${pending.effectiveAt}; ` +
        'a new revision can start once it is in force',
    )
  }
  const revision = state.lastRevision + 1
  const { contentHash, sections, term } = input
  const open = openEdition(state)
  if (open === undefined) {
    const base = liveEdition(state)
    const edition = (state.editions.at(-1)?.edition ?? 0) + 1
    const changed = changedSections(base?.sections ?? {}, sections)
    const basedOn = base === undefined ? {} : { basedOn: base.edition }
    return accept({
      type: 'revision.saved',
      payload: { edition, revision, contentHash, sections, term, ...basedOn, to: 'draft', changed },
    })
  }
  if (open.contentHash === contentHash) return accept()
  const to = moveOf(open, 'edit', 'it cannot change')
  if (isRefusal(to)) return to
  const voided = { approvals: open.approvals.length, signatures: open.signatures.length }
  const invalidated = to !== open.state ? { invalidated: voided } : {}
  return accept({
    type: 'revision.saved',
    payload: {
      edition: open.edition,
      revision,
      contentHash,
      sections,
      term,
      from: open.state,
      to,
      changed: changedSections(open.sections, sections),
      ...invalidated,
    },
  })
}

/** Draft → negotiation: the parties may now agree to its sections. */
export function openNegotiation(state: LifecycleState, ctx: CommandContext): Decision {
  if (!isStaff(ctx.actor)) return refuse('forbidden', "only the provider's staff open a negotiation")
  const edition = requireOpen(state)
  if (isRefusal(edition)) return edition
  const to = moveOf(edition, 'negotiate', 'a negotiation opens from a draft')
  if (isRefusal(to)) return to
  const { revision, contentHash } = edition
  return accept({
    type: 'negotiation.opened',
    payload: { edition: edition.edition, from: edition.state, to, revision, contentHash },
  })
}

type Negotiating = { edition: Edition; party: Party; statuses: SectionStatus[] }

function negotiating(state: LifecycleState, ctx: CommandContext, verb: string): Negotiating | Decision {
  const party = partyOf(ctx.actor, ctx.customerId)
  if (party === undefined) return refuse('forbidden', `${whoIs(ctx.actor)} negotiates for neither party`)
  const edition = requireOpen(state)
  if (isRefusal(edition)) return edition
  if (edition.state !== 'negotiation') {
    return refuse(
      'conflict',
      `edition ${edition.edition} is ${describeState(edition.state)}: sections are ${verb} during negotiation`,
    )
  }
  return { edition, party, statuses: sectionStatus(edition.sectionKeys, edition.sections, state.marks) }
}

function unknownSections(asked: readonly string[], statuses: readonly SectionStatus[]): Decision | undefined {
  const unknown = asked.filter((s) => !statuses.some((x) => x.section === s))
  if (unknown.length === 0) return undefined
  return refuse(
    'invalid_input',
    `no section ${unknown.map((s) => `"${s}"`).join(', ')} in this agreement; its sections are ` +
      statuses.map((s) => s.section).join(', '),
  )
}

/** The actor's party agrees to these sections (by default, every one it has not agreed to yet). */
export function agreeSections(
  state: LifecycleState,
  ctx: CommandContext,
  sections?: readonly string[],
): Decision {
  const n = negotiating(state, ctx, 'agreed')
  if (!('party' in n)) return n
  const unknown = unknownSections(sections ?? [], n.statuses)
  if (unknown !== undefined) return unknown
  const targets = n.statuses.filter(
    (s) =>
      (sections === undefined || sections.includes(s.section)) && s.parties[n.party]?.status !== 'agreed',
  )
  return accept(...targets.map((s) => mark('section.agreed', n, s)))
}

/** The actor's party takes back its agreement: the section is pending further negotiation. */
export function reopenSections(
  state: LifecycleState,
  ctx: CommandContext,
  sections: readonly string[],
  reason?: string,
): Decision {
  const n = negotiating(state, ctx, 'reopened')
  if (!('party' in n)) return n
  if (sections.length === 0) return refuse('invalid_input', 'name the sections to reopen')
  const unknown = unknownSections(sections, n.statuses)
  if (unknown !== undefined) return unknown
  const targets = n.statuses.filter(
    (s) => sections.includes(s.section) && s.parties[n.party]?.status !== 'pending',
  )
  return accept(...targets.map((s) => mark('section.reopened', n, s, reason)))
}

function mark(
  type: 'section.agreed' | 'section.reopened',
  n: Negotiating,
  s: SectionStatus,
  reason?: string,
): LifecycleEvent {
  const payload = {
    edition: n.edition.edition,
    revision: n.edition.revision,
    section: s.section,
    party: n.party,
    sectionHash: s.hash,
  }
  if (type === 'section.agreed') return { type, payload }
  return { type, payload: { ...payload, ...(reason === undefined ? {} : { reason }) } }
}

export type CommentInput = { body: string; section?: string; replyTo?: number }

/** A comment on the latest edition, on a section or in reply to another comment. */
export function addComment(state: LifecycleState, ctx: CommandContext, input: CommentInput): Decision {
  if (partyOf(ctx.actor, ctx.customerId) === undefined) {
    return refuse('forbidden', `${whoIs(ctx.actor)} negotiates for neither party`)
  }
  const edition = state.editions.at(-1)
  if (edition === undefined) return refuse('conflict', `agreement "${state.agreement}" has no revision yet`)
  const body = input.body.trim()
  if (body === '') return refuse('invalid_input', 'a comment needs some text')
  if (input.section !== undefined && !edition.sectionKeys.includes(input.section)) {
    return refuse(
      'invalid_input',
      `no section "${input.section}"; the sections are ${edition.sectionKeys.join(', ')}`,
    )
  }
  if (input.replyTo !== undefined && !state.comments.some((c) => c.seq === input.replyTo)) {
    return refuse(
      'invalid_input',
      `no comment ${input.replyTo} to reply to in agreement "${state.agreement}"`,
    )
  }
  const { section, replyTo } = input
  return accept({
    type: 'comment.added',
    payload: {
      edition: edition.edition,
      revision: edition.revision,
      body,
      ...(section === undefined ? {} : { section }),
      ...(replyTo === undefined ? {} : { replyTo }),
    },
  })
}
