// Tokens are listed without their secrets: only the hash is stored, and it is never shown.
import { AppError } from '../domain/app-error.ts'
import { listTokens as listTokenRows, type TokenRow } from '../storage/tokens.ts'
import type { Actor, Deps } from './deps.ts'

export type { TokenRow }

/** An admin sees every token (or one user's); anyone else sees their own. */
export async function listTokens(deps: Deps, actor: Actor, userId?: string): Promise<TokenRow[]> {
  if (actor.role !== 'admin' && userId !== undefined && userId !== actor.userId) {
    throw new AppError('forbidden', "only an admin may list another user's tokens")
  }
  return listTokenRows(deps.db, actor.role === 'admin' ? userId : actor.userId)
}
