// Submission for approval: the gate between negotiation and the approvers. Every section is
// agreed by both parties, the lint rules of submission find no error, every warning is
// acknowledged (and the acknowledgement recorded), and both parties have a signatory who can
// sign, so that no approval is spent on an agreement nobody could sign.
import { formatPath } from '../issues.ts'
import type { Finding } from '../lint/rule.ts'
import {
  accept,
  type CommandContext,
  type Decision,
  isRefusal,
  moveOf,
  refuse,
  requireOpen,
} from './decision.ts'
import type { AcknowledgedWarning } from './events.ts'
import type { Edition, LifecycleState } from './replay.ts'
import { isStaff, type RevisionRoles } from './roles.ts'
import { PARTIES, type SectionStatus, sectionStatus } from './sections.ts'

export type SubmitInput = {
  /** The findings of the rules run at submission, on the current revision. */
  findings: readonly Finding[]
  /** The rule ids of the warnings the submitter acknowledges. */
  acknowledge: readonly string[]
  roles: RevisionRoles
}

export function submitForApproval(state: LifecycleState, ctx: CommandContext, input: SubmitInput): Decision {
  if (!isStaff(ctx.actor))
    return refuse('forbidden', "only the provider's staff submit an agreement for approval")
  const edition = requireOpen(state)
  if (isRefusal(edition)) return edition
  const to = moveOf(edition, 'submit', 'submission for approval comes after negotiation')
  if (isRefusal(to)) return to
  const blocked = unagreed(edition, state) ?? unsignable(edition, input.roles) ?? lintErrors(input.findings)
  if (blocked !== undefined) return refuse('conflict', blocked)
  const warnings = input.findings.filter((f) => f.level === 'warning')
  const missing = warnings.filter((w) => !input.acknowledge.includes(w.rule))
  if (missing.length > 0) {
    return refuse(
      'conflict',
      `${count(missing.length, 'warning')} ${missing.length === 1 ? 'needs' : 'need'} an acknowledgement before submission: ${missing.map(describe).join('; ')}. ` +
        `Submit again acknowledging ${[...new Set(missing.map((w) => w.rule))].join(', ')}`,
    )
  }
  const acknowledged: AcknowledgedWarning[] = warnings.map((w) => ({
    rule: w.rule,
    path: formatPath(w.path),
    message: w.message,
  }))
  const { revision, contentHash } = edition
  return accept({
    type: 'approval.submitted',
    payload: { edition: edition.edition, from: edition.state, to, revision, contentHash, acknowledged },
  })
}

function unagreed(edition: Edition, state: LifecycleState): string | undefined {
  const open = sectionStatus(edition.sectionKeys, edition.sections, state.marks).filter((s) => !s.agreed)
  if (open.length === 0) return undefined
  return `every section must be agreed by both parties before submission; not yet: ${open.map(waitingOn).join(', ')}`
}

function waitingOn(s: SectionStatus): string {
  const reopened = PARTIES.filter((p) => s.parties[p]?.status === 'pending')
  const missing = PARTIES.filter((p) => s.parties[p] === null)
  const parts = [
    ...reopened.map(
      (p) => `the ${p} reopened it${s.parties[p]?.reason ? ` ("${s.parties[p]?.reason}")` : ''}`,
    ),
    ...(missing.length > 0 ? [`waiting for the ${missing.join(' and the ')}`] : []),
  ]
  return `${s.section}${s.present ? '' : ' (removed)'} (${parts.join('; ')})`
}

function unsignable(edition: Edition, roles: RevisionRoles): string | undefined {
  const problems = PARTIES.flatMap((party) => {
    const signatory = roles.signatories[party]
    if (signatory === undefined) return [`the ${party} names no signatory (spec.parties.${party}.signatory)`]
    if (signatory.email === undefined)
      return [`the ${party}'s signatory ${signatory.contact} has no email to sign in with`]
    return []
  })
  if (edition.term.effectiveFrom === undefined) problems.push('the agreement has no spec.term.effectiveFrom')
  return problems.length === 0
    ? undefined
    : `this agreement could not be signed and take effect: ${problems.join('; ')}`
}

function lintErrors(findings: readonly Finding[]): string | undefined {
  const errors = findings.filter((f) => f.level === 'error')
  if (errors.length === 0) return undefined
  return `the lint rules find ${count(errors.length, 'error')}; fix them in a new revision: ${errors.map(describe).join('; ')}`
}

function describe(f: Finding): string {
  return `${f.rule} at ${formatPath(f.path)}: ${f.message}`
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
