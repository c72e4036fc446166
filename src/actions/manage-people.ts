// Organisations, users and API tokens (admin work). Tokens are random, shown once, and
// stored only as a SHA-256 hash; passwords only as argon2id hashes (passwords.ts).
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { AppError } from '../domain/app-error.ts'
import { findOrganisation, insertOrganisation } from '../storage/organisations.ts'
import { findToken, insertToken, revokeToken } from '../storage/tokens.ts'
import { findUser, findUserByEmail, insertUser, type UserRow } from '../storage/users.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps, Role } from './deps.ts'
import { hashPassword } from './passwords.ts'

const TOKEN_PREFIX = 'uph_'

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function createOrganisation(
  deps: Deps,
  actor: Actor,
  org: { id: string; name: string; kind: 'provider' | 'customer' },
) {
  requireRole(actor, 'admin')
  if (!(await insertOrganisation(deps.db, org)))
    throw new AppError('conflict', `an organisation "${org.id}" exists already`)
  return org
}

export async function createUser(
  deps: Deps,
  actor: Actor,
  user: { email: string; name: string; role: Role; organisationId: string; password?: string },
): Promise<UserRow> {
  requireRole(actor, 'admin')
  const org = await findOrganisation(deps.db, user.organisationId)
  if (!org) throw new AppError('not_found', `no organisation "${user.organisationId}"`)
  if ((user.role === 'customer') !== (org.kind === 'customer')) {
    throw new AppError(
      'invalid_input',
      `a ${user.role} user cannot belong to ${org.kind} organisation "${org.id}"`,
      [
        {
          path: ['role'],
          message:
            user.role === 'customer'
              ? 'customer users belong to a customer organisation'
              : 'staff belong to the provider',
        },
      ],
    )
  }
  if (await findUserByEmail(deps.db, user.email))
    throw new AppError('conflict', `a user with the email ${user.email} exists already`)
  const id = `u_${randomUUID()}`
  await insertUser(deps.db, {
    id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisation_id: user.organisationId,
    password_hash: user.password === undefined ? null : await hashPassword(user.password),
  })
  return {
    id,
    email: user.email.toLowerCase(),
    name: user.name,
    role: user.role,
    organisation_id: user.organisationId,
    created_at: new Date(deps.now()),
    disabled_at: null,
  }
}

/** Creates a token for a user; the token itself is returned this once and never again. */
export async function createToken(
  deps: Deps,
  actor: Actor,
  input: { userId: string; name: string },
): Promise<{ id: string; token: string }> {
  if (actor.role !== 'admin' && actor.userId !== input.userId) {
    throw new AppError('forbidden', 'only an admin may create tokens for another user')
  }
  if (!(await findUser(deps.db, input.userId))) throw new AppError('not_found', `no user "${input.userId}"`)
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  const id = `t_${randomUUID()}`
  await insertToken(deps.db, { id, userId: input.userId, name: input.name, hash: hashToken(token) })
  return { id, token }
}

/** An admin revokes any token; anyone else their own (another's is "not found", as if it did not exist). */
export async function revokeTokenById(deps: Deps, actor: Actor, id: string): Promise<void> {
  const token = await findToken(deps.db, id)
  const visible = token !== undefined && (actor.role === 'admin' || token.user_id === actor.userId)
  if (!visible || !(await revokeToken(deps.db, id, new Date(deps.now()))))
    throw new AppError('not_found', `no live token "${id}"`)
}

/** A token for the user with this email (for `upheld token create --user`). */
export async function createTokenForEmail(deps: Deps, actor: Actor, input: { email: string; name: string }) {
  const user = await findUserByEmail(deps.db, input.email)
  if (!user) throw new AppError('not_found', `no user with the email ${input.email}`)
  return { user, ...(await createToken(deps, actor, { userId: user.id, name: input.name })) }
}
