import { AppError } from '../domain/app-error.ts'
import type { Actor, Role } from './deps.ts'

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new AppError(
      'forbidden',
      `this needs the ${roles.join(' or ')} role; you are ${article(actor.role)}`,
    )
  }
}

/** The customer whose data the actor may see: their own for customer users, any for staff. */
export function customerScope(actor: Actor, requested?: string): string | undefined {
  if (actor.role !== 'customer') return requested
  if (requested !== undefined && requested !== actor.organisationId) {
    // Another customer's data does not exist, as far as this actor can tell.
    throw new AppError('not_found', `no customer "${requested}"`)
  }
  return actor.organisationId
}

function article(role: string): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`
}
