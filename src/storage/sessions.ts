import type { Db } from './db.ts'
import type { UserRow } from './users.ts'

export type SessionRow = {
  id_hash: string
  user_id: string
  csrf_token: string
  created_at: Date
  last_seen_at: Date
}

export type SessionUser = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'organisation_id'>
/** A session with the user it signs in. */
export type SessionWithUser = SessionRow & { user: SessionUser }

export async function insertSession(
  db: Db,
  session: { idHash: string; userId: string; csrfToken: string; at: Date },
): Promise<void> {
  await db.execute(
    `insert into sessions (id_hash, user_id, csrf_token, created_at, last_seen_at)
     values ($1, $2, $3, $4, $4)`,
    [session.idHash, session.userId, session.csrfToken, session.at],
  )
}

/** The session with this id hash, if its user is not disabled; expiry is the caller's to judge. */
export async function findSession(db: Db, idHash: string): Promise<SessionWithUser | undefined> {
  const row = (
    await db.query<SessionRow & Omit<SessionUser, 'id'>>(
      `select s.id_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at,
              u.email, u.name, u.role, u.organisation_id
         from sessions s join users u on u.id = s.user_id
        where s.id_hash = $1 and u.disabled_at is null`,
      [idHash],
    )
  )[0]
  if (!row) return undefined
  const { email, name, role, organisation_id, ...session } = row
  return { ...session, user: { id: session.user_id, email, name, role, organisation_id } }
}

export async function touchSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db.execute('update sessions set last_seen_at = $2 where id_hash = $1', [idHash, at])
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.execute('delete from sessions where id_hash = $1', [idHash])
}

/** Ends a user's sessions, but for the one with `keep` as its id hash; returns how many ended. */
export async function deleteUserSessions(db: Db, userId: string, keep?: string): Promise<number> {
  return db.execute('delete from sessions where user_id = $1 and ($2::text is null or id_hash <> $2)', [
    userId,
    keep ?? null,
  ])
}

/** Forgets sessions idle since `idleBefore` or started before `startedBefore`. */
export async function deleteExpiredSessions(
  db: Db,
  limits: { idleBefore: Date; startedBefore: Date },
): Promise<number> {
  return db.execute('delete from sessions where last_seen_at < $1 or created_at < $2', [
    limits.idleBefore,
    limits.startedBefore,
  ])
}
