// Who may do what to an agreement. Authors are the provider's staff; negotiators are the staff
// (for the provider) and the customer's own users; approvers and signatories are the contacts
// the current revision names, matched to users by email, so that naming a person in the
// agreement is what gives them the right.
import type { Agreement } from '../agreement/schema.ts'
import type { Party } from './events.ts'
import type { ApprovalStage } from './states.ts'

/** The acting user as the lifecycle needs them: role, organisation, email and how they signed in. */
export type ActorFacts = {
  userId: string
  role: 'admin' | 'agent' | 'customer'
  organisationId: string
  email?: string
  name?: string
  authMethod: string
}

export type NamedContact = { contact: string; name: string; email?: string }

export type RevisionRoles = {
  approvers: Record<ApprovalStage, NamedContact[]>
  signatories: Partial<Record<Party, NamedContact>>
}

/** For a command on an agreement with no open revision: it names nobody. */
export const NO_ROLES: RevisionRoles = {
  approvers: { management: [], legal: [], final: [] },
  signatories: {},
}

export function revisionRoles(agreement: Agreement): RevisionRoles {
  const contacts = agreement.spec.contacts ?? []
  const named = (id: string): NamedContact => {
    const c = contacts.find((x) => x.id === id)
    return { contact: id, name: c?.name ?? id, ...(c?.email === undefined ? {} : { email: c.email }) }
  }
  const approvals = agreement.spec.approvals ?? {}
  const { provider, customer } = agreement.spec.parties
  return {
    approvers: {
      management: (approvals.management ?? []).map(named),
      legal: (approvals.legal ?? []).map(named),
      final: (approvals.final ?? []).map(named),
    },
    signatories: {
      ...(provider.signatory === undefined ? {} : { provider: named(provider.signatory) }),
      ...(customer.signatory === undefined ? {} : { customer: named(customer.signatory) }),
    },
  }
}

export function isStaff(actor: ActorFacts): boolean {
  return actor.role === 'admin' || actor.role === 'agent'
}

/** The party an actor negotiates for: staff for the provider, the customer's users for it. */
export function partyOf(actor: ActorFacts, customerId: string): Party | undefined {
  if (isStaff(actor)) return 'provider'
  return actor.organisationId === customerId ? 'customer' : undefined
}

/** The contact this actor is, among `candidates`: the same email, compared without case. */
export function contactOf(actor: ActorFacts, candidates: readonly NamedContact[]): NamedContact | undefined {
  const email = actor.email?.toLowerCase()
  if (email === undefined) return undefined
  return candidates.find((c) => c.email?.toLowerCase() === email)
}

/** "Dana Okafor (c-provider-head)", for messages that say who may act. */
export function listContacts(contacts: readonly NamedContact[]): string {
  return contacts.map((c) => `${c.name} (${c.contact})`).join(', ')
}

/** How an actor is named in a refusal: their email when known. */
export function whoIs(actor: ActorFacts): string {
  return actor.email ?? `user "${actor.userId}"`
}
