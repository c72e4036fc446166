// The at-risk board (staff) and the values the ticket filters can take.
import type { Deps } from '../../actions/deps.ts'
import { listBoard, listTicketFacets } from '../../actions/list-board.ts'
import { presentBoard } from '../board-presenters.ts'
import { type Route, route } from '../route.ts'
import * as S from '../schemas/board.ts'

export function boardRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/board',
      operationId: 'getBoard',
      tag: 'Tickets',
      summary: 'The at-risk board: open tickets by the time their most urgent clock has left',
      description:
        'Staff only. Each open ticket once, with its most urgent open clock and the business time it has left ' +
        'as of as_of. at_risk: running clocks soonest due first, then tickets whose clocks are all paused ' +
        '(least time left first); breached: tickets with a breached open clock, the breach longest ago first. ' +
        'A client counts remaining_ms down from as_of while counting is true, until next_change.',
      query: S.BoardQuerySchema,
      responses: {
        200: { description: 'a page of the board', schema: S.BoardSchema },
        403: { description: 'customers have no board (their tickets are at /api/tickets)' },
      },
      handle: async (c, { query }) =>
        c.json(presentBoard(await listBoard(deps, c.get('actor'), query), query.state)),
    }),
    route({
      method: 'get',
      path: '/api/ticket-facets',
      operationId: 'getTicketFacets',
      tag: 'Tickets',
      summary: 'The customers, severities, agents and services of the tickets you may see',
      query: S.TicketFacetsQuerySchema,
      responses: { 200: { description: 'the values', schema: S.TicketFacetsSchema } },
      handle: async (c, { query }) =>
        c.json(
          await listTicketFacets(deps, c.get('actor'), {
            customer: query.customer,
            openOnly: query.open ?? false,
          }),
        ),
    }),
  ]
}
