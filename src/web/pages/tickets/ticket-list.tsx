// Every ticket, newest first, open and closed: staff see all customers' (and filter by one),
// customers their own organisation's, in the same table. Filters live in the address.
import { Link } from 'react-router'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { isStaff, useUser } from '../../session.tsx'
import { type FilterKey, TicketFilters, useFilterParams } from './filters.tsx'
import { type ListFilters, ticketPath, useFacets, useTicketList } from './ticket-data.ts'
import { plural, statusLabel, statusTone } from './words.ts'

export function TicketList() {
  const user = useUser()
  const staff = isStaff(user)
  const { value, set } = useFilterParams()
  const status = value('status')
  const filters: ListFilters = {
    customer: staff ? value('customer') : undefined,
    severity: value('severity'),
    agent: value('agent'),
    service: value('service'),
    status: status === 'open' || status === 'closed' ? status : undefined,
  }
  const list = useTicketList(filters)
  const facets = useFacets(false)
  const customers = new Map((facets.data?.customers ?? []).map((c) => [c.id, c.name]))
  const keys: FilterKey[] = staff
    ? ['status', 'customer', 'severity', 'agent', 'service']
    : ['status', 'severity', 'service']
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? []
  const filtered = Object.values(filters).some((v) => v !== undefined)
  return (
    <Page title="Tickets">
      <TicketFilters keys={keys} facets={facets.data} idPrefix="tickets" />
      {list.isPending ? (
        <Loading what="the tickets" />
      ) : list.isError ? (
        <ErrorView error={list.error} retry={() => list.refetch()} />
      ) : tickets.length === 0 ? (
        filtered ? (
          <Empty title="No ticket matches these filters">
            <p>
              <button type="button" onClick={() => set(Object.fromEntries(keys.map((k) => [k, undefined])))}>
                Clear filters
              </button>
            </p>
          </Empty>
        ) : staff ? (
          <Empty title="No tickets yet">
            <p>
              Tickets come from the customers' portal, from your helpdesk through{' '}
              <code>POST /api/events</code>, or from a file with <code>upheld import</code>.
            </p>
          </Empty>
        ) : (
          <Empty title="You have no tickets yet">
            <p>
              <Link to="/report-problem">Report a problem</Link> and it shows here, with when you can expect
              an answer.
            </p>
          </Empty>
        )
      ) : (
        <>
          <div className="table-wrap">
            <table className="tk-list">
              <caption className="tk-sr-only">Tickets, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  {staff && <th scope="col">Customer</th>}
                  <th scope="col">Severity</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="hide-narrow">
                    Service
                  </th>
                  <th scope="col" className="hide-narrow">
                    Agent
                  </th>
                  <th scope="col" className="hide-narrow">
                    Raised
                  </th>
                </tr>
              </thead>
              <tbody>
                {tickets.map((t) => (
                  <tr key={`${t.customer}/${t.id}`}>
                    <td>
                      <Link to={ticketPath(t.id, staff ? t.customer : undefined)}>{t.id}</Link>
                      <div className="small">{t.subject ?? <span className="muted">No subject</span>}</div>
                    </td>
                    {staff && <td>{customers.get(t.customer) ?? t.customer}</td>}
                    <td>
                      <span className="badge neutral">{t.severity}</span>
                    </td>
                    <td>
                      <span className={`badge ${statusTone(t.status)}`}>{statusLabel(t.status)}</span>
                    </td>
                    <td className="hide-narrow">{t.service ?? <span className="muted">—</span>}</td>
                    <td className="hide-narrow">{t.agent ?? <span className="muted">Unassigned</span>}</td>
                    <td className="hide-narrow small">
                      <Time at={t.created_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="tk-more">
            <span className="muted small" aria-live="polite">
              {plural(tickets.length, 'ticket')} shown{list.hasNextPage ? ', more to load' : ''}
            </span>
            {list.hasNextPage && (
              <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            )}
          </p>
        </>
      )}
    </Page>
  )
}
