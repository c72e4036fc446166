// Who is signed in: read once from GET /api/session, set by signing in, cleared by signing out
// or by any 401. The CSRF token it carries goes on every request that changes something.
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react'
import { ApiError, api, setCsrfToken, whenUnauthorized } from './api.ts'

export type Role = 'admin' | 'agent' | 'customer'
export type User = { id: string; email: string; name: string; role: Role; organisation: string }
type SessionBody = { user: User; csrf_token: string }

export type Session = {
  user: User | null
  loading: boolean
  signIn(email: string, password: string): Promise<User>
  signOut(): Promise<void>
}

const SessionContext = createContext<Session | null>(null)
const KEY = ['session']

/** What one user fetched is never shown to the next; the session query itself stays observed. */
function forgetOtherQueries(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== KEY[0] })
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient()
  const { data, isPending } = useQuery({
    queryKey: KEY,
    queryFn: async () => {
      try {
        const body = await api<SessionBody>('GET', '/api/session')
        setCsrfToken(body.csrf_token)
        return body.user
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  })
  useEffect(() => {
    whenUnauthorized(() => {
      setCsrfToken(null)
      client.setQueryData(KEY, null)
    })
  }, [client])
  const signIn = useCallback(
    async (email: string, password: string) => {
      const body = await api<SessionBody>('POST', '/api/session', { body: { email, password } })
      setCsrfToken(body.csrf_token)
      forgetOtherQueries(client)
      client.setQueryData(KEY, body.user)
      return body.user
    },
    [client],
  )
  const signOut = useCallback(async () => {
    await api('DELETE', '/api/session').catch(() => undefined)
    setCsrfToken(null)
    forgetOtherQueries(client)
    client.setQueryData(KEY, null)
  }, [client])
  const value = useMemo(
    () => ({ user: data ?? null, loading: isPending, signIn, signOut }),
    [data, isPending, signIn, signOut],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession is used outside SessionProvider')
  return session
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useUser(): User {
  const { user } = useSession()
  if (!user) throw new Error('useUser is used on a page that needs no sign-in')
  return user
}

export const isStaff = (user: User) => user.role === 'admin' || user.role === 'agent'
