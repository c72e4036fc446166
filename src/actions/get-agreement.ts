import { AppError } from '../domain/app-error.ts'
import {
  type AgreementRow,
  type AgreementVersionRow,
  findAgreement,
  listVersions,
} from '../storage/agreements.ts'
import type { Actor, Deps } from './deps.ts'

export type { AgreementVersionRow }
export type AgreementWithVersions = { agreement: AgreementRow; versions: AgreementVersionRow[] }

/** An agreement and its versions; another customer's agreement is "not found", as if it did not exist. */
export async function getAgreement(deps: Deps, actor: Actor, id: string): Promise<AgreementWithVersions> {
  const agreement = await findAgreement(deps.db, id)
  if (!agreement || (actor.role === 'customer' && agreement.customer_id !== actor.organisationId)) {
    throw new AppError('not_found', `no agreement "${id}"`)
  }
  return { agreement, versions: await listVersions(deps.db, id) }
}
