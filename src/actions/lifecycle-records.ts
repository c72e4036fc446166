// What distribution needs from the lifecycle (distribute-agreement.ts takes it as
// `deps.lifecycle`): the signatures and audit summary a signed version's PDF prints, and the
// recording of a distribution in the audit log, in the caller's transaction.
import type { Agreement } from '../domain/agreement/schema.ts'
import { replay } from '../domain/lifecycle/replay.ts'
import type { SignatureRecord, SignedRecord } from '../render/signed-pdf.ts'
import { findAgreement } from '../storage/agreements.ts'
import { auditEntriesOf } from '../storage/audit.ts'
import type { Db } from '../storage/db.ts'
import { endedVersions, findRevision } from '../storage/lifecycle.ts'
import type { InForceFilter } from './check-agreement-health.ts'
import type { Actor } from './deps.ts'
import { recordDistribution } from './record-distribution.ts'

export type DistributedEvent = {
  agreementId: string
  version: number
  actor: Actor
  at: number
  payload: { distributionId: string; documentSha256: string; recipients: string[] }
}

/** The signatures of the edition signed as `version`, and the log's length and head now; null if none was. */
export async function signedRecord(
  db: Db,
  agreementId: string,
  version: number,
): Promise<SignedRecord | null> {
  const agreement = await findAgreement(db, agreementId)
  if (agreement === undefined) return null
  const entries = await auditEntriesOf(db, agreement.customer_id, agreementId)
  const edition = replay(agreementId, entries).editions.find((e) => e.version === version)
  const revision =
    edition === undefined
      ? undefined
      : await findRevision(db, agreement.customer_id, agreementId, edition.revision)
  const last = entries.at(-1)
  if (edition === undefined || revision === undefined || last === undefined) return null
  const document = JSON.parse(revision.document) as Agreement
  const signatures = edition.signatures.map((s): SignatureRecord => {
    const contact = document.spec.contacts?.find((c) => c.id === s.contact)
    return {
      name: s.name,
      email: s.email,
      role: contact?.title ?? contact?.role ?? 'signatory',
      party: `${document.spec.parties[s.party].name} (${s.party})`,
      signedAt: Date.parse(s.at),
      authMethod: s.authMethod,
      contentHash: s.contentHash,
    }
  })
  return { signatures, audit: { events: entries.length, lastHash: last.hash, at: Date.parse(last.at) } }
}

/** Records a distribution that was made, in the transaction `db` the caller sent it in. */
export async function recordDistributionEvent(db: Db, event: DistributedEvent): Promise<void> {
  const { recipients, documentSha256, distributionId } = event.payload
  await recordDistribution({ db, now: () => event.at }, event.actor, event.agreementId, {
    recipients,
    documentSha256,
    distributionId,
    version: event.version,
  })
}

/** The two together, as distribution takes them. */
export const lifecycleRecords = { signedRecord, recordEvent: recordDistributionEvent }

/** For the daily health check: the versions in effect, less those whose edition has ended. */
export const lifecycleInForce: InForceFilter = async (db, candidates) => {
  const ended = await endedVersions(db, candidates)
  return candidates.filter((v) => !ended.has(`${v.agreement_id}@${v.version}`))
}
