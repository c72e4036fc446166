// The public status pages, as HTML and without a token: /status lists the customers whose
// agreements publish a service, /status/<customer> is one customer's page. A customer with
// nothing public has no page, exactly as one that does not exist.
import { z } from 'zod'
import { buildStatusPage, listStatusPages } from '../../actions/build-status-page.ts'
import type { Deps } from '../../actions/deps.ts'
import { renderStatusIndex, renderStatusNotFound, renderStatusPage } from '../../render/status-page.ts'
import { type Route, route } from '../route.ts'

const common = { public: true, tag: 'Status page' } as const
// Proxies may keep a page briefly: it refreshes itself every minute.
const CACHE = { 'Cache-Control': 'public, max-age=30' }

export function statusPageRoutes(deps: Deps): Route[] {
  return [
    route({
      ...common,
      method: 'get',
      path: '/status',
      operationId: 'statusPages',
      summary: 'The public status pages, one a customer that publishes a service',
      responses: { 200: { description: 'an HTML page', media: 'text/html' } },
      handle: async (c) => c.html(renderStatusIndex(await listStatusPages(deps)), 200, CACHE),
    }),
    route({
      ...common,
      method: 'get',
      path: '/status/:customer',
      operationId: 'statusPage',
      summary: 'A customer’s public status page',
      description:
        'The services its agreements in force mark public (`public: true` on the service or on an availability ' +
        'objective of it): current status, 90 daily bars in the objective’s time zone (a day without data is ' +
        'grey, never green), incidents of the last 90 days and announced maintenance.',
      params: z.object({ customer: z.string().min(1).max(200) }),
      responses: {
        200: { description: 'an HTML page', media: 'text/html' },
        404: { description: 'no such page', media: 'text/html' },
      },
      handle: async (c, { params }) => {
        const view = await buildStatusPage(deps, params.customer)
        return view ? c.html(renderStatusPage(view), 200, CACHE) : c.html(renderStatusNotFound(), 404)
      },
    }),
  ]
}
