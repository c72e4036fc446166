// The at-risk board (staff, at /): open tickets by the time their most urgent clock has left,
// counting down live in business time, with the breached ones on their own tab. Filters live in
// the address; pages come by cursor as the list scrolls, and only the rows in view are drawn,
// so ten thousand open tickets scroll as smoothly as ten. Refreshed every 30 seconds, and when a
// shown clock's calendar opens or closes or its time runs out.
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time, useNow } from '../../components/time.tsx'
import { TicketFilters, useFilterParams } from './filters.tsx'
import {
  type BoardFilters,
  type Board as BoardPage,
  REFRESH_MS,
  type Received,
  remainingAt,
  serverNow,
  ticketPath,
  useBoard,
} from './ticket-data.ts'
import { type Row, TimeLeft } from './time-left.tsx'
import { metricLabel, plural, urgency } from './words.ts'

export function Board() {
  const { value } = useFilterParams()
  const state = value('state') === 'breached' ? 'breached' : 'at_risk'
  const filters: BoardFilters = {
    customer: value('customer'),
    severity: value('severity'),
    agent: value('agent'),
    service: value('service'),
    state,
  }
  const board = useBoard(filters)
  const pages = board.data?.pages ?? []
  const first = pages[0]
  const rows = useMemo(() => pages.flatMap((page) => page.items.map((item) => ({ item, page }))), [pages])
  const customers = new Map((first?.facets?.customers ?? []).map((c) => [c.id, c.name]))
  useRefetchAtChanges(rows, board.refetch)
  const filtered = Object.entries(filters).some(([k, v]) => k !== 'state' && v !== undefined)
  return (
    <Page title="At risk" actions={first && <Updated page={first} fetching={board.isFetching} />}>
      <TicketFilters
        keys={['customer', 'severity', 'agent', 'service']}
        facets={first?.facets ?? undefined}
        idPrefix="board"
      />
      <BoardTabs state={state} counts={first?.counts ?? null} />
      {board.isPending ? (
        <Loading what="the open tickets" />
      ) : board.isError ? (
        <ErrorView error={board.error} retry={() => board.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyBoard state={state} filtered={filtered} />
      ) : (
        <BoardList
          rows={rows}
          state={state}
          total={(state === 'breached' ? first?.counts?.breached : first?.counts?.at_risk) ?? rows.length}
          customers={customers}
          more={board.hasNextPage ? () => board.fetchNextPage() : null}
          loadingMore={board.isFetchingNextPage}
        />
      )}
    </Page>
  )
}

function Updated({ page, fetching }: { page: Received<BoardPage>; fetching: boolean }) {
  return (
    <p className="muted small tk-updated">
      {fetching ? (
        'Updating…'
      ) : (
        <>
          Updated <Time at={page.as_of} />
        </>
      )}{' '}
      · refreshes every 30 seconds
    </p>
  )
}

function BoardTabs({ state, counts }: { state: BoardFilters['state']; counts: BoardPage['counts'] }) {
  const { params } = useFilterParams()
  const to = (s: BoardFilters['state']) => {
    const next = new URLSearchParams(params)
    if (s === 'at_risk') next.delete('state')
    else next.set('state', s)
    const text = next.toString()
    return text ? `/?${text}` : '/'
  }
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n.toLocaleString('en-GB')})`)
  return (
    <>
      <nav aria-label="Board tabs">
        <ul className="tabs">
          <li>
            <Link to={to('at_risk')} aria-current={state === 'at_risk' ? 'page' : undefined}>
              At risk{count(counts?.at_risk)}
            </Link>
          </li>
          <li>
            <Link to={to('breached')} aria-current={state === 'breached' ? 'page' : undefined}>
              Breached{count(counts?.breached)}
            </Link>
          </li>
        </ul>
      </nav>
      {counts && (
        <p className="tk-sr-only" aria-live="polite">
          {plural(counts.at_risk, 'ticket')} at risk, {counts.breached.toLocaleString('en-GB')} breached.
        </p>
      )}
    </>
  )
}

function EmptyBoard({ state, filtered }: { state: BoardFilters['state']; filtered: boolean }) {
  const { set } = useFilterParams()
  if (filtered) {
    return (
      <Empty title="No open ticket matches these filters">
        <p>
          <button
            type="button"
            onClick={() =>
              set({ customer: undefined, severity: undefined, agent: undefined, service: undefined })
            }
          >
            Clear filters
          </button>
        </p>
      </Empty>
    )
  }
  return state === 'breached' ? (
    <Empty title="No open ticket has breached its targets">
      <p>Tickets whose clocks run past their due time show here, with how long ago they breached.</p>
    </Empty>
  ) : (
    <Empty title="Nothing is at risk">
      <p>
        Open tickets with a running clock show here, the soonest due first. Tickets come from the portal, from
        your helpdesk through <code>POST /api/events</code>, or from <code>upheld import</code>.
      </p>
      <p>
        <Link to="/tickets">See all tickets</Link>
      </p>
    </Empty>
  )
}

function BoardList({
  rows,
  state,
  total,
  customers,
  more,
  loadingMore,
}: {
  rows: Row[]
  state: BoardFilters['state']
  total: number
  customers: Map<string, string>
  more: (() => void) | null
  loadingMore: boolean
}) {
  const list = useRef<HTMLTableElement>(null)
  const [margin, setMargin] = useState(0)
  useLayoutEffect(() => {
    setMargin((list.current?.getBoundingClientRect().top ?? 0) + window.scrollY)
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => 58,
    overscan: 10,
    scrollMargin: margin,
  })
  const shown = virtualizer.getVirtualItems()
  const last = shown.at(-1)?.index ?? 0
  // Near the end of what is loaded, the next page comes by itself.
  useEffect(() => {
    if (more && !loadingMore && last >= rows.length - 10) more()
  }, [more, loadingMore, last, rows.length])
  const now = useNow(1_000)
  return (
    <>
      <table
        ref={list}
        className="tk-board"
        aria-label={state === 'breached' ? 'Breached tickets' : 'Tickets at risk, soonest due first'}
        aria-rowcount={total + 1}
      >
        <thead>
          <tr className="tk-row tk-head" aria-rowindex={1}>
            <th scope="col">{state === 'breached' ? 'Breached' : 'Time left'}</th>
            <th scope="col">Ticket</th>
            <th scope="col">Customer</th>
            <th scope="col">Severity</th>
            <th scope="col">Clock</th>
            <th scope="col">Agent</th>
          </tr>
        </thead>
        <tbody className="tk-rows" style={{ height: virtualizer.getTotalSize() }}>
          {shown.map((v) => {
            const row = rows[v.index]!
            return (
              <tr
                key={`${row.item.customer}/${row.item.id}`}
                ref={virtualizer.measureElement}
                data-index={v.index}
                aria-rowindex={v.index + 2}
                className={`tk-row tk-${tone(row, now)}`}
                style={{ transform: `translateY(${v.start - virtualizer.options.scrollMargin}px)` }}
              >
                <BoardRow row={row} now={now} customers={customers} />
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="tk-more">
        <span className="muted small">
          Showing {rows.length.toLocaleString('en-GB')} of {plural(Math.max(total, rows.length), 'ticket')}
        </span>
        {more && (
          <button type="button" onClick={more} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
      </p>
    </>
  )
}

function tone({ item, page }: Row, now: number): string {
  const at = serverNow(page.as_of, page.received, now)
  if (item.clock.state === 'paused') return 'paused'
  return urgency(remainingAt(item.clock, page.as_of, at), item.clock.target_ms, item.clock.breached)
}

function BoardRow({ row, now, customers }: { row: Row; now: number; customers: Map<string, string> }) {
  const { item } = row
  const { clock } = item
  return (
    <>
      <td className="tk-left-cell">
        <TimeLeft row={row} now={now} />
      </td>
      <td className="tk-ticket">
        <Link to={ticketPath(item.id, item.customer)}>{item.id}</Link>{' '}
        <span className="tk-subject">{item.subject ?? <span className="muted">No subject</span>}</span>
      </td>
      <td>{customers.get(item.customer) ?? item.customer}</td>
      <td>
        <span className="badge neutral">{item.severity}</span>
      </td>
      <td className="small">
        {metricLabel(clock.metric)}
        {clock.due && (
          <span className="muted">
            {' · due '}
            <Time at={clock.due} zone={clock.zone ?? undefined} />
          </span>
        )}
      </td>
      <td className="small">
        {item.agent ?? <span className="muted">Unassigned</span>}
        {item.service && <span className="muted"> · {item.service}</span>}
      </td>
    </>
  )
}

/**
 * Reads the board again just after the first shown clock's calendar opens or closes, or its time
 * runs out, when that comes before the next 30-second refresh.
 */
function useRefetchAtChanges(rows: Row[], refetch: () => unknown) {
  const latest = useRef(refetch)
  latest.current = refetch
  const soonest = useMemo(() => {
    let best = Number.POSITIVE_INFINITY
    for (const { item, page } of rows) {
      const { clock } = item
      const local = (iso: string) => page.received + (Date.parse(iso) - Date.parse(page.as_of))
      if (clock.next_change) best = Math.min(best, local(clock.next_change))
      if (clock.counting && clock.remaining_ms > 0) best = Math.min(best, page.received + clock.remaining_ms)
    }
    return best
  }, [rows])
  useEffect(() => {
    const wait = soonest - Date.now() + 1_000
    if (!Number.isFinite(wait) || wait > REFRESH_MS) return
    const id = setTimeout(() => latest.current(), Math.max(1_000, wait))
    return () => clearTimeout(id)
  }, [soonest])
}
