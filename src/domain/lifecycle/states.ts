// The states an edition of an agreement goes through, and which act moves it where. An
// edition is one instrument on its way to being in force: its first draft, the negotiation,
// three approvals, the signatures, and its life in force until a later edition supersedes it.

export const EDITION_STATES = [
  'draft',
  'negotiation',
  'management_approval',
  'legal_review',
  'final_approval',
  'signing',
  'signed',
  'distributed',
  'in_force',
  'review_due',
  'superseded',
  'expired',
  'terminated',
  'withdrawn',
] as const
export type EditionState = (typeof EDITION_STATES)[number]

/** Before signature: the content may still change, and the edition may be withdrawn. */
export const OPEN_STATES: readonly EditionState[] = [
  'draft',
  'negotiation',
  'management_approval',
  'legal_review',
  'final_approval',
  'signing',
]
/** Signed, waiting for its effective date. */
export const PENDING_STATES: readonly EditionState[] = ['signed', 'distributed']
/** In force (a review being due does not end it). */
export const LIVE_STATES: readonly EditionState[] = ['in_force', 'review_due']

/** The agreement's `spec.approvals` lists name who approves each of the three stages. */
export type ApprovalStage = 'management' | 'legal' | 'final'
export const STAGE_OF_STATE: Partial<Record<EditionState, ApprovalStage>> = {
  management_approval: 'management',
  legal_review: 'legal',
  final_approval: 'final',
}

export const ACTS = [
  'edit',
  'negotiate',
  'submit',
  'approve',
  'reject',
  'sign',
  'distribute',
  'take_effect',
  'supersede',
  'review_due',
  'confirm_review',
  'expire',
  'terminate',
  'withdraw',
] as const
export type Act = (typeof ACTS)[number]

type Move = { act: Act; from: readonly EditionState[]; to: EditionState | 'same' }
const APPROVALS: readonly EditionState[] = ['management_approval', 'legal_review', 'final_approval']

// The whole machine, one row per move. `approve` and `edit` are refined below.
const MOVES: readonly Move[] = [
  { act: 'edit', from: ['draft', 'negotiation'], to: 'same' },
  // An edit after submission voids the approvals and signatures: back to the table.
  { act: 'edit', from: [...APPROVALS, 'signing'], to: 'negotiation' },
  { act: 'negotiate', from: ['draft'], to: 'negotiation' },
  { act: 'submit', from: ['negotiation'], to: 'management_approval' },
  { act: 'approve', from: APPROVALS, to: 'same' },
  { act: 'reject', from: APPROVALS, to: 'negotiation' },
  // The last signature moves it on; before that it stays in signing.
  { act: 'sign', from: ['signing'], to: 'signed' },
  { act: 'distribute', from: ['signed'], to: 'distributed' },
  { act: 'distribute', from: ['distributed', ...LIVE_STATES], to: 'same' },
  { act: 'take_effect', from: PENDING_STATES, to: 'in_force' },
  { act: 'supersede', from: LIVE_STATES, to: 'superseded' },
  { act: 'review_due', from: ['in_force'], to: 'review_due' },
  { act: 'confirm_review', from: ['review_due'], to: 'in_force' },
  { act: 'expire', from: LIVE_STATES, to: 'expired' },
  { act: 'terminate', from: LIVE_STATES, to: 'terminated' },
  { act: 'withdraw', from: OPEN_STATES, to: 'withdrawn' },
]

const AFTER_APPROVAL: Partial<Record<EditionState, EditionState>> = {
  management_approval: 'legal_review',
  legal_review: 'final_approval',
  final_approval: 'signing',
}

/** Where `act` takes an edition in state `from`, or undefined when the act does not apply there. */
export function nextState(from: EditionState, act: Act): EditionState | undefined {
  const move = MOVES.find((m) => m.act === act && m.from.includes(from))
  if (move === undefined) return undefined
  if (act === 'approve') return AFTER_APPROVAL[from]
  return move.to === 'same' ? from : move.to
}

const LABELS: Record<EditionState, string> = {
  draft: 'a draft',
  negotiation: 'in negotiation',
  management_approval: 'awaiting management approval',
  legal_review: 'in legal review',
  final_approval: 'awaiting final approval',
  signing: 'awaiting signatures',
  signed: 'signed',
  distributed: 'signed and distributed',
  in_force: 'in force',
  review_due: 'in force with its review due',
  superseded: 'superseded',
  expired: 'expired',
  terminated: 'terminated',
  withdrawn: 'withdrawn',
}

/** "in legal review", for sentences such as "edition 2 is in legal review". */
export function describeState(state: EditionState): string {
  return LABELS[state]
}
