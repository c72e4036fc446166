// A customer agreement that publishes its portal (and keeps email private), and a few weeks of
// status events for Acme and Globex: the status page tests' world, over HTTP or in a browser.
import { HELPDESK_SLA } from '../../actions/test-support/fixtures.ts'

/** The helpdesk agreement for `customer`, its portal public under `portalName`. */
export function publicSla(customer: string, portalName = 'Customer portal'): string {
  const name = customer[0]!.toUpperCase() + customer.slice(1)
  return HELPDESK_SLA.replaceAll('acme', customer)
    .replaceAll('Acme', name)
    .replace(
      '      name: Customer portal\n',
      `      name: ${JSON.stringify(portalName)}\n      public: true\n`,
    )
}

export const PUBLIC_SLA = publicSla('acme')

type Post = (path: string, json: unknown) => Promise<{ status: number }>

const event = (id: string, service: string, at: string, status: string) => ({ id, service, at, status })

/**
 * Acme's portal is watched from noon on 31 October, down for 42.5 minutes on 10 November;
 * its private email service is down from 5 November. Globex's portal is down for an hour on
 * 20 November.
 */
export async function seedStatusHistory(post: Post): Promise<void> {
  const batches: [string, ReturnType<typeof event>[]][] = [
    [
      'acme',
      [
        event('a-1', 'portal', '2026-10-31T12:00:00Z', 'up'),
        event('a-2', 'portal', '2026-11-10T10:00:00Z', 'down'),
        event('a-3', 'portal', '2026-11-10T10:42:30Z', 'up'),
        event('a-4', 'email', '2026-11-05T00:00:00Z', 'down'),
      ],
    ],
    [
      'globex',
      [
        event('g-1', 'portal', '2026-10-01T00:00:00Z', 'up'),
        event('g-2', 'portal', '2026-11-20T12:00:00Z', 'down'),
        event('g-3', 'portal', '2026-11-20T13:00:00Z', 'up'),
      ],
    ],
  ]
  for (const [customer, events] of batches) {
    const r = await post(`/api/status-events?customer=${customer}`, events)
    if (r.status !== 202) throw new Error(`seeding ${customer}'s status events: ${r.status}`)
  }
}
