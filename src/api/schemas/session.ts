import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/password-policy.ts'
import { named } from './common.ts'

/** A new password, as the policy wants it. */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .describe(`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`)

// Any length a password could have, so that a wrong one is a 401, not a hint about the policy.
const GivenPassword = z.string().min(1).max(PASSWORD_MAX_LENGTH)

export const SignInSchema = z.strictObject({
  email: z.string().trim().min(1).max(320),
  password: GivenPassword,
})

export const SessionSchema = named(
  'Session',
  z.object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(['admin', 'agent', 'customer']),
      organisation: z.string(),
    }),
    csrf_token: z
      .string()
      .describe('send it as the X-CSRF-Token header with every signed-in request but GET, HEAD and OPTIONS'),
  }),
  'Who is signed in, and the token that proves a request comes from the web app.',
)

export const SetPasswordSchema = z.strictObject({
  password: NewPasswordSchema,
  current_password: GivenPassword.optional().describe('needed to change your own password (admins need not)'),
})
