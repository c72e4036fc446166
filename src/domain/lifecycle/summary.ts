// Where an agreement stands, for people: each edition, and for the one being worked on, its
// sections and what it waits for (whose agreement, approval or signature).
import { currentEdition } from './decision.ts'
import type { Comment, Edition, LifecycleState } from './replay.ts'
import { listContacts, type RevisionRoles } from './roles.ts'
import { PARTIES, type SectionStatus, sectionStatus } from './sections.ts'
import { STAGE_OF_STATE } from './states.ts'

export type LifecycleSummary = {
  agreement: string
  editions: Edition[]
  /** The edition being worked on, else the one about to take effect, else the one in force. */
  current?: Edition & { sectionStatus: SectionStatus[]; awaiting: string[] }
  comments: Comment[]
}

/** `roles` are the current edition's revision's: who approves and signs it. */
export function summarise(state: LifecycleState, roles?: RevisionRoles): LifecycleSummary {
  const edition = currentEdition(state)
  const base = { agreement: state.agreement, editions: state.editions, comments: state.comments }
  if (edition === undefined) return base
  const sections = sectionStatus(edition.sectionKeys, edition.sections, state.marks)
  return {
    ...base,
    current: { ...edition, sectionStatus: sections, awaiting: awaiting(edition, sections, roles) },
  }
}

function awaiting(edition: Edition, sections: readonly SectionStatus[], roles?: RevisionRoles): string[] {
  const stage = STAGE_OF_STATE[edition.state]
  if (stage !== undefined) {
    const named = roles?.approvers[stage] ?? []
    return [
      named.length === 0
        ? `${stage} approval by an admin (the agreement names no ${stage} approvers)`
        : `${stage} approval by one of ${listContacts(named)}`,
    ]
  }
  switch (edition.state) {
    case 'draft':
      return ["the provider's staff to open the negotiation"]
    case 'negotiation':
      return negotiationWaits(sections)
    case 'signing':
      return PARTIES.filter((p) => !edition.signatures.some((s) => s.party === p)).map((p) => {
        const signatory = roles?.signatories[p]
        return `the ${p}'s signature${signatory === undefined ? '' : ` by ${listContacts([signatory])}`}`
      })
    case 'signed':
      return [`distribution, and taking effect at ${edition.effectiveAt}`]
    case 'distributed':
      return [`taking effect at ${edition.effectiveAt}`]
    case 'in_force':
      return edition.reviewDue === undefined ? [] : [`its review on ${edition.reviewDue}`]
    case 'review_due':
      return ["the provider's staff to confirm the review, or a new revision"]
    default:
      return []
  }
}

function negotiationWaits(sections: readonly SectionStatus[]): string[] {
  const open = sections.flatMap((s) =>
    PARTIES.filter((p) => s.parties[p]?.status !== 'agreed').map(
      (p) => `the ${p}'s agreement to ${s.section}`,
    ),
  )
  return open.length > 0 ? open : ["the provider's staff to submit it for approval"]
}
