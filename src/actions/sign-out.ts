import { deleteSession } from '../storage/sessions.ts'
import type { Deps } from './deps.ts'

/** Ends the session with this id hash (the one the request was signed in with). */
export async function signOut(deps: Deps, sessionIdHash: string): Promise<void> {
  await deleteSession(deps.db, sessionIdHash)
}
