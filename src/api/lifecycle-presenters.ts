// The lifecycle's records as the API shows them: snake_case, nulls for what is not there.
import type { z } from 'zod'
import type { AgreementActs } from '../actions/list-agreement-acts.ts'
import type { LifecycleView, RevisionRow } from '../actions/read-agreement-lifecycle.ts'
import type { DraftResult } from '../actions/save-agreement-draft.ts'
import { formatPath } from '../domain/issues.ts'
import type { ChainedEntry, ChainVerdict } from '../domain/lifecycle/audit-chain.ts'
import type { Comment, Edition } from '../domain/lifecycle/replay.ts'
import type { Mark, SectionStatus } from '../domain/lifecycle/sections.ts'
import type * as L from './schemas/lifecycle.ts'

type Out<S extends z.ZodType> = z.output<S>

export function presentDraft(d: DraftResult): Out<typeof L.DraftResultSchema> {
  const { contentHash, state, ...rest } = d
  return { ...rest, content_hash: contentHash, state: state as Edition['state'] }
}

export function presentRevision(r: RevisionRow): Out<typeof L.RevisionSchema> {
  return {
    agreement: r.agreement_id,
    revision: r.revision,
    edition: r.edition,
    content_hash: r.content_hash,
    section_hashes: r.section_hashes,
    created_by: r.created_by,
    created_at: r.created_at.toISOString(),
    document: JSON.parse(r.document),
  }
}

function presentEdition(e: Edition): Out<typeof L.EditionSchema> {
  return {
    edition: e.edition,
    state: e.state,
    revision: e.revision,
    content_hash: e.contentHash,
    based_on: e.basedOn ?? null,
    since: e.since,
    term: e.term,
    version: e.version ?? null,
    effective_at: e.effectiveAt ?? null,
    review_due: e.reviewDue ?? null,
    approvals: e.approvals.map((a) => ({
      stage: a.stage,
      approver: a.approver ?? null,
      user: a.user,
      at: a.at,
      content_hash: a.contentHash,
    })),
    signatures: e.signatures.map((s) => ({
      party: s.party,
      contact: s.contact,
      name: s.name,
      email: s.email,
      content_hash: s.contentHash,
      auth_method: s.authMethod,
      at: s.at,
    })),
    acknowledged: e.acknowledged ?? null,
  }
}

export function presentLifecycle(v: LifecycleView): Out<typeof L.LifecycleSchema> {
  const current = v.current
  return {
    agreement: v.agreement,
    head: v.head,
    editions: v.editions.map(presentEdition),
    current:
      current === undefined
        ? null
        : {
            ...presentEdition(current),
            sections: current.sectionStatus.map(presentSection),
            awaiting: current.awaiting,
          },
    roles: v.roles,
    comments: v.comments.map(presentComment),
  }
}

function presentSection(s: SectionStatus) {
  const mark = (m: Mark | null) => {
    if (m === null) return null
    const { sectionHash: _hash, ...shown } = m
    return shown
  }
  return {
    section: s.section,
    hash: s.hash,
    present: s.present,
    agreed: s.agreed,
    provider: mark(s.parties.provider),
    customer: mark(s.parties.customer),
  }
}

function presentComment(c: Comment) {
  return {
    id: c.seq,
    edition: c.edition,
    revision: c.revision,
    section: c.section ?? null,
    reply_to: c.replyTo ?? null,
    author: { user: c.author.user, name: c.author.name ?? null, organisation: c.author.organisation },
    at: c.at,
    body: c.body,
  }
}

export function presentHistory(
  agreement: string,
  entries: readonly ChainedEntry[],
): Out<typeof L.HistorySchema> {
  return {
    agreement,
    items: entries.map((e) => ({
      seq: e.seq,
      type: e.type,
      actor: e.actor,
      at: e.at,
      payload: e.payload,
      prev_hash: e.prevHash,
      hash: e.hash,
    })),
  }
}

export function presentVerification(agreement: string, v: ChainVerdict): Out<typeof L.VerificationSchema> {
  return { agreement, ...v }
}

export function presentActs(a: AgreementActs): Out<typeof L.ActsSchema> {
  const e = a.edition
  return {
    agreement: a.agreement,
    edition:
      e === undefined
        ? null
        : { edition: e.edition, state: e.state, revision: e.revision, content_hash: e.contentHash },
    party: a.party ?? null,
    acts: a.acts.map((x) => ({ act: x.act, allowed: x.allowed, reason: x.reason ?? null })),
    findings: a.findings.map((f) => ({
      rule: f.rule,
      level: f.level,
      path: formatPath(f.path),
      message: f.message,
      hint: f.hint ?? null,
    })),
  }
}
