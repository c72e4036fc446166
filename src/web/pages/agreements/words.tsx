// How the agreement pages name things: edition states (with a badge tone, so colour never
// speaks alone), the acts, the sections of the schema and the audit log's events.
import type { EditionState } from '../../../domain/lifecycle/states.ts'
import type { ActName } from './agreement-data.ts'

type Tone = 'ok' | 'warn' | 'bad' | 'paused' | 'neutral'

const STATES: Record<EditionState, [string, Tone]> = {
  draft: ['Draft', 'neutral'],
  negotiation: ['In negotiation', 'paused'],
  management_approval: ['Management approval', 'warn'],
  legal_review: ['Legal review', 'warn'],
  final_approval: ['Final approval', 'warn'],
  signing: ['Awaiting signatures', 'warn'],
  signed: ['Signed', 'ok'],
  distributed: ['Signed and distributed', 'ok'],
  in_force: ['In force', 'ok'],
  review_due: ['Review due', 'warn'],
  superseded: ['Superseded', 'neutral'],
  expired: ['Expired', 'neutral'],
  terminated: ['Terminated', 'bad'],
  withdrawn: ['Withdrawn', 'neutral'],
}

export function StateBadge({ state }: { state: EditionState | null | undefined }) {
  if (state === null || state === undefined) return <span className="badge neutral">No lifecycle</span>
  const [label, tone] = STATES[state]
  return <span className={`badge ${tone}`}>{label}</span>
}

export const stateLabel = (state: EditionState) => STATES[state][0]

export const ACT_LABELS: Record<ActName, string> = {
  edit: 'Edit: save a new revision',
  negotiate: 'Open the negotiation',
  agree: 'Agree to every section',
  reopen: 'Reopen sections',
  comment: 'Comment',
  submit: 'Submit for approval',
  approve: 'Approve',
  reject: 'Reject',
  sign: 'Sign',
  distribute: 'Distribute the signed agreement',
  confirm_review: 'Confirm the review',
  withdraw: 'Withdraw this edition',
  terminate: 'Terminate the agreement',
}

const SECTION_NAMES: Record<string, string> = {
  metadata: 'Title and identity',
  vip: 'VIP users',
  kpis: 'KPIs',
  thirdParties: 'Third parties',
  disasterRecovery: 'Disaster recovery',
  regressionTests: 'Regression tests',
  otherResources: 'Other resources',
  supportProcess: 'Support process',
}

/** `disasterRecovery` → "Disaster recovery". */
export function sectionName(key: string): string {
  const known = SECTION_NAMES[key]
  if (known) return known
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const EVENTS: Record<string, string> = {
  'revision.saved': 'Revision saved',
  'negotiation.opened': 'Negotiation opened',
  'section.agreed': 'Section agreed',
  'section.reopened': 'Section reopened',
  'comment.added': 'Comment',
  'approval.submitted': 'Submitted for approval',
  'approval.granted': 'Approved',
  'approval.rejected': 'Rejected',
  'signature.added': 'Signed',
  'version.recorded': 'Version recorded',
  'distribution.recorded': 'Distributed',
  'edition.in_force': 'In force',
  'edition.superseded': 'Superseded',
  'review.due': 'Review due',
  'review.confirmed': 'Review confirmed',
  'edition.expired': 'Expired',
  'edition.terminated': 'Terminated',
  'edition.withdrawn': 'Withdrawn',
  'document.sealed': 'Document sealed',
  'check.failed': 'Check failed',
  'check.cleared': 'Check cleared',
}

export const eventName = (type: string) => EVENTS[type] ?? type

export { plural } from '../../components/words.ts'
