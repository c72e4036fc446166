// The people of the helpdesk example as users, for lifecycle tests: the contacts the
// agreement names (signatories, approvers) and Acme's Ann, who is named for nothing.
import { PEOPLE } from '../../domain/lifecycle/test-support/lifecycle-agreement.ts'
import type { Db } from '../../storage/db.ts'
import { insertUser } from '../../storage/users.ts'
import { approveAgreement } from '../decide-agreement-approval.ts'
import type { Actor, Deps } from '../deps.ts'
import { agreeToSections, openAgreementNegotiation } from '../negotiate-agreement.ts'
import { getAgreementLifecycle } from '../read-agreement-lifecycle.ts'
import { saveAgreementDraft } from '../save-agreement-draft.ts'
import { signAgreement } from '../sign-agreement.ts'
import { submitAgreement } from '../submit-agreement.ts'
import { seedPeople } from './fixtures.ts'

export { lifecycleText } from '../../domain/lifecycle/test-support/lifecycle-agreement.ts'

type Name = keyof typeof PEOPLE

/** Each person as an actor signed in with an API token. */
export const AS = Object.fromEntries(
  Object.entries(PEOPLE).map(([name, p]) => [
    name,
    { userId: p.userId, role: p.role, organisationId: p.organisationId, authMethod: 'token' } satisfies Actor,
  ]),
) as Record<Name, Actor>

/** The organisations and users of fixtures.ts, and the example's named people. */
export async function seedLifecyclePeople(db: Db): Promise<void> {
  await seedPeople(db)
  for (const name of ['dana', 'luis', 'lee', 'mei', 'ruth'] as const) {
    const p = PEOPLE[name]
    await insertUser(db, {
      id: p.userId,
      email: p.email,
      name: p.name,
      role: p.role,
      organisation_id: p.organisationId,
    })
  }
}

/**
 * Takes an agreement text from draft to signed through the actions, as its named people, at
 * the deps' clock (warnings acknowledged by whatever submission asks for).
 */
export async function walkToSigned(deps: Deps, text: string): Promise<string> {
  const { id, contentHash } = await walkToSigning(deps, text)
  for (const signatory of [AS.dana, AS.ruth]) await signAgreement(deps, signatory, id, { contentHash })
  return contentHash
}

/** The same walk up to the signatures, which are left to the caller. */
export async function walkToSigning(deps: Deps, text: string): Promise<{ id: string; contentHash: string }> {
  const id = (await saveAgreementDraft(deps, AS.dana, { text })).agreement
  await openAgreementNegotiation(deps, AS.dana, id)
  await agreeToSections(deps, AS.ann, id)
  await agreeToSections(deps, AS.dana, id)
  const acknowledge = await submitAgreement(deps, AS.dana, id).then(
    () => [],
    (error: Error) => /Submit again acknowledging (.*)$/.exec(error.message)?.[1]?.split(', ') ?? [],
  )
  if (acknowledge.length > 0) await submitAgreement(deps, AS.dana, id, { acknowledge })
  const contentHash = (await getAgreementLifecycle(deps, AS.admin, id)).current!.contentHash
  for (const approver of [AS.luis, AS.lee, AS.ruth])
    await approveAgreement(deps, approver, id, { contentHash })
  return { id, contentHash }
}
