// An author saves a revision of an agreement (YAML or JSON text): validated as an upload is,
// kept whole as an immutable snapshot with its content and section hashes, and recorded in the
// audit log. It continues the edition being worked on, or starts a new one; it measures no
// ticket until it is signed and in force.
import { canonicalJson } from '../domain/agreement/content-hash.ts'
import { parseAgreement } from '../domain/agreement/parse-agreement.ts'
import { AppError } from '../domain/app-error.ts'
import { openEdition } from '../domain/lifecycle/decision.ts'
import type { LifecycleEvent } from '../domain/lifecycle/events.ts'
import { saveRevision } from '../domain/lifecycle/negotiation.ts'
import { readRevision } from '../domain/lifecycle/revision.ts'
import { findAgreement } from '../storage/agreements.ts'
import { insertRevision } from '../storage/lifecycle.ts'
import { findOrganisation } from '../storage/organisations.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'
import { commit, withLifecycle } from './lifecycle-session.ts'

export type DraftResult = {
  agreement: string
  edition: number
  revision: number
  contentHash: string
  created: boolean
  state: string
  /** Sections whose agreement this revision reset. */
  changed: string[]
  /** What an edit after submission voided. */
  invalidated?: { approvals: number; signatures: number }
  warnings: unknown[]
}

export async function saveAgreementDraft(
  deps: Deps,
  actor: Actor,
  input: { text: string; filename?: string; agreementId?: string },
): Promise<DraftResult> {
  // Customers never write revisions; refusing first keeps others' agreements unseen.
  requireRole(actor, 'admin', 'agent')
  const parsed = parseAgreement(input.text, { filename: input.filename })
  if (!parsed.ok) throw new AppError('invalid_input', 'the agreement is not valid', parsed.issues)
  const agreement = parsed.agreement
  const id = agreement.metadata.id
  if (input.agreementId !== undefined && input.agreementId !== id) {
    throw new AppError('invalid_input', `the document is agreement "${id}", not "${input.agreementId}"`, [
      { path: ['metadata', 'id'], message: `expected "${input.agreementId}"` },
    ])
  }
  const customerId = await checkCustomer(deps, id, agreement.spec.parties.customer.id)
  const revision = readRevision(agreement)
  const create = {
    id,
    customer_id: customerId,
    provider_id: agreement.spec.parties.provider.id,
    kind: agreement.kind,
    title: agreement.metadata.title,
  }
  return withLifecycle(
    deps,
    actor,
    id,
    async (session) => {
      const [saved] = await commit(session, saveRevision(session.state, session.ctx, revision))
      if (saved?.type === 'revision.saved') {
        await insertRevision(session.tx, {
          customer_id: customerId,
          agreement_id: id,
          revision: saved.payload.revision,
          edition: saved.payload.edition,
          content_hash: revision.contentHash,
          section_hashes: revision.sections,
          document: canonicalJson(agreement),
          created_by: actor.userId,
          created_at: new Date(session.ctx.now),
        })
      }
      // Unchanged content recorded nothing: the answer is the open edition as it stands.
      const edition =
        saved?.type === 'revision.saved'
          ? session.state.editions.find((e) => e.edition === saved.payload.edition)
          : openEdition(session.state)
      return result(id, edition, saved, parsed.warnings)
    },
    create,
  )
}

async function checkCustomer(deps: Deps, id: string, customerId: string): Promise<string> {
  if (!(await findOrganisation(deps.db, customerId))) {
    throw new AppError(
      'invalid_input',
      `the customer "${customerId}" is not an organisation here; create it first`,
      [{ path: ['spec', 'parties', 'customer', 'id'], message: `no organisation "${customerId}"` }],
    )
  }
  const existing = await findAgreement(deps.db, id)
  if (existing !== undefined && existing.customer_id !== customerId) {
    throw new AppError(
      'invalid_input',
      `agreement "${id}" is with "${existing.customer_id}"; a revision cannot change its customer`,
      [{ path: ['spec', 'parties', 'customer', 'id'], message: `expected "${existing.customer_id}"` }],
    )
  }
  return customerId
}

function result(
  agreement: string,
  edition: { edition: number; revision: number; contentHash: string; state: string } | undefined,
  saved: LifecycleEvent | undefined,
  warnings: unknown[],
): DraftResult {
  if (edition === undefined) throw new AppError('internal', `the revision of "${agreement}" was not recorded`)
  const payload = saved?.type === 'revision.saved' ? saved.payload : undefined
  return {
    agreement,
    edition: edition.edition,
    revision: edition.revision,
    contentHash: edition.contentHash,
    created: payload !== undefined,
    state: edition.state,
    changed: payload?.changed ?? [],
    ...(payload?.invalidated === undefined ? {} : { invalidated: payload.invalidated }),
    warnings,
  }
}
