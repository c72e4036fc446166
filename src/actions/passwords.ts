// Passwords are kept only as argon2id hashes (the library's defaults: 19 MiB, two passes).
import { randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { AppError } from '../domain/app-error.ts'
import { passwordIssue } from '../domain/password-policy.ts'

/** Throws invalid_input naming `field` when the password breaks the policy. */
export function requireGoodPassword(password: string, field = 'password'): void {
  const issue = passwordIssue(password, field)
  if (issue) throw new AppError('invalid_input', `the ${field.replace('_', ' ')} ${issue.message}`, [issue])
}

export async function hashPassword(password: string): Promise<string> {
  requireGoodPassword(password)
  return hash(password)
}

// Checking a password against a hash of nothing in particular when there is no hash to check
// takes as long as a real check, so the time of an answer does not tell which emails exist.
let dummy: Promise<string> | undefined
const dummyHash = () => (dummy ??= hash(randomBytes(24).toString('base64url')))

/** Whether `password` matches `stored`; with no stored hash, false, after as long a wait. */
export async function passwordMatches(stored: string | null | undefined, password: string): Promise<boolean> {
  const matches = await verify(stored ?? (await dummyHash()), password)
  return stored !== null && stored !== undefined && matches
}

/** A random first password: 24 characters of base64url, 144 bits. */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url')
}
