// The health list: what the daily lint rules found in each agreement in force, when it was
// first and last seen, and when it was resolved.
import type { Db } from './db.ts'

export type FindingOwner = { name: string; email: string | null; role: string | null }
export type FindingRow = {
  customer_id: string
  agreement_id: string
  rule: string
  path: string
  first_seen: Date
  last_seen: Date
  resolved_at: Date | null
  version: number
  level: 'error' | 'warning'
  message: string
  hint: string | null
  owners: FindingOwner[]
}
export type SeenFinding = Omit<FindingRow, 'first_seen' | 'last_seen' | 'resolved_at'>

/** An agreement to check: its newest version that has taken effect. */
export type CheckedVersion = {
  customer_id: string
  agreement_id: string
  title: string
  version: number
  content_hash: string
  document: string
}

/** Per agreement, the newest version that had taken effect by `at`. */
export async function newestEffectiveVersions(db: Db, at: Date): Promise<CheckedVersion[]> {
  return db.query<CheckedVersion>(
    `select distinct on (v.agreement_id) v.customer_id, v.agreement_id, a.title, v.version, v.content_hash, v.document
       from agreement_versions v join agreements a on a.id = v.agreement_id
      where v.effective_from <= $1
      order by v.agreement_id, v.version desc`,
    [at],
  )
}

export async function openFindings(db: Db, customerId: string, agreementId: string): Promise<FindingRow[]> {
  return db.query<FindingRow>(
    `select * from agreement_findings
      where customer_id = $1 and agreement_id = $2 and resolved_at is null`,
    [customerId, agreementId],
  )
}

/** Records a finding first seen at `at`; false when it is already open (another process saw it first). */
export async function insertFinding(db: Db, f: SeenFinding, at: Date): Promise<boolean> {
  const inserted = await db.execute(
    `insert into agreement_findings
       (customer_id, agreement_id, rule, path, first_seen, last_seen, version, level, message, hint, owners)
     values ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10)
     on conflict (customer_id, agreement_id, rule, path) where resolved_at is null do nothing`,
    [
      f.customer_id,
      f.agreement_id,
      f.rule,
      f.path,
      at,
      f.version,
      f.level,
      f.message,
      f.hint,
      JSON.stringify(f.owners),
    ],
  )
  return inserted === 1
}

/** An open finding seen again: what it says now, and when. */
export async function touchFinding(db: Db, f: SeenFinding, at: Date): Promise<void> {
  await db.execute(
    `update agreement_findings
        set last_seen = greatest(last_seen, $5), version = $6, level = $7, message = $8, hint = $9, owners = $10
      where customer_id = $1 and agreement_id = $2 and rule = $3 and path = $4 and resolved_at is null`,
    [
      f.customer_id,
      f.agreement_id,
      f.rule,
      f.path,
      at,
      f.version,
      f.level,
      f.message,
      f.hint,
      JSON.stringify(f.owners),
    ],
  )
}

/** Resolves the open findings of an agreement (all of them, or those at these rules and paths); returns them. */
export async function resolveFindings(
  db: Db,
  customerId: string,
  agreementId: string,
  at: Date,
  only?: readonly { rule: string; path: string }[],
): Promise<{ rule: string; path: string }[]> {
  if (only?.length === 0) return []
  return db.query<{ rule: string; path: string }>(
    `update agreement_findings f set resolved_at = $3
      where f.customer_id = $1 and f.agreement_id = $2 and f.resolved_at is null
        and ($4::jsonb is null or exists (
          select 1 from jsonb_to_recordset($4::jsonb) as k(rule text, path text)
           where k.rule = f.rule and k.path = f.path))
      returning f.rule, f.path`,
    [customerId, agreementId, at, only ? JSON.stringify(only) : null],
  )
}

/** The agreements that have open findings, each once. */
export async function agreementsWithOpenFindings(
  db: Db,
): Promise<{ customer_id: string; agreement_id: string }[]> {
  return db.query(
    `select distinct customer_id, agreement_id from agreement_findings where resolved_at is null
      order by customer_id, agreement_id`,
  )
}

/** An agreement's health list: open findings first, then the most recently resolved. */
export async function listFindings(
  db: Db,
  customerId: string,
  agreementId: string,
  state: 'open' | 'resolved' | 'all',
): Promise<FindingRow[]> {
  return db.query<FindingRow>(
    `select * from agreement_findings
      where customer_id = $1 and agreement_id = $2
        and ($3 = 'all' or ($3 = 'open') = (resolved_at is null))
      order by resolved_at desc nulls first, first_seen, rule, path`,
    [customerId, agreementId, state],
  )
}
