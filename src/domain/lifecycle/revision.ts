// What the lifecycle reads from a revision's document: its content hash (what approvals and
// signatures bind to), its section hashes, the dates of its term, and who approves and signs.
import { contentHash } from '../agreement/content-hash.ts'
import type { Agreement } from '../agreement/schema.ts'
import type { TermFacts } from './events.ts'
import type { RevisionInput } from './negotiation.ts'
import { type RevisionRoles, revisionRoles } from './roles.ts'
import { sectionHashes } from './sections.ts'

export function readRevision(agreement: Agreement): RevisionInput & { roles: RevisionRoles } {
  const term = agreement.spec.term
  const facts: TermFacts = {
    ...(term?.effectiveFrom === undefined ? {} : { effectiveFrom: term.effectiveFrom }),
    ...(term?.effectiveTo === undefined ? {} : { effectiveTo: term.effectiveTo }),
    ...(term?.review?.every === undefined ? {} : { reviewEvery: term.review.every }),
    ...(term?.review?.next === undefined ? {} : { reviewNext: term.review.next }),
  }
  return {
    contentHash: contentHash(agreement),
    sections: sectionHashes(agreement),
    term: facts,
    roles: revisionRoles(agreement),
  }
}
