// How every lifecycle action runs: in one transaction that holds the agreement's lock, the
// log is read and replayed, the domain decides, and what it decided is chained onto the log.
// The editions' states are then refreshed from the replayed state, never edited by hand.

import type { Agreement } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import { type ChainedEntry, chainEvents } from '../domain/lifecycle/audit-chain.ts'
import { type CommandContext, type Decision, openEdition } from '../domain/lifecycle/decision.ts'
import type { AuditActor, LifecycleEvent } from '../domain/lifecycle/events.ts'
import { applyEvent, type LifecycleState, replay } from '../domain/lifecycle/replay.ts'
import { type ActorFacts, type RevisionRoles, revisionRoles } from '../domain/lifecycle/roles.ts'
import { parseLocalDate } from '../domain/local-date.ts'
import { type AgreementRow, findAgreement, upsertAgreement } from '../storage/agreements.ts'
import { appendAuditEntries, auditEntriesOf, lockAgreement } from '../storage/audit.ts'
import type { Db } from '../storage/db.ts'
import { findRevision, upsertEditions } from '../storage/lifecycle.ts'
import { findUser } from '../storage/users.ts'
import type { Actor, Deps } from './deps.ts'

export type Session = {
  tx: Db
  agreement: AgreementRow
  state: LifecycleState
  ctx: CommandContext
  audit: AuditActor
  last?: { seq: number; hash: string }
  /** The editions an event of this session named: their stored states are refreshed. */
  touched: Set<number>
}

/** The agreement if this actor may see it; another customer's is "not found", as if it did not exist. */
export async function visibleAgreement(db: Db, actor: Actor, id: string): Promise<AgreementRow> {
  const agreement = await findAgreement(db, id)
  if (!agreement || (actor.role === 'customer' && agreement.customer_id !== actor.organisationId)) {
    throw new AppError('not_found', `no agreement "${id}"`)
  }
  return agreement
}

/** The acting user as the lifecycle records them: with email and name, and how they signed in. */
export async function describeActor(db: Db, actor: Actor): Promise<{ facts: ActorFacts; audit: AuditActor }> {
  const user = await findUser(db, actor.userId)
  const authMethod = actor.authMethod ?? 'local'
  const who = user === undefined ? {} : { email: user.email, name: user.name }
  return {
    facts: {
      userId: actor.userId,
      role: actor.role,
      organisationId: actor.organisationId,
      authMethod,
      ...who,
    },
    audit: { user: actor.userId, role: actor.role, organisation: actor.organisationId, authMethod, ...who },
  }
}

/**
 * Runs `work` on the agreement's lifecycle. `create` makes the agreement first when it does
 * not exist (a first draft).
 */
export async function withLifecycle<T>(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  work: (session: Session) => Promise<T>,
  create?: Omit<AgreementRow, 'created_at'>,
): Promise<T> {
  const { facts, audit } = await describeActor(deps.db, actor)
  return deps.db.transaction(async (tx) => {
    if (create !== undefined && (await findAgreement(tx, agreementId)) === undefined)
      await upsertAgreement(tx, create)
    const agreement = await visibleAgreement(tx, actor, agreementId)
    await lockAgreement(tx, agreementId)
    const entries = await auditEntriesOf(tx, agreement.customer_id, agreementId)
    const last = entries.at(-1)
    const session: Session = {
      tx,
      agreement,
      state: replay(agreementId, entries),
      ctx: { actor: facts, customerId: agreement.customer_id, now: deps.now() },
      audit,
      touched: new Set(),
      ...(last === undefined ? {} : { last: { seq: last.seq, hash: last.hash } }),
    }
    const result = await work(session)
    await saveEditions(session)
    return result
  })
}

/** An event as appended to the log: with its place in the chain. */
export type Recorded = ChainedEntry & LifecycleEvent

/** Appends what the domain decided (by `as`, the session's actor by default), or throws its refusal. */
export async function commit(
  session: Session,
  decision: Decision,
  as: AuditActor = session.audit,
): Promise<Recorded[]> {
  if (!decision.ok) throw new AppError(decision.code, decision.reason)
  const entries = chainEvents(session.agreement.id, session.last, decision.events, as, session.ctx.now)
  await appendAuditEntries(session.tx, session.agreement.customer_id, entries)
  for (const entry of entries) {
    applyEvent(session.state, { type: entry.type, payload: entry.payload } as LifecycleEvent, entry)
    const edition = (entry.payload as { edition?: unknown }).edition
    if (typeof edition === 'number') session.touched.add(edition)
    session.last = { seq: entry.seq, hash: entry.hash }
  }
  return entries as Recorded[]
}

export type ActResult = {
  agreement: string
  /** The edition the act concerned, as it now stands. */
  edition: { edition: number; state: string; revision: number; contentHash: string } | null
  recorded: { seq: number; type: string; at: string; payload: unknown }[]
}

/** What an act answers: the edition it concerned and the entries it appended. */
export function actResult(session: Session, recorded: readonly Recorded[]): ActResult {
  const touched = (recorded.at(-1)?.payload as { edition?: number } | undefined)?.edition
  const e =
    session.state.editions.find((x) => x.edition === touched) ??
    openEdition(session.state) ??
    session.state.editions.at(-1)
  return {
    agreement: session.agreement.id,
    edition:
      e === undefined
        ? null
        : { edition: e.edition, state: e.state, revision: e.revision, contentHash: e.contentHash },
    recorded: recorded.map(({ seq, type, at, payload }) => ({ seq, type, at, payload })),
  }
}

async function saveEditions(session: Session): Promise<void> {
  const updatedAt = new Date(session.ctx.now)
  await upsertEditions(
    session.tx,
    session.state.editions
      .filter((e) => session.touched.has(e.edition))
      .map((e) => ({
        customer_id: session.agreement.customer_id,
        agreement_id: session.agreement.id,
        edition: e.edition,
        state: e.state,
        revision: e.revision,
        content_hash: e.contentHash,
        version: e.version ?? null,
        effective_at: e.effectiveAt === undefined ? null : new Date(e.effectiveAt),
        effective_to: validDate(e.term.effectiveTo),
        review_due: validDate(e.reviewDue),
        updated_at: updatedAt,
      })),
  )
}

function validDate(text: string | undefined): string | null {
  return text !== undefined && parseLocalDate(text) !== null ? text : null
}

/** A stored revision's document (validated when it was saved). */
async function revisionDocument(session: Session, revision: number): Promise<Agreement> {
  const row = await findRevision(session.tx, session.agreement.customer_id, session.agreement.id, revision)
  if (row === undefined)
    throw new AppError('internal', `revision ${revision} of "${session.agreement.id}" is not stored`)
  return JSON.parse(row.document) as Agreement
}

/** The open edition's current revision, and who approves and signs it. */
export async function openRevision(
  session: Session,
): Promise<{ document: Agreement; roles: RevisionRoles } | undefined> {
  const edition = openEdition(session.state)
  if (edition === undefined) return undefined
  const document = await revisionDocument(session, edition.revision)
  return { document, roles: revisionRoles(document) }
}

/** The system, as the author of the moves the calendar makes. */
export const SYSTEM_AUDIT_ACTOR: AuditActor = {
  user: 'system',
  role: 'system',
  organisation: 'system',
  authMethod: 'system',
}
