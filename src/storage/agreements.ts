import type { Db } from './db.ts'

export type AgreementRow = {
  id: string
  customer_id: string
  provider_id: string
  kind: string
  title: string
  created_at: Date
}
export type AgreementVersionRow = {
  agreement_id: string
  version: number
  customer_id: string
  content_hash: string
  document: string
  effective_from: Date
  created_at: Date
  created_by: string | null
}

export async function upsertAgreement(db: Db, a: Omit<AgreementRow, 'created_at'>): Promise<void> {
  await db.execute(
    `insert into agreements (id, customer_id, provider_id, kind, title) values ($1, $2, $3, $4, $5)
     on conflict (id) do update set kind = excluded.kind, title = excluded.title`,
    [a.id, a.customer_id, a.provider_id, a.kind, a.title],
  )
}

export async function findAgreement(db: Db, id: string): Promise<AgreementRow | undefined> {
  return (await db.query<AgreementRow>('select * from agreements where id = $1', [id]))[0]
}

export async function listAgreements(db: Db, customerId?: string): Promise<AgreementRow[]> {
  return db.query<AgreementRow>(
    'select * from agreements where $1::text is null or customer_id = $1 order by id',
    [customerId ?? null],
  )
}

export async function insertAgreementVersion(
  db: Db,
  v: Omit<AgreementVersionRow, 'version' | 'created_at'>,
): Promise<AgreementVersionRow> {
  const [row] = await db.query<AgreementVersionRow>(
    `insert into agreement_versions (agreement_id, version, customer_id, content_hash, document, effective_from, created_by)
     select $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6 from agreement_versions where agreement_id = $1
     returning *`,
    [v.agreement_id, v.customer_id, v.content_hash, v.document, v.effective_from, v.created_by],
  )
  return row!
}

export async function findVersionByHash(
  db: Db,
  agreementId: string,
  hash: string,
): Promise<AgreementVersionRow | undefined> {
  return (
    await db.query<AgreementVersionRow>(
      'select * from agreement_versions where agreement_id = $1 and content_hash = $2',
      [agreementId, hash],
    )
  )[0]
}

export async function listVersions(db: Db, agreementId: string): Promise<AgreementVersionRow[]> {
  return db.query<AgreementVersionRow>(
    'select * from agreement_versions where agreement_id = $1 order by version',
    [agreementId],
  )
}

export async function findAgreementVersion(
  db: Db,
  agreementId: string,
  version: number,
): Promise<AgreementVersionRow | undefined> {
  return (
    await db.query<AgreementVersionRow>(
      'select * from agreement_versions where agreement_id = $1 and version = $2',
      [agreementId, version],
    )
  )[0]
}

/** Every version of every agreement of a customer, oldest first: what clocks are pinned to. */
export async function versionsForCustomer(db: Db, customerId: string): Promise<AgreementVersionRow[]> {
  return db.query<AgreementVersionRow>(
    'select * from agreement_versions where customer_id = $1 order by agreement_id, version',
    [customerId],
  )
}

/**
 * The versions that may measure a customer's tickets: the customer's agreements, and every
 * operational-level agreement and underpinning contract (they underpin the provider's own).
 * Ordered by agreement id, then version. Without the documents: this runs for every ingested
 * batch, and a document is needed only the first time its hash is seen.
 */
export async function versionsMeasuringCustomer(
  db: Db,
  customerId: string,
): Promise<Omit<AgreementVersionRow, 'document'>[]> {
  return db.query<Omit<AgreementVersionRow, 'document'>>(
    `select v.agreement_id, v.version, v.customer_id, v.content_hash, v.effective_from, v.created_at, v.created_by
       from agreement_versions v join agreements a on a.id = v.agreement_id
      where v.customer_id = $1 or a.kind in ('OperationalLevelAgreement', 'UnderpinningContract')
      order by v.agreement_id, v.version`,
    [customerId],
  )
}

/**
 * The services a customer's agreements name (any version), each with its components; `all`
 * when one of them names none, since an agreement that lists no services covers them all.
 */
export async function servicesOfCustomer(
  db: Db,
  customerId: string,
): Promise<{ all: boolean; services: Map<string, string[]> }> {
  const rows = await db.query<{ service: string | null; components: string[] | null }>(
    `select s ->> 'id' as service,
            array(select jsonb_array_elements_text(coalesce(s -> 'components', '[]'::jsonb))) as components
       from agreement_versions v
       left join lateral jsonb_array_elements(coalesce(v.document::jsonb -> 'spec' -> 'services', '[]'::jsonb)) s
         on true
      where v.customer_id = $1`,
    [customerId],
  )
  const services = new Map<string, string[]>()
  let all = false
  for (const row of rows) {
    if (row.service === null) all = true
    else services.set(row.service, [...(services.get(row.service) ?? []), ...(row.components ?? [])])
  }
  return { all, services }
}
