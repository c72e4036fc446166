import type { Db } from './db.ts'

export type Role = 'admin' | 'agent' | 'customer'
export type UserRow = {
  id: string
  email: string
  name: string
  role: Role
  organisation_id: string
  created_at: Date
  disabled_at: Date | null
}

export async function insertUser(db: Db, user: Omit<UserRow, 'created_at' | 'disabled_at'>): Promise<void> {
  await db.execute('insert into users (id, email, name, role, organisation_id) values ($1, $2, $3, $4, $5)', [
    user.id,
    user.email.toLowerCase(),
    user.name,
    user.role,
    user.organisation_id,
  ])
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return (
    await db.query<UserRow>(
      'select id, email, name, role, organisation_id, created_at, disabled_at from users where id = $1',
      [id],
    )
  )[0]
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return (
    await db.query<UserRow>(
      'select id, email, name, role, organisation_id, created_at, disabled_at from users where email = $1',
      [email.toLowerCase()],
    )
  )[0]
}

export async function listUsers(db: Db, organisationId?: string): Promise<UserRow[]> {
  return db.query<UserRow>(
    `select id, email, name, role, organisation_id, created_at, disabled_at from users
      where $1::text is null or organisation_id = $1 order by email`,
    [organisationId ?? null],
  )
}

export async function anyUserExists(db: Db): Promise<boolean> {
  return (await db.query('select 1 from users limit 1')).length > 0
}
