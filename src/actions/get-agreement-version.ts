import { AppError } from '../domain/app-error.ts'
import { type AgreementVersionRow, findAgreementVersion } from '../storage/agreements.ts'
import type { Actor, Deps } from './deps.ts'

/** One stored version of an agreement, with its document (canonical JSON). */
export async function getAgreementVersion(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  version: number,
): Promise<AgreementVersionRow> {
  const row = await findAgreementVersion(deps.db, agreementId, version)
  if (!row || (actor.role === 'customer' && row.customer_id !== actor.organisationId)) {
    throw new AppError('not_found', `no version ${version} of agreement "${agreementId}"`)
  }
  return row
}
