// Which version of which agreement is in force for a customer (and a service) at an instant:
// per agreement, the newest version that had taken effect by then, unless its term had ended.
import type { AgreementSpec } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import { parseLocalDate } from '../domain/local-date.ts'
import {
  type AgreementRow,
  type AgreementVersionRow,
  listAgreements,
  versionsForCustomer,
} from '../storage/agreements.ts'
import { customerScope } from './access.ts'
import type { Actor, Deps } from './deps.ts'

export type InForce = {
  customerId: string
  items: { agreement: AgreementRow; version: AgreementVersionRow }[]
}

type Document = { spec?: { services?: { id: string }[]; term?: { effectiveTo?: string } } }

export async function findAgreementsInForce(
  deps: Deps,
  actor: Actor,
  query: { customer?: string; service?: string; at: number },
): Promise<InForce> {
  const customerId = customerScope(actor, query.customer)
  if (customerId === undefined) {
    throw new AppError('invalid_input', 'name the customer', [
      { path: ['customer'], message: 'is required', hint: 'add ?customer=ORGANISATION-ID' },
    ])
  }
  const agreements = await listAgreements(deps.db, customerId)
  const versions = await versionsForCustomer(deps.db, customerId)
  const items = agreements.flatMap((agreement) => {
    const version = versions
      .filter((v) => v.agreement_id === agreement.id && v.effective_from.getTime() <= query.at)
      .at(-1)
    if (!version) return []
    const document = JSON.parse(version.document) as Document
    return inTerm(document, query.at) && coversService(document, query.service)
      ? [{ agreement, version }]
      : []
  })
  return { customerId, items }
}

/** A stored version's spec: stored documents were validated when they were uploaded. */
export function specOf(version: AgreementVersionRow): AgreementSpec {
  return (JSON.parse(version.document) as { spec: AgreementSpec }).spec
}

// The term's last day is included, to midnight UTC at its end.
function inTerm(document: Document, at: number): boolean {
  const end = document.spec?.term?.effectiveTo
  const day = end === undefined ? null : parseLocalDate(end)
  return day === null || at < (day + 1) * 86_400_000
}

// An agreement that lists no services covers them all.
function coversService(document: Document, service: string | undefined): boolean {
  const services = document.spec?.services ?? []
  return service === undefined || services.length === 0 || services.some((s) => s.id === service)
}
