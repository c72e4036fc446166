// The lifecycle's state is what its audit log adds up to: the log is the record, and this fold
// is the only reading of it. Nothing is kept that the log could contradict.
import type { ApprovalDecision, AuditActor, LifecycleEvent, Signature, TermFacts } from './events.ts'
import type { Marks } from './sections.ts'
import type { EditionState } from './states.ts'

export type Approval = ApprovalDecision & { user: string; name?: string; at: string }
export type SignatureRecord = Signature & { user: string; at: string }
export type Comment = {
  seq: number
  edition: number
  revision: number
  body: string
  section?: string
  replyTo?: number
  author: AuditActor
  at: string
}

export type Edition = {
  edition: number
  state: EditionState
  revision: number
  contentHash: string
  sections: Record<string, string>
  /** Every section this edition's negotiation covers: those of any of its revisions, and of its base. */
  sectionKeys: string[]
  term: TermFacts
  basedOn?: number
  /** Of the current round: a new revision or a rejection starts a new one. */
  approvals: Approval[]
  signatures: SignatureRecord[]
  acknowledged?: { by: string; at: string; rules: string[] }
  version?: number
  effectiveAt?: string
  reviewDue?: string
  /** When it entered its current state. */
  since: string
}

export type LifecycleState = {
  agreement: string
  editions: Edition[]
  marks: Marks
  comments: Comment[]
  lastRevision: number
}

/** What an event needs to know about its entry: when, by whom, and its place in the log. */
export type EntryMeta = { seq: number; actor: AuditActor; at: string }

export function emptyLifecycle(agreement: string): LifecycleState {
  return { agreement, editions: [], marks: {}, comments: [], lastRevision: 0 }
}

export function replay(
  agreement: string,
  entries: readonly ({ type: string; payload: unknown } & EntryMeta)[],
): LifecycleState {
  const state = emptyLifecycle(agreement)
  for (const entry of entries) applyEvent(state, entry as unknown as LifecycleEvent, entry)
  return state
}

/** Applies one event to the state in place (callers that need the old state clone it first). */
export function applyEvent(state: LifecycleState, event: LifecycleEvent, meta: EntryMeta): void {
  const p = event.payload as { edition?: number; to?: EditionState }
  if (event.type === 'revision.saved') applyRevision(state, event.payload, meta)
  const edition = state.editions.find((e) => e.edition === p.edition)
  if (edition === undefined) return
  if (p.to !== undefined && p.to !== edition.state) {
    edition.state = p.to
    edition.since = meta.at
  }
  applyDetails(state, edition, event, meta)
}

function applyRevision(
  state: LifecycleState,
  p: Extract<LifecycleEvent, { type: 'revision.saved' }>['payload'],
  meta: EntryMeta,
): void {
  state.lastRevision = p.revision
  let edition = state.editions.find((e) => e.edition === p.edition)
  if (edition === undefined) {
    const base = state.editions.find((e) => e.edition === p.basedOn)
    edition = {
      edition: p.edition,
      state: p.to,
      revision: p.revision,
      contentHash: p.contentHash,
      sections: p.sections,
      sectionKeys: Object.keys(base?.sections ?? {}),
      term: p.term,
      approvals: [],
      signatures: [],
      since: meta.at,
      ...(p.basedOn === undefined ? {} : { basedOn: p.basedOn }),
    }
    state.editions.push(edition)
  }
  Object.assign(edition, {
    revision: p.revision,
    contentHash: p.contentHash,
    sections: p.sections,
    term: p.term,
  })
  edition.sectionKeys = [...new Set([...edition.sectionKeys, ...Object.keys(p.sections)])]
  edition.approvals = []
  edition.signatures = []
  delete edition.acknowledged
}

function applyDetails(state: LifecycleState, edition: Edition, event: LifecycleEvent, meta: EntryMeta): void {
  const { user, name } = meta.actor
  const who = { user, ...(name === undefined ? {} : { name }), at: meta.at }
  switch (event.type) {
    case 'section.agreed':
    case 'section.reopened': {
      const { section, party, sectionHash } = event.payload
      const reason = event.type === 'section.reopened' ? event.payload.reason : undefined
      const status = event.type === 'section.agreed' ? 'agreed' : 'pending'
      state.marks[section] = {
        ...state.marks[section],
        [party]: { status, sectionHash, ...who, ...(reason === undefined ? {} : { reason }) },
      }
      return
    }
    case 'comment.added':
      state.comments.push({ seq: meta.seq, ...event.payload, author: meta.actor, at: meta.at })
      return
    case 'approval.submitted':
      edition.approvals = []
      edition.signatures = []
      edition.acknowledged = { by: user, at: meta.at, rules: event.payload.acknowledged.map((w) => w.rule) }
      return
    case 'approval.granted':
      edition.approvals.push({ ...decisionOf(event.payload), ...who })
      return
    case 'approval.rejected':
      edition.approvals = []
      return
    case 'signature.added': {
      const { edition: _e, from: _f, to: _t, ...signature } = event.payload
      edition.signatures.push({ ...signature, user, at: meta.at })
      if (signature.effectiveAt !== undefined) edition.effectiveAt = signature.effectiveAt
      return
    }
    case 'version.recorded':
      edition.version = event.payload.version
      edition.effectiveAt = event.payload.effectiveAt
      return
    case 'edition.in_force':
    case 'review.due':
    case 'review.confirmed':
      applyReviewDate(edition, event)
      return
  }
}

function applyReviewDate(edition: Edition, event: LifecycleEvent): void {
  const due =
    event.type === 'edition.in_force'
      ? event.payload.reviewDue
      : event.type === 'review.due'
        ? event.payload.due
        : event.type === 'review.confirmed'
          ? event.payload.nextDue
          : undefined
  if (due === undefined) delete edition.reviewDue
  else edition.reviewDue = due
}

function decisionOf(p: ApprovalDecision): ApprovalDecision {
  return {
    stage: p.stage,
    contentHash: p.contentHash,
    ...(p.approver === undefined ? {} : { approver: p.approver }),
  }
}
