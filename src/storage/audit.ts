// An agreement's audit log: appended in the transaction of the act it records, read in order.
import type { ChainedEntry } from '../domain/lifecycle/audit-chain.ts'
import type { AuditActor } from '../domain/lifecycle/events.ts'
import type { Db } from './db.ts'

type AuditRow = {
  agreement_id: string
  seq: number
  type: ChainedEntry['type']
  actor: AuditActor
  at: Date
  payload: unknown
  prev_hash: string
  hash: string
}

/**
 * Locks the agreement's row for the rest of the transaction: acts on one agreement are decided
 * one after another, each on the log as the one before left it.
 */
export async function lockAgreement(db: Db, agreementId: string): Promise<void> {
  await db.query('select 1 from agreements where id = $1 for update', [agreementId])
}

export async function auditEntriesOf(
  db: Db,
  customerId: string,
  agreementId: string,
): Promise<ChainedEntry[]> {
  const rows = await db.query<AuditRow>(
    `select agreement_id, seq, type, actor, at, payload, prev_hash, hash from agreement_audit
      where customer_id = $1 and agreement_id = $2 order by seq`,
    [customerId, agreementId],
  )
  return rows.map((r) => ({
    agreement: r.agreement_id,
    seq: r.seq,
    type: r.type,
    actor: r.actor,
    at: r.at.toISOString(),
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  }))
}

export async function appendAuditEntries(
  db: Db,
  customerId: string,
  entries: readonly ChainedEntry[],
): Promise<void> {
  for (const e of entries) {
    await db.execute(
      `insert into agreement_audit (customer_id, agreement_id, seq, type, actor, at, payload, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        customerId,
        e.agreement,
        e.seq,
        e.type,
        JSON.stringify(e.actor),
        e.at,
        JSON.stringify(e.payload),
        e.prevHash,
        e.hash,
      ],
    )
  }
}

/** Whether an agreement has a lifecycle (any audit entry): its changes then go through it. */
export async function hasAuditLog(db: Db, customerId: string, agreementId: string): Promise<boolean> {
  const rows = await db.query(
    'select 1 from agreement_audit where customer_id = $1 and agreement_id = $2 limit 1',
    [customerId, agreementId],
  )
  return rows.length > 0
}
