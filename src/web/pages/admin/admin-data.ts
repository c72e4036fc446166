// What the admin pages read: users, organisations, tokens and channels, each one query shared by
// the pages that show it (a user's email beside their token, a channel's name in the log).
import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { ChannelListSchema } from '../../../api/schemas/notifications.ts'
import type { OrganisationListSchema, TokenListSchema, UserListSchema } from '../../../api/schemas/people.ts'
import { get } from '../../api.ts'

export type User = z.infer<typeof UserListSchema>['items'][number]
export type Organisation = z.infer<typeof OrganisationListSchema>['items'][number]
export type Token = z.infer<typeof TokenListSchema>['items'][number]
export type Channel = z.infer<typeof ChannelListSchema>['items'][number]

export const KEYS = {
  users: ['staff-pages', 'users'],
  organisations: ['staff-pages', 'organisations'],
  tokens: ['staff-pages', 'tokens'],
  channels: ['staff-pages', 'channels'],
  notifications: ['staff-pages', 'notifications'],
} as const

/** Every user (admins only: `enabled` false for anyone else). */
export const useUsers = (enabled = true) =>
  useQuery({
    queryKey: KEYS.users,
    queryFn: ({ signal }) => get<{ items: User[] }>('/api/users', signal).then((r) => r.items),
    enabled,
  })

export const useOrganisations = () =>
  useQuery({
    queryKey: KEYS.organisations,
    queryFn: ({ signal }) =>
      get<{ items: Organisation[] }>('/api/organisations', signal).then((r) => r.items),
  })

export const useTokens = () =>
  useQuery({
    queryKey: KEYS.tokens,
    queryFn: ({ signal }) => get<{ items: Token[] }>('/api/tokens', signal).then((r) => r.items),
  })

export const useChannels = () =>
  useQuery({
    queryKey: KEYS.channels,
    queryFn: ({ signal }) =>
      get<{ items: Channel[] }>('/api/notification-channels', signal).then((r) => r.items),
  })

export const ROLE_NAMES = { admin: 'Administrator', agent: 'Agent', customer: 'Customer' } as const
