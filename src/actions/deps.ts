import type { Db } from '../storage/db.ts'

/** What effectful actions are given: the database and the clock (never read directly). */
export type Deps = { db: Db; now: () => number }

export type Role = 'admin' | 'agent' | 'customer'
/** Who is acting: a user of a role, in an organisation (a customer's users see only theirs). */
export type Actor = { userId: string; role: Role; organisationId: string }

export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'admin', organisationId: 'system' }
