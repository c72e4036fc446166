// Organisations, users and API tokens. Admins manage them; anyone manages their own tokens.

import type { Deps } from '../../actions/deps.ts'
import { listOrganisations } from '../../actions/list-organisations.ts'
import { listTokens } from '../../actions/list-tokens.ts'
import { listUsers } from '../../actions/list-users.ts'
import { createOrganisation, createToken, createUser, revokeTokenById } from '../../actions/manage-people.ts'
import { presentOrganisation, presentToken, presentUser } from '../presenters.ts'
import { type Route, route } from '../route.ts'
import { IdParam } from '../schemas/common.ts'
import * as S from '../schemas/people.ts'

const ADMIN_ONLY = { 403: { description: 'the token is not an admin’s' } }

export function peopleRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/me',
      operationId: 'getMe',
      tag: 'People',
      summary: 'Who the token speaks for',
      responses: { 200: { description: 'the user, role and organisation', schema: S.MeSchema } },
      handle: (c) => {
        const actor = c.get('actor')
        return c.json({ user: actor.userId, role: actor.role, organisation: actor.organisationId })
      },
    }),
    route({
      method: 'get',
      path: '/api/organisations',
      operationId: 'listOrganisations',
      tag: 'People',
      summary: 'List organisations (admin)',
      responses: {
        200: { description: 'every organisation', schema: S.OrganisationListSchema },
        ...ADMIN_ONLY,
      },
      handle: async (c) =>
        c.json({ items: (await listOrganisations(deps, c.get('actor'))).map(presentOrganisation) }),
    }),
    route({
      method: 'post',
      path: '/api/organisations',
      operationId: 'createOrganisation',
      tag: 'People',
      summary: 'Create an organisation (admin)',
      body: { json: S.CreateOrganisationSchema },
      responses: {
        201: { description: 'created', schema: S.OrganisationSchema },
        ...ADMIN_ONLY,
        409: { description: 'an organisation with this id exists' },
      },
      handle: async (c, { body }) => {
        const org = await createOrganisation(deps, c.get('actor'), body)
        return c.json(presentOrganisation({ ...org, created_at: new Date(deps.now()) }), 201)
      },
    }),
    route({
      method: 'get',
      path: '/api/users',
      operationId: 'listUsers',
      tag: 'People',
      summary: 'List users (admin)',
      query: S.UserQuerySchema,
      responses: { 200: { description: 'users, by email', schema: S.UserListSchema }, ...ADMIN_ONLY },
      handle: async (c, { query }) =>
        c.json({ items: (await listUsers(deps, c.get('actor'), query.organisation)).map(presentUser) }),
    }),
    route({
      method: 'post',
      path: '/api/users',
      operationId: 'createUser',
      tag: 'People',
      summary: 'Create a user (admin)',
      description: 'Customer users belong to a customer organisation; admins and agents to the provider.',
      body: { json: S.CreateUserSchema },
      responses: {
        201: { description: 'created', schema: S.UserSchema },
        ...ADMIN_ONLY,
        404: { description: 'no such organisation' },
        409: { description: 'a user with this email exists' },
      },
      handle: async (c, { body }) => {
        const user = await createUser(deps, c.get('actor'), { ...body, organisationId: body.organisation })
        return c.json(presentUser(user), 201)
      },
    }),
    ...tokenRoutes(deps),
  ]
}

function tokenRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/tokens',
      operationId: 'listTokens',
      tag: 'People',
      summary: 'List API tokens, without their secrets',
      description: 'Admins see every token (or one user’s); anyone else sees their own.',
      query: S.TokenQuerySchema,
      responses: {
        200: { description: 'tokens, oldest first', schema: S.TokenListSchema },
        403: { description: 'another user’s tokens, asked for by a non-admin' },
      },
      handle: async (c, { query }) =>
        c.json({ items: (await listTokens(deps, c.get('actor'), query.user)).map(presentToken) }),
    }),
    route({
      method: 'post',
      path: '/api/tokens',
      operationId: 'createToken',
      tag: 'People',
      summary: 'Create an API token; the secret is shown this once',
      body: { json: S.CreateTokenSchema },
      responses: {
        201: { description: 'the token and its secret', schema: S.CreatedTokenSchema },
        403: { description: 'a token for another user, asked for by a non-admin' },
        404: { description: 'no such user' },
      },
      handle: async (c, { body }) => {
        const userId = body.user ?? c.get('actor').userId
        const created = await createToken(deps, c.get('actor'), { userId, name: body.name })
        return c.json({ id: created.id, user: userId, name: body.name, token: created.token }, 201)
      },
    }),
    route({
      method: 'delete',
      path: '/api/tokens/:id',
      operationId: 'revokeToken',
      tag: 'People',
      summary: 'Revoke an API token',
      description: 'Admins revoke any token; anyone else their own. It stops working at once.',
      params: IdParam,
      responses: {
        204: { description: 'revoked' },
        404: { description: 'no live token with this id among those you may revoke' },
      },
      handle: async (c, { params }) => {
        await revokeTokenById(deps, c.get('actor'), params.id)
        return c.body(null, 204)
      },
    }),
  ]
}
