// First start: an empty database gets a provider organisation, an admin user with a random
// password and one token, so that the web app and the API can be used at all. Nothing happens
// once any user exists.
import { insertOrganisation } from '../storage/organisations.ts'
import { anyUserExists } from '../storage/users.ts'
import { type Deps, SYSTEM_ACTOR } from './deps.ts'
import { createToken, createUser } from './manage-people.ts'
import { randomPassword } from './passwords.ts'

export const FIRST_PROVIDER = { id: 'provider', name: 'Service provider', kind: 'provider' } as const
export const FIRST_ADMIN_EMAIL = 'admin@upheld.invalid'

/** The admin's token and password, to be shown this once. */
export type FirstStart = { organisation: string; email: string; token: string; password: string }

export async function bootstrapAdmin(deps: Deps): Promise<FirstStart | null> {
  return deps.db.transaction(async (tx) => {
    if (await anyUserExists(tx)) return null
    // Two processes starting together on one PostgreSQL: the second waits on this insert until
    // the first commits, then sees its admin below, so only one admin and one token are made.
    await insertOrganisation(tx, FIRST_PROVIDER)
    if (await anyUserExists(tx)) return null
    const inTx = { ...deps, db: tx }
    const password = randomPassword()
    const admin = await createUser(inTx, SYSTEM_ACTOR, {
      email: FIRST_ADMIN_EMAIL,
      name: 'Administrator',
      role: 'admin',
      organisationId: FIRST_PROVIDER.id,
      password,
    })
    const { token } = await createToken(inTx, SYSTEM_ACTOR, { userId: admin.id, name: 'first start' })
    return { organisation: FIRST_PROVIDER.id, email: admin.email, token, password }
  })
}
