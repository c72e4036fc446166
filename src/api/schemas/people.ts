import { z } from 'zod'
import { named } from './common.ts'
import { NewPasswordSchema } from './session.ts'

const ROLES = ['admin', 'agent', 'customer'] as const
const Id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'must be lower-case letters, digits and dashes, such as northwind or example-it',
  )

export const MeSchema = named(
  'Me',
  z.object({ user: z.string(), role: z.enum(ROLES), organisation: z.string() }),
  'Who the token speaks for.',
)

export const OrganisationSchema = named(
  'Organisation',
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['provider', 'customer']),
    created_at: z.string(),
  }),
)
export const OrganisationListSchema = named(
  'OrganisationList',
  z.object({ items: z.array(OrganisationSchema) }),
)
export const CreateOrganisationSchema = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  kind: z.enum(['provider', 'customer']).default('customer'),
})

export const UserSchema = named(
  'User',
  z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    organisation: z.string(),
    created_at: z.string(),
    disabled_at: z.string().nullable(),
  }),
)
export const UserListSchema = named('UserList', z.object({ items: z.array(UserSchema) }))
export const CreateUserSchema = z.strictObject({
  email: z.email('must be an email address'),
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  organisation: z.string().min(1),
  password: NewPasswordSchema.optional().describe('to sign in to the web app; none: tokens only'),
})
export const UserQuerySchema = z.object({
  organisation: z.string().min(1).optional().describe("only this organisation's users"),
})

export const TokenSchema = named(
  'Token',
  z.object({
    id: z.string(),
    user: z.string(),
    name: z.string(),
    created_at: z.string(),
    last_used_at: z.string().nullable().describe('to the minute'),
    revoked_at: z.string().nullable(),
  }),
  'An API token, without its secret.',
)
export const TokenListSchema = named('TokenList', z.object({ items: z.array(TokenSchema) }))
export const CreatedTokenSchema = named(
  'CreatedToken',
  z.object({ id: z.string(), user: z.string(), name: z.string(), token: z.string() }),
  'The new token: `token` is shown this once and stored only as a hash.',
)
export const CreateTokenSchema = z.strictObject({
  user: z
    .string()
    .min(1)
    .optional()
    .describe('whose token; yourself when left out (only admins name others)'),
  name: z.string().min(1).max(200).describe('what the token is for, e.g. "helpdesk webhook"'),
})
export const TokenQuerySchema = z.object({
  user: z.string().min(1).optional().describe("only this user's tokens (admins); yours otherwise"),
})
