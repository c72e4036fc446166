import type { Db } from '../storage/db.ts'

/**
 * What effectful actions are given: the database and the clock (never read directly), and
 * where people reach Upheld (the links in notifications; a local default when unset).
 */
export type Deps = { db: Db; now: () => number; publicUrl?: string }

export type Role = 'admin' | 'agent' | 'customer'
/**
 * Who is acting: a user of a role, in an organisation (a customer's users see only theirs), and
 * how they proved it (recorded with their signatures; unset for local access to the database).
 */
export type Actor = { userId: string; role: Role; organisationId: string; authMethod?: 'token' | 'session' }

export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'admin', organisationId: 'system' }
