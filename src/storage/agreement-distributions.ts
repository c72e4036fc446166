// The record of each distribution of a signed agreement: which version and PDF went to whom,
// when, on whose word, and who was named but could not be sent it.
import type { Db } from './db.ts'

export type DistributionRow = {
  customer_id: string
  id: string
  agreement_id: string
  version: number
  content_hash: string
  document_sha256: string
  distributed_by: string
  distributed_at: Date
  recipients: { name: string; email: string; role: string | null; as: string[] }[]
  unreachable: { name: string; as: string }[]
}

export async function insertDistribution(db: Db, row: DistributionRow): Promise<void> {
  await db.execute(
    `insert into agreement_distributions
       (customer_id, id, agreement_id, version, content_hash, document_sha256, distributed_by, distributed_at,
        recipients, unreachable)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.customer_id,
      row.id,
      row.agreement_id,
      row.version,
      row.content_hash,
      row.document_sha256,
      row.distributed_by,
      row.distributed_at,
      JSON.stringify(row.recipients),
      JSON.stringify(row.unreachable),
    ],
  )
}

/** An agreement's distributions, oldest first. */
export async function listDistributions(
  db: Db,
  customerId: string,
  agreementId: string,
): Promise<DistributionRow[]> {
  return db.query<DistributionRow>(
    `select * from agreement_distributions where customer_id = $1 and agreement_id = $2
      order by distributed_at, id`,
    [customerId, agreementId],
  )
}
