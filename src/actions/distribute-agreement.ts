// Distribution of a signed agreement: its signed PDF (sealed when a certificate is
// configured) goes by email, through the outbox, to the departments, signatories and
// stakeholders it names; the act is recorded (who, when, to whom, which PDF) and told to the
// audit log, in one transaction. A version distributed again reaches only those who have
// not had it: the outbox keys name the version's content, not the act.
import { createHash, randomUUID } from 'node:crypto'
import { type DistributionList, distributionList } from '../domain/agreement/distribution-list.ts'
import type { Agreement } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import { buildDistributionMessage } from '../domain/notifications/agreement-messages.ts'
import { renderSignedPdf, type SignedRecord } from '../render/signed-pdf.ts'
import { sealPdf } from '../render/signed-pdf-seal.ts'
import { type DistributionRow, insertDistribution } from '../storage/agreement-distributions.ts'
import { findAgreementVersion } from '../storage/agreements.ts'
import type { Db } from '../storage/db.ts'
import { saveAttachment } from '../storage/notification-attachments.ts'
import { type ChannelRow, listEnabledChannels } from '../storage/notification-channels.ts'
import { insertNotifications } from '../storage/notifications.ts'
import { findOrganisation } from '../storage/organisations.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'
import { outboxRows } from './enqueue-notification.ts'
import { DEFAULT_BASE_URL } from './fire-timers.ts'
import { getAgreementVersion } from './get-agreement-version.ts'

/** What the audit log is told of a distribution. */
export type DistributionAuditEvent = {
  type: 'DISTRIBUTED'
  agreementId: string
  version: number
  contentHash: string
  actor: Actor
  at: number
  payload: {
    distributionId: string
    documentSha256: string
    recipients: string[]
    unreachable: string[]
    /** Whether the PDF was sealed with the provider's certificate. */
    sealed: boolean
  }
}

/**
 * What distribution needs from the lifecycle: the signatures and audit summary of a signed
 * version (null when it is not signed), and the audit log, appended to in the caller's
 * transaction (`db`).
 */
export type LifecycleRecords = {
  signedRecord(db: Db, agreementId: string, version: number): Promise<SignedRecord | null>
  recordEvent(db: Db, event: DistributionAuditEvent): Promise<void>
}

/** The provider's PKCS#12 sealing certificate, when one is configured. */
export type SealConfig = { p12: Buffer; password: string }

export type DistributeDeps = Deps & { lifecycle: LifecycleRecords; seal?: SealConfig }
export type DistributionResult = { distribution: DistributionRow; enqueued: number }

export async function distributeAgreement(
  deps: DistributeDeps,
  actor: Actor,
  agreementId: string,
  version: number,
): Promise<DistributionResult> {
  requireRole(actor, 'admin', 'agent')
  const row = await getAgreementVersion(deps, actor, agreementId, version)
  const agreement = JSON.parse(row.document) as Agreement
  const record = await deps.lifecycle.signedRecord(deps.db, agreementId, version)
  if (!record)
    throw new AppError(
      'conflict',
      `version ${version} of "${agreementId}" is not signed: only a signed agreement is distributed`,
    )
  const list = distributionList(agreement)
  if (list.recipients.length === 0)
    throw new AppError(
      'conflict',
      `agreement "${agreementId}" names no department, signatory or stakeholder with an email address to send it to`,
    )
  const pdf = await signedCopy(deps, agreement, record, await previousVersion(deps.db, agreementId, version))
  return deps.db.transaction((tx) =>
    recordDistribution({ ...deps, db: tx }, actor, { agreement, row, list, pdf, sealed: !!deps.seal }),
  )
}

type Prepared = {
  agreement: Agreement
  row: { customer_id: string; agreement_id: string; version: number; content_hash: string }
  list: DistributionList
  pdf: Uint8Array
  sealed: boolean
}

