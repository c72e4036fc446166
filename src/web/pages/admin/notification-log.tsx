// The delivery log: every notification, newest first, with its state, its attempts and the last
// error, filtered by state and customer and paged with "Show older".
import { useInfiniteQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import type { z } from 'zod'
import type { NotificationListSchema } from '../../../api/schemas/notifications.ts'
import { get, query } from '../../api.ts'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { KEYS, useChannels, useOrganisations } from './admin-data.ts'
import { AdminPage } from './admin-frame.tsx'

type NotificationList = z.infer<typeof NotificationListSchema>
type Notification = NotificationList['items'][number]

const PAGE = 50
const STATES = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' } as const
const STATE_BADGE = { pending: 'warn', delivered: 'ok', failed: 'bad' } as const
const EVENTS: Record<string, string> = {
  'clock.warning': 'Warning before a breach',
  'clock.breached': 'Target breached',
  'clock.escalated': 'Escalated',
  'report.ready': 'Report ready',
  'agreement.distributed': 'Agreement distributed',
  'agreement.finding': 'Agreement health finding',
  'service.down': 'Service down',
  'service.up': 'Service back up',
}

export function NotificationLogPage() {
  const [params, setParams] = useSearchParams()
  const state = params.get('state') ?? ''
  const customer = params.get('customer') ?? ''
  const organisations = useOrganisations()
  const channels = useChannels()
  const log = useInfiniteQuery({
    queryKey: [...KEYS.notifications, state, customer],
    queryFn: ({ pageParam, signal }) =>
      get<NotificationList>(
        `/api/notifications${query({ state, customer, limit: PAGE, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  const items = log.data?.pages.flatMap((p) => p.items) ?? []
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name ?? id
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(key, value)
        else p.delete(key)
        return p
      },
      { replace: true },
    )
  const customers = organisations.data?.filter((o) => o.kind === 'customer') ?? []
  return (
    <AdminPage title="Notification log">
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the log">
        <div>
          <label htmlFor="log-state">State</label>
          <select id="log-state" value={state} onChange={(e) => set('state', e.target.value)}>
            <option value="">Any state</option>
            {Object.entries(STATES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="log-customer">Customer</label>
          <select id="log-customer" value={customer} onChange={(e) => set('customer', e.target.value)}>
            <option value="">Every customer</option>
            {customers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {log.isPending ? (
        <Loading what="the notification log" />
      ) : log.isError ? (
        <ErrorView error={log.error} retry={() => log.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={state || customer ? 'Nothing matches these filters' : 'Nothing has been sent yet'}>
          {state || customer ? (
            <p>Choose “Any state” and “Every customer” to see the whole log.</p>
          ) : (
            <p>
              Notifications appear here when a clock warns or breaches, a service goes down, a report is ready
              or an agreement is distributed, once a channel is set up under Notification channels.
            </p>
          )}
        </Empty>
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {items.length} notification{items.length === 1 ? '' : 's'} shown, newest first
            {log.hasNextPage ? '; older ones below' : ''}.
          </p>
          <div className="table-wrap">
            <table className="log">
              <caption className="visually-hidden">Notifications, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Event</th>
                  <th scope="col" className="hide-narrow">
                    Customer
                  </th>
                  <th scope="col">Channel and recipient</th>
                  <th scope="col">State</th>
                  <th scope="col" className="num">
                    Attempts
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((n) => (
                  <LogRow key={`${n.customer}/${n.id}`} n={n} channel={channelName(n.channel)} />
                ))}
              </tbody>
            </table>
          </div>
          {log.hasNextPage && (
            <div className="form-actions">
              <button type="button" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                {log.isFetchingNextPage ? 'Loading…' : 'Show older'}
              </button>
            </div>
          )}
        </>
      )}
    </AdminPage>
  )
}

function LogRow({ n, channel }: { n: Notification; channel: string }) {
  return (
    <tr>
      <td className="nowrap">
        <Time at={n.created_at} />
      </td>
      <td>
        {EVENTS[n.event] ?? n.event}
        <div className="small muted break">{n.subject}</div>
      </td>
      <td className="hide-narrow">{n.customer}</td>
      <td className="break">
        {channel}
        <div className="small muted">{n.recipient}</div>
      </td>
      <td>
        <span className={`badge ${STATE_BADGE[n.state]}`}>{STATES[n.state]}</span>
        <div className="small muted">
          {n.state === 'delivered' && <Time at={n.delivered_at} />}
          {n.state === 'pending' && (
            <>
              next try <Time at={n.next_attempt_at} />
            </>
          )}
        </div>
        {n.last_error && <div className="small error-text break">{n.last_error}</div>}
      </td>
      <td className="num">
        {n.attempt_log.length === 0 ? (
          n.attempts
        ) : (
          <details className="attempts">
            <summary aria-label={`${n.attempts} attempts: show each`}>{n.attempts}</summary>
            <ol>
              {n.attempt_log.map((a) => (
                <li key={a.attempt}>
                  <Time at={a.at} />: {a.outcome === 'delivered' ? 'delivered' : 'failed'}
                  {a.detail && <span className="muted"> — {a.detail}</span>}
                </li>
              ))}
            </ol>
          </details>
        )}
      </td>
    </tr>
  )
}
