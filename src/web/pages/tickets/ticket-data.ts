// What the ticket pages read from the API and write to it, each read under one query key: the
// board (paged by cursor, refreshed every 30 s), the ticket list, one ticket, its timeline, and
// the values the filters can take.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { BoardSchema, TicketFacetsSchema } from '../../../api/schemas/board.ts'
import type { TicketTimelineSchema } from '../../../api/schemas/ticket-timeline.ts'
import type { TicketDetailSchema, TicketPageSchema } from '../../../api/schemas/tickets.ts'
import { get, post, query } from '../../api.ts'

export type Board = z.infer<typeof BoardSchema>
export type BoardItem = Board['items'][number]
export type Facets = z.infer<typeof TicketFacetsSchema>
export type TicketPage = z.infer<typeof TicketPageSchema>
export type TicketDetail = z.infer<typeof TicketDetailSchema>
export type Timeline = z.infer<typeof TicketTimelineSchema>
export type TimelineClock = Timeline['clocks'][number]
export type StoredEvent = TicketDetail['events'][number]

/** A page as received: `received` is the browser's clock when it came, to count down from. */
export type Received<T> = T & { received: number }

export const REFRESH_MS = 30_000
const PAGE = 50

export type BoardFilters = {
  customer?: string
  severity?: string
  agent?: string
  service?: string
  state: 'at_risk' | 'breached'
}

export function useBoard(filters: BoardFilters) {
  return useInfiniteQuery({
    queryKey: ['tickets', 'board', filters],
    queryFn: async ({ pageParam, signal }): Promise<Received<Board>> => {
      const page = await get<Board>(
        `/api/board${query({ ...filters, limit: PAGE, cursor: pageParam })}`,
        signal,
      )
      return { ...page, received: Date.now() }
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  })
}

export type ListFilters = {
  customer?: string
  severity?: string
  agent?: string
  service?: string
  status?: 'open' | 'closed'
}

export function useTicketList(filters: ListFilters) {
  return useInfiniteQuery({
    queryKey: ['tickets', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      get<TicketPage>(`/api/tickets${query({ ...filters, limit: PAGE, cursor: pageParam })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
}

export function useFacets(open: boolean) {
  return useQuery({
    queryKey: ['tickets', 'facets', open],
    queryFn: ({ signal }) =>
      get<Facets>(`/api/ticket-facets${query({ open: open ? 1 : undefined })}`, signal),
    staleTime: 60_000,
  })
}

/** Where a ticket lives: staff name its customer too, since two customers may use one id. */
export function ticketPath(id: string, customer?: string): string {
  return `/tickets/${encodeURIComponent(id)}${customer ? query({ customer }) : ''}`
}

const apiPath = (id: string, rest = '', customer?: string) =>
  `/api/tickets/${encodeURIComponent(id)}${rest}${query({ customer })}`

export function useTicket(id: string, customer?: string) {
  return useQuery({
    queryKey: ['tickets', 'one', id, customer ?? null],
    queryFn: ({ signal }) => get<TicketDetail>(apiPath(id, '', customer), signal),
  })
}

export function useTimeline(id: string, customer?: string) {
  return useQuery({
    queryKey: ['tickets', 'timeline', id, customer ?? null],
    queryFn: async ({ signal }): Promise<Received<Timeline>> => ({
      ...(await get<Timeline>(apiPath(id, '/timeline', customer), signal)),
      received: Date.now(),
    }),
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  })
}

/** Writes on a ticket; afterwards every ticket query is read again (the board, the list, this one). */
export function useTicketWrite<B>(id: string, path: '/messages' | '/status', customer?: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: B) => post<TicketDetail>(apiPath(id, path, customer), body),
    onSuccess: async (ticket) => {
      client.setQueryData(['tickets', 'one', id, customer ?? null], ticket)
      await client.invalidateQueries({ queryKey: ['tickets'] })
    },
  })
}

/**
 * The server's instant now, from an answer stamped `asOf` and received at `received` by the
 * browser's clock: counting from the browser's own clock keeps a skew between the two out.
 */
export function serverNow(asOf: string, received: number, now: number): number {
  return Date.parse(asOf) + Math.max(0, now - received)
}

type Counted = { remaining_ms: number; counting: boolean; next_change: string | null }

/** Business time left at `at` (the server's instant): it goes down only while the calendar is open. */
export function remainingAt(clock: Counted, asOf: string, at: number): number {
  if (!clock.counting) return clock.remaining_ms
  const until = clock.next_change === null ? at : Math.min(at, Date.parse(clock.next_change))
  return clock.remaining_ms - Math.max(0, until - Date.parse(asOf))
}
