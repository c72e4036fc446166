// Files that notifications carry (a signed agreement's PDF), kept once per customer and
// content: every outbox row that attaches one holds only its SHA-256, so ten recipients of a
// 200 kB PDF keep 200 kB, not 2 MB of base64 in the outbox.
import type { Db } from './db.ts'

export type AttachmentRow = { customer_id: string; sha256: string; content_type: string; content: Uint8Array }

export async function saveAttachment(db: Db, a: AttachmentRow): Promise<void> {
  await db.execute(
    `insert into notification_attachments (customer_id, sha256, content_type, content)
     values ($1, $2, $3, $4) on conflict (customer_id, sha256) do nothing`,
    [a.customer_id, a.sha256, a.content_type, a.content],
  )
}

export async function findAttachments(
  db: Db,
  customerId: string,
  sha256s: readonly string[],
): Promise<AttachmentRow[]> {
  if (sha256s.length === 0) return []
  const rows = await db.query<AttachmentRow>(
    `select customer_id, sha256, content_type, content from notification_attachments
      where customer_id = $1 and sha256 = any($2::text[])`,
    [customerId, [...sha256s]],
  )
  // pg gives a Buffer and PGlite a Uint8Array: the same bytes either way.
  return rows.map((r) => ({ ...r, content: new Uint8Array(r.content) }))
}
