// The typed events of an agreement's audit log: every act of its lifecycle is one of these,
// appended to the hash chain. The lifecycle's state is what these events add up to.
import type { ApprovalStage, EditionState } from './states.ts'

export type Party = 'provider' | 'customer'

/** Who acted, as recorded: the user, and how they proved it (an API token, a session, the CLI). */
export type AuditActor = {
  user: string
  role: string
  organisation: string
  name?: string
  email?: string
  authMethod: string
}

/** The dates of a revision's term that the lifecycle acts on (local dates, YYYY-MM-DD). */
export type TermFacts = {
  effectiveFrom?: string
  effectiveTo?: string
  reviewEvery?: string
  reviewNext?: string
}

/** A state change: which edition, from where to where. */
type Move = { edition: number; from: EditionState; to: EditionState }

export type AcknowledgedWarning = { rule: string; path: string; message: string }

export type LifecycleEvent =
  | {
      type: 'revision.saved'
      payload: {
        edition: number
        revision: number
        contentHash: string
        sections: Record<string, string>
        term: TermFacts
        /** The edition in force when this one started, whose sections it revises. */
        basedOn?: number
        /** Absent for the first revision of an edition, which starts it as a draft. */
        from?: EditionState
        to: EditionState
        /** Sections whose content changed, so that their agreement no longer holds. */
        changed: string[]
        invalidated?: { approvals: number; signatures: number }
      }
    }
  | { type: 'negotiation.opened'; payload: Move & { revision: number; contentHash: string } }
  | { type: 'section.agreed'; payload: SectionMark }
  | { type: 'section.reopened'; payload: SectionMark & { reason?: string } }
  | {
      type: 'comment.added'
      payload: { edition: number; revision: number; body: string; section?: string; replyTo?: number }
    }
  | {
      type: 'approval.submitted'
      payload: Move & { revision: number; contentHash: string; acknowledged: AcknowledgedWarning[] }
    }
  | { type: 'approval.granted'; payload: Move & ApprovalDecision & { note?: string } }
  | { type: 'approval.rejected'; payload: Move & ApprovalDecision & { reason: string } }
  | { type: 'signature.added'; payload: Move & Signature }
  | {
      type: 'version.recorded'
      payload: { edition: number; version: number; contentHash: string; effectiveAt: string }
    }
  | {
      type: 'distribution.recorded'
      payload: Move & { recipients: string[]; documentSha256?: string; distributionId?: string }
    }
  | {
      type: 'edition.in_force'
      payload: Move & { effectiveAt: string; supersedes?: number; reviewDue?: string }
    }
  | { type: 'edition.superseded'; payload: Move & { by: number } }
  | { type: 'review.due'; payload: Move & { due: string } }
  | { type: 'review.confirmed'; payload: Move & { nextDue?: string; note?: string } }
  | { type: 'edition.expired'; payload: Move & { effectiveTo: string } }
  | { type: 'edition.terminated'; payload: Move & { reason: string } }
  | { type: 'edition.withdrawn'; payload: Move & { reason: string } }
  | { type: RecordedType; payload: Record<string, unknown> }

export type SectionMark = {
  edition: number
  revision: number
  section: string
  party: Party
  sectionHash: string
}

export type ApprovalDecision = {
  stage: ApprovalStage
  contentHash: string
  /** The contact the agreement names as approver; absent when an admin approved a stage naming none. */
  approver?: string
}

export type Signature = {
  party: Party
  contact: string
  name: string
  email: string
  contentHash: string
  authMethod: string
  /** Set with the last signature: the instant the edition takes effect. */
  effectiveAt?: string
}

/**
 * Acts recorded by other parts of Upheld (the sealed document, continuous checks): kept in
 * the same chain, with no effect on the lifecycle's state.
 */
export const RECORDED_TYPES = ['document.sealed', 'check.failed', 'check.cleared'] as const
export type RecordedType = (typeof RECORDED_TYPES)[number]
