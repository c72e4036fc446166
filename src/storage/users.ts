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

export async function insertUser(
  db: Db,
  user: Omit<UserRow, 'created_at' | 'disabled_at'> & { password_hash?: string | null },
): Promise<void> {
  await db.execute(
    'insert into users (id, email, name, role, organisation_id, password_hash) values ($1, $2, $3, $4, $5, $6)',
    [
      user.id,
      user.email.toLowerCase(),
      user.name,
      user.role,
      user.organisation_id,
      user.password_hash ?? null,
    ],
  )
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

/** A user and their password hash (null: they have no password and cannot sign in), by email. */
export async function findCredentials(
  db: Db,
  email: string,
): Promise<(UserRow & { password_hash: string | null }) | undefined> {
  return (
    await db.query<UserRow & { password_hash: string | null }>(
      `select id, email, name, role, organisation_id, created_at, disabled_at, password_hash
         from users where email = $1`,
      [email.toLowerCase()],
    )
  )[0]
}

export async function findPasswordHash(db: Db, id: string): Promise<string | null | undefined> {
  return (
    await db.query<{ password_hash: string | null }>('select password_hash from users where id = $1', [id])
  )[0]?.password_hash
}

export async function setPasswordHash(db: Db, id: string, hash: string): Promise<boolean> {
  return (await db.execute('update users set password_hash = $2 where id = $1', [id, hash])) === 1
}

/** Marks a user disabled (at `at`, or when they were disabled before); undefined: no such user. */
export async function disableUser(db: Db, id: string, at: Date): Promise<UserRow | undefined> {
  return (
    await db.query<UserRow>(
      `update users set disabled_at = coalesce(disabled_at, $2) where id = $1
       returning id, email, name, role, organisation_id, created_at, disabled_at`,
      [id, at],
    )
  )[0]
}
