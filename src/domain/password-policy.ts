// What a password must be: long enough to resist guessing, and short enough that hashing it
// stays cheap (argon2 reads every byte, so an unbounded one would let anyone burn the CPU).
import type { Issue } from './issues.ts'

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 1024

/** What is wrong with `password`, named by `field`; null when it will do. */
export function passwordIssue(password: string, field = 'password'): Issue | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return {
      path: [field],
      message: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
      hint: 'a few unrelated words make a good one',
    }
  if (password.length > PASSWORD_MAX_LENGTH)
    return { path: [field], message: `must be at most ${PASSWORD_MAX_LENGTH} characters` }
  return null
}
