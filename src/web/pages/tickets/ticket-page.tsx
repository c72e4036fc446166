// One ticket, for staff and for its customer: its fields, its clocks on a timeline (counting down
// live), what happened, who is escalated next, and a form to reply. Another customer's ticket is
// "not found", exactly like one that does not exist.
import type { ReactNode } from 'react'
import { Link, useLocation, useParams, useSearchParams } from 'react-router'
import { ApiError } from '../../api.ts'
import { Page } from '../../components/page.tsx'
import { ErrorView, Loading } from '../../components/states.tsx'
import { Time, useNow } from '../../components/time.tsx'
import { isStaff, useUser } from '../../session.tsx'
import { NotFound } from '../not-found.tsx'
import { TimelineLegend } from './clock-steps.tsx'
import { ClockTimeline } from './clock-timeline.tsx'
import { Escalations } from './escalations.tsx'
import { EventList } from './event-list.tsx'
import { ReplyForm, StatusForm } from './reply-form.tsx'
import { serverNow, type TicketDetail, useTicket, useTimeline } from './ticket-data.ts'
import { statusLabel, statusTone } from './words.ts'

type Raised = { raised?: { id: string; severity: string; responseDue: string | null } }

export function TicketPage() {
  const { id = '' } = useParams()
  const [params] = useSearchParams()
  const customer = params.get('customer') || undefined
  const ticket = useTicket(id, customer)
  if (ticket.error instanceof ApiError && ticket.error.status === 404) return <NotFound />
  return (
    <Page
      title={ticket.data ? `${ticket.data.id}${ticket.data.subject ? `: ${ticket.data.subject}` : ''}` : id}
      actions={
        ticket.data && (
          <span className={`badge ${statusTone(ticket.data.status)} tk-status`}>
            {statusLabel(ticket.data.status)}
          </span>
        )
      }
    >
      {ticket.isPending ? (
        <Loading what="the ticket" />
      ) : ticket.isError ? (
        <ErrorView error={ticket.error} retry={() => ticket.refetch()} />
      ) : (
        <TicketView ticket={ticket.data} customer={customer} />
      )}
    </Page>
  )
}

function TicketView({ ticket, customer }: { ticket: TicketDetail; customer?: string }) {
  const user = useUser()
  const staff = isStaff(user)
  const location = useLocation()
  const raised = (location.state as Raised | null)?.raised
  const timeline = useTimeline(ticket.id, customer)
  const tick = useNow(1_000)
  const data = timeline.data
  const now = data ? serverNow(data.as_of, data.received, tick) : tick
  return (
    <>
      {raised?.id === ticket.id && (
        <div className="alert success" role="status">
          <p>
            <strong>Your problem is reported</strong> as {raised.severity}.
            {raised.responseDue && (
              <>
                {' '}
                Expect a first response by <Time at={raised.responseDue} />.
              </>
            )}
          </p>
        </div>
      )}
      <div className="tk-detail">
        <div className="tk-main">
          <section aria-labelledby="tk-clocks-title">
            <h2 id="tk-clocks-title">Clocks</h2>
            {timeline.isPending ? (
              <Loading what="the clocks" />
            ) : timeline.isError ? (
              <ErrorView error={timeline.error} retry={() => timeline.refetch()} />
            ) : timeline.data.clocks.length === 0 ? (
              <p className="muted">
                No clock measures this ticket: no agreement in force sets a target for its severity
                {staff && (
                  <>
                    {' '}
                    (<Link to="/agreements">see the agreements</Link>)
                  </>
                )}
                .
              </p>
            ) : (
              <>
                {timeline.data.clocks.map((c) => (
                  <ClockTimeline
                    key={`${c.agreement}/${c.metric}/${c.cycle}`}
                    clock={c}
                    asOf={timeline.data.as_of}
                    now={now}
                  />
                ))}
                <TimelineLegend />
              </>
            )}
          </section>
          <section aria-labelledby="tk-events-title">
            <h2 id="tk-events-title">What happened</h2>
            <EventList events={ticket.events} />
          </section>
          <section aria-labelledby="tk-reply-title" className="card tk-write">
            <h2 id="tk-reply-title">{staff ? 'Reply' : 'Write to us'}</h2>
            {!staff && ticket.status === 'waiting_on_customer' && (
              <p className="alert info">We are waiting for your answer to go on with this ticket.</p>
            )}
            <ReplyForm ticket={ticket} customer={customer} staff={staff} />
            {staff && <StatusForm ticket={ticket} customer={customer} />}
          </section>
        </div>
        <aside className="tk-side">
          <section className="card" aria-labelledby="tk-fields-title">
            <h2 id="tk-fields-title">Details</h2>
            <Fields ticket={ticket} staff={staff} />
          </section>
          <section className="card" aria-labelledby="tk-escalation-title">
            <h2 id="tk-escalation-title">Escalation</h2>
            {data ? <Escalations timeline={data} now={now} /> : <Loading what="the escalation path" />}
          </section>
        </aside>
      </div>
    </>
  )
}

function Fields({ ticket, staff }: { ticket: TicketDetail; staff: boolean }) {
  const rows: [string, ReactNode][] = [
    ['Status', statusLabel(ticket.status)],
    ['Severity', ticket.severity],
    ...(staff ? ([['Customer', ticket.customer]] as [string, ReactNode][]) : []),
    ['Service', ticket.service ?? <span className="muted">—</span>],
    ['Requester', ticket.requester ?? <span className="muted">—</span>],
    ['Agent', ticket.agent ?? <span className="muted">Unassigned</span>],
    ['Channel', ticket.channel ?? <span className="muted">—</span>],
    ['Raised', <Time key="c" at={ticket.created_at} />],
    ['Last event', <Time key="u" at={ticket.updated_at} />],
  ]
  return (
    <dl className="tk-fields">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
