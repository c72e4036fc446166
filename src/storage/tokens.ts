import type { Db } from './db.ts'
import type { UserRow } from './users.ts'

export type TokenRow = {
  id: string
  user_id: string
  name: string
  created_at: Date
  last_used_at: Date | null
  revoked_at: Date | null
}

export async function insertToken(
  db: Db,
  token: { id: string; userId: string; name: string; hash: string },
): Promise<void> {
  await db.execute('insert into api_tokens (id, user_id, name, token_hash) values ($1, $2, $3, $4)', [
    token.id,
    token.userId,
    token.name,
    token.hash,
  ])
}

/** The user behind a live token (not revoked, user not disabled), by the token's hash. */
export async function findUserByTokenHash(
  db: Db,
  hash: string,
): Promise<(UserRow & { token_id: string; token_last_used_at: Date | null }) | undefined> {
  return (
    await db.query<UserRow & { token_id: string; token_last_used_at: Date | null }>(
      `select u.id, u.email, u.name, u.role, u.organisation_id, u.created_at, u.disabled_at, t.id as token_id,
              t.last_used_at as token_last_used_at
         from api_tokens t join users u on u.id = t.user_id
        where t.token_hash = $1 and t.revoked_at is null and u.disabled_at is null`,
      [hash],
    )
  )[0]
}

export async function findToken(db: Db, id: string): Promise<TokenRow | undefined> {
  return (
    await db.query<TokenRow>(
      'select id, user_id, name, created_at, last_used_at, revoked_at from api_tokens where id = $1',
      [id],
    )
  )[0]
}

export async function touchToken(db: Db, id: string, at: Date): Promise<void> {
  await db.execute('update api_tokens set last_used_at = $2 where id = $1', [id, at])
}

export async function revokeToken(db: Db, id: string, at: Date): Promise<boolean> {
  return (
    (await db.execute('update api_tokens set revoked_at = $2 where id = $1 and revoked_at is null', [
      id,
      at,
    ])) === 1
  )
}

export async function listTokens(db: Db, userId?: string): Promise<TokenRow[]> {
  return db.query<TokenRow>(
    `select id, user_id, name, created_at, last_used_at, revoked_at from api_tokens
      where $1::text is null or user_id = $1 order by created_at`,
    [userId ?? null],
  )
}
