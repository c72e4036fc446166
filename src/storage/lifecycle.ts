// The revisions of agreements (immutable snapshots) and the editions' states derived from the
// audit log, kept for the daily advance and for listings.
import type { Db } from './db.ts'

export type RevisionRow = {
  customer_id: string
  agreement_id: string
  revision: number
  edition: number
  content_hash: string
  section_hashes: Record<string, string>
  document: string
  created_by: string
  created_at: Date
}

export type EditionRow = {
  customer_id: string
  agreement_id: string
  edition: number
  state: string
  revision: number
  content_hash: string
  version: number | null
  effective_at: Date | null
  effective_to: string | null
  review_due: string | null
  updated_at: Date
}

export async function insertRevision(db: Db, r: RevisionRow): Promise<void> {
  await db.execute(
    `insert into agreement_revisions
       (customer_id, agreement_id, revision, edition, content_hash, section_hashes, document, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      r.customer_id,
      r.agreement_id,
      r.revision,
      r.edition,
      r.content_hash,
      JSON.stringify(r.section_hashes),
      r.document,
      r.created_by,
      r.created_at,
    ],
  )
}

export async function findRevision(
  db: Db,
  customerId: string,
  agreementId: string,
  revision: number,
): Promise<RevisionRow | undefined> {
  return (
    await db.query<RevisionRow>(
      'select * from agreement_revisions where customer_id = $1 and agreement_id = $2 and revision = $3',
      [customerId, agreementId, revision],
    )
  )[0]
}

/** The documents' hashes as stored now, to compare with what the log recorded. */
export async function revisionDocuments(
  db: Db,
  customerId: string,
  agreementId: string,
): Promise<{ revision: number; document: string }[]> {
  return db.query<{ revision: number; document: string }>(
    'select revision, document from agreement_revisions where customer_id = $1 and agreement_id = $2 order by revision',
    [customerId, agreementId],
  )
}

export async function upsertEditions(db: Db, rows: readonly EditionRow[]): Promise<void> {
  for (const e of rows) {
    await db.execute(
      `insert into agreement_editions (customer_id, agreement_id, edition, state, revision, content_hash, version,
                                       effective_at, effective_to, review_due, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (customer_id, agreement_id, edition) do update set
         state = excluded.state, revision = excluded.revision, content_hash = excluded.content_hash,
         version = excluded.version, effective_at = excluded.effective_at, effective_to = excluded.effective_to,
         review_due = excluded.review_due, updated_at = excluded.updated_at`,
      [
        e.customer_id,
        e.agreement_id,
        e.edition,
        e.state,
        e.revision,
        e.content_hash,
        e.version,
        e.effective_at,
        e.effective_to,
        e.review_due,
        e.updated_at,
      ],
    )
  }
}

/**
 * The agreements with an edition the calendar may move by `now`: signed and taking effect,
 * in force and reaching its review or the end of its term (`today` is the UTC date of `now`).
 */
export async function agreementsDueToAdvance(db: Db, now: Date, today: string): Promise<string[]> {
  const rows = await db.query<{ agreement_id: string }>(
    `select distinct agreement_id from agreement_editions
      where (state in ('signed', 'distributed') and effective_at <= $1)
         or (state in ('in_force', 'review_due') and effective_to < $2::date)
         or (state = 'in_force' and review_due <= $2::date)
      order by agreement_id`,
    [now, today],
  )
  return rows.map((r) => r.agreement_id)
}

/**
 * Of these agreement versions, those whose edition has ended (expired or terminated): no longer
 * in force, whatever their term says. Agreements without a lifecycle have no editions.
 */
export async function endedVersions(
  db: Db,
  versions: readonly { agreement_id: string; version: number }[],
): Promise<Set<string>> {
  if (versions.length === 0) return new Set()
  const rows = await db.query<{ agreement_id: string; version: number }>(
    `select e.agreement_id, e.version
       from jsonb_to_recordset($1::jsonb) as v(agreement_id text, version int)
       join agreement_editions e on e.agreement_id = v.agreement_id and e.version = v.version
      where e.state in ('expired', 'terminated')`,
    [JSON.stringify(versions.map((v) => ({ agreement_id: v.agreement_id, version: v.version })))],
  )
  return new Set(rows.map((r) => `${r.agreement_id}@${r.version}`))
}

/** Where an agreement stands, for listings: its current edition, the version in force, its open findings. */
export type AgreementStanding = {
  agreement_id: string
  /** The edition being worked on, else the one waiting, else the one in force, else the last. */
  edition: number | null
  state: string | null
  /** The version in force: of the live edition, or (for an agreement without a lifecycle) the newest in effect. */
  version: number | null
  version_from: Date | null
  review_due: string | null
  errors: number
  warnings: number
}

export async function agreementStandings(
  db: Db,
  customerId: string | undefined,
  now: Date,
): Promise<AgreementStanding[]> {
  return db.query<AgreementStanding>(
    `select a.id as agreement_id, cur.edition, cur.state,
            case when cur.edition is null then v.version else live.version end as version,
            case when cur.edition is null then v.effective_from else live.effective_at end as version_from,
            live.review_due::text as review_due,
            coalesce(f.errors, 0)::int as errors, coalesce(f.warnings, 0)::int as warnings
       from agreements a
       left join lateral (
         select e.edition, e.state from agreement_editions e
          where e.customer_id = a.customer_id and e.agreement_id = a.id
          order by case
                     when e.state in ('draft', 'negotiation', 'management_approval', 'legal_review',
                                      'final_approval', 'signing') then 0
                     when e.state in ('signed', 'distributed') then 1
                     when e.state in ('in_force', 'review_due') then 2
                     else 3 end, e.edition desc
          limit 1) cur on true
       left join lateral (
         select e.version, e.effective_at, e.review_due from agreement_editions e
          where e.customer_id = a.customer_id and e.agreement_id = a.id and e.state in ('in_force', 'review_due')
          order by e.edition desc limit 1) live on true
       left join lateral (
         select v.version, v.effective_from from agreement_versions v
          where v.agreement_id = a.id and v.effective_from <= $2
          order by v.version desc limit 1) v on true
       left join lateral (
         select count(*) filter (where f.level = 'error') as errors,
                count(*) filter (where f.level = 'warning') as warnings
           from agreement_findings f
          where f.customer_id = a.customer_id and f.agreement_id = a.id and f.resolved_at is null) f on true
      where $1::text is null or a.customer_id = $1
      order by a.id`,
    [customerId ?? null, now],
  )
}