async function recordDistribution(
  deps: DistributeDeps,
  actor: Actor,
  p: Prepared,
): Promise<DistributionResult> {
  const channels = await listEnabledChannels(deps.db)
  if (!channels.some((c) => c.kind === 'email'))
    throw new AppError(
      'conflict',
      'no email channel is enabled to send the agreement through: add one (upheld channel add email)',
    )
  const now = deps.now()
  const sha256 = createHash('sha256').update(p.pdf).digest('hex')
  const enqueued = await enqueueCopies(deps, channels, p, sha256, now)
  const { customer_id: customerId, agreement_id: agreementId, version, content_hash: contentHash } = p.row
  const distribution: DistributionRow = {
    customer_id: customerId,
    id: `d_${randomUUID()}`,
    agreement_id: agreementId,
    version,
    content_hash: contentHash,
    document_sha256: sha256,
    distributed_by: actor.userId,
    distributed_at: new Date(now),
    recipients: p.list.recipients,
    unreachable: p.list.unreachable,
  }
  await insertDistribution(deps.db, distribution)
  await deps.lifecycle.recordEvent(deps.db, auditEvent(distribution, actor, now, p.sealed))
  return { distribution, enqueued }
}

/** The PDF, stored once, and one outbox row per channel and recipient that names it. */
async function enqueueCopies(
  deps: DistributeDeps,
  channels: ChannelRow[],
  p: Prepared,
  sha256: string,
  now: number,
): Promise<number> {
  const { customer_id: customerId, agreement_id: agreementId, version, content_hash: contentHash } = p.row
  await saveAttachment(deps.db, {
    customer_id: customerId,
    sha256,
    content_type: 'application/pdf',
    content: p.pdf,
  })
  const filename = `${agreementId}-v${version}-signed.pdf`
  const message = buildDistributionMessage({
    agreement: { id: agreementId, version, title: p.agreement.metadata.title, contentHash },
    customer: { id: customerId, name: (await findOrganisation(deps.db, customerId))?.name ?? customerId },
    baseUrl: deps.publicUrl ?? DEFAULT_BASE_URL,
    document: { filename, sha256, bytes: p.pdf.length },
    distributedAt: now,
    recipients: p.list.recipients,
  })
  const notice = {
    customerId,
    event: 'agreement.distributed' as const,
    message,
    contacts: p.list.recipients,
    key: ['agreement.distributed', customerId, agreementId, version, contentHash],
    attachments: [{ filename, content_type: 'application/pdf', sha256 }],
  }
  return insertNotifications(deps.db, outboxRows(notice, channels, new Date(now)))
}

async function signedCopy(
  deps: DistributeDeps,
  agreement: Agreement,
  record: SignedRecord,
  previous: { version: number; agreement: Agreement } | undefined,
): Promise<Uint8Array> {
  const pdf = await renderSignedPdf(agreement, record, previous ? { previous } : {})
  if (!deps.seal) return pdf
  return sealPdf(pdf, deps.seal.p12, deps.seal.password, {
    reason: `Signed agreement ${agreement.metadata.id}`,
    name: agreement.spec.parties.provider.name,
    at: new Date(deps.now()),
  })
}

async function previousVersion(db: Db, agreementId: string, version: number) {
  const row = version > 1 ? await findAgreementVersion(db, agreementId, version - 1) : undefined
  return row ? { version: row.version, agreement: JSON.parse(row.document) as Agreement } : undefined
}

function auditEvent(d: DistributionRow, actor: Actor, at: number, sealed: boolean): DistributionAuditEvent {
  return {
    type: 'DISTRIBUTED',
    agreementId: d.agreement_id,
    version: d.version,
    contentHash: d.content_hash,
    actor,
    at,
    payload: {
      distributionId: d.id,
      documentSha256: d.document_sha256,
      recipients: d.recipients.map((r) => r.email),
      unreachable: d.unreachable.map((u) => u.name),
      sealed,
    },
  }
}
