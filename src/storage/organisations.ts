import type { Db } from './db.ts'

export type OrganisationRow = { id: string; name: string; kind: 'provider' | 'customer'; created_at: Date }

export async function insertOrganisation(
  db: Db,
  org: { id: string; name: string; kind: 'provider' | 'customer' },
): Promise<boolean> {
  const n = await db.execute(
    'insert into organisations (id, name, kind) values ($1, $2, $3) on conflict (id) do nothing',
    [org.id, org.name, org.kind],
  )
  return n === 1
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return (await db.query<OrganisationRow>('select * from organisations where id = $1', [id]))[0]
}

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.query<OrganisationRow>('select * from organisations order by kind, id')
}
