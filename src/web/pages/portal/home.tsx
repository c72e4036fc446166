// The customer's home: a way to report a problem at once, who to call, their open tickets with
// the time left on each clock, and the current period's compliance at a glance.
import { Link } from 'react-router'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time, useNow } from '../../components/time.tsx'
import { ClockLine } from './clock-badge.tsx'
import { ComplianceStats } from './compliance-summary.tsx'
import { currentPeriod, periodName } from './periods.ts'
import { type PlanAgreement, servicesOf } from './plan.ts'
import { type OpenTicket, useOpenTickets, usePlan, useReport } from './portal-data.ts'
import { CallCard } from './referral.tsx'
import { statusWords } from './words.ts'

const SHOWN_TICKETS = 20

export function PortalHome() {
  const plan = usePlan()
  const now = useNow(1_000)
  const agreement = plan.data?.agreements[0]
  const customerName = agreement?.agreement.spec.parties.customer.name
  return (
    <Page title={customerName ? `Support for ${customerName}` : 'Home'}>
      <div className="portal">
        <div className="portal-home-top">
          <section className="card portal-cta" aria-labelledby="cta-title">
            <h2 id="cta-title">Something wrong?</h2>
            <p>
              Report it here and its clocks start at once
              {agreement ? `, measured against ${agreement.title}` : ''}. We suggest a severity and show when
              you can expect an answer.
            </p>
            <Link to="/report-problem" className="button primary portal-cta-button">
              Report a problem
            </Link>
            <p className="portal-cta-more">
              <Link to="/report-problem?kind=assistance">Ask for assistance</Link>
              <span aria-hidden="true"> · </span>
              <Link to="/report-problem?kind=feature">Request a feature</Link>
            </p>
          </section>
          {plan.isPending ? (
            <div className="card">
              <Loading what="who to call" />
            </div>
          ) : plan.isError ? (
            <ErrorView error={plan.error} retry={() => plan.refetch()} />
          ) : agreement ? (
            <CallCard agreement={agreement} now={now} />
          ) : (
            <section className="card portal-call">
              <h2>Who to call</h2>
              <p className="muted">
                Your organisation has no agreement in force yet, so there is no referral contact to show.
                Contact your provider as you usually do.
              </p>
            </section>
          )}
        </div>

        <OpenTickets
          now={now}
          severityName={(id) => agreement?.agreement.spec.severities?.find((s) => s.id === id)?.name}
        />

        {agreement && <Glance agreement={agreement} now={now} />}
      </div>
    </Page>
  )
}

function OpenTickets({
  now,
  severityName,
}: {
  now: number
  severityName: (id: string) => string | undefined
}) {
  const tickets = useOpenTickets()
  return (
    <section className="portal-section" aria-labelledby="open-title">
      <div className="portal-section-head">
        <h2 id="open-title">
          Your open tickets
          {tickets.data && tickets.data.tickets.length > 0 && (
            <span className="badge neutral">
              {tickets.data.tickets.length}
              {tickets.data.more ? '+' : ''}
            </span>
          )}
        </h2>
        <Link to="/tickets">All tickets</Link>
      </div>
      {tickets.isPending ? (
        <Loading what="your open tickets" />
      ) : tickets.isError ? (
        <ErrorView error={tickets.error} retry={() => tickets.refetch()} />
      ) : tickets.data.tickets.length === 0 ? (
        <Empty title="No open tickets">
          <p>
            Nothing is waiting on your provider. If something is wrong,{' '}
            <Link to="/report-problem">report a problem</Link> and the clock starts the moment you send it.
          </p>
        </Empty>
      ) : (
        <>
          <ul className="portal-tickets">
            {tickets.data.tickets.slice(0, SHOWN_TICKETS).map((t) => (
              <TicketRow key={t.id} ticket={t} now={now} severity={severityName(t.severity)} />
            ))}
          </ul>
          {(tickets.data.more || tickets.data.tickets.length > SHOWN_TICKETS) && (
            <p className="muted">
              The {SHOWN_TICKETS} newest are shown: <Link to="/tickets">see all your tickets</Link>.
            </p>
          )}
        </>
      )}
    </section>
  )
}

function TicketRow({ ticket, now, severity }: { ticket: OpenTicket; now: number; severity?: string }) {
  const clocks = [...ticket.clocks].sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))
  return (
    <li className="card portal-ticket">
      <div className="portal-ticket-head">
        <Link to={`/tickets/${encodeURIComponent(ticket.id)}`} className="portal-ticket-subject">
          {ticket.subject ?? 'No subject'}
        </Link>
        <span className="muted small mono">{ticket.id}</span>
      </div>
      <p className="portal-ticket-facts small">
        <span className="badge neutral">
          {ticket.severity}
          {severity ? ` ${severity}` : ''}
        </span>{' '}
        <span className={`badge ${ticket.status === 'waiting_on_customer' ? 'paused' : 'neutral'}`}>
          {statusWords(ticket.status)}
        </span>{' '}
        <span className="muted">
          raised <Time at={ticket.created_at} />
        </span>
      </p>
      {clocks.length > 0 ? (
        <ul className="portal-ticket-clocks">
          {clocks.map((c) => (
            <li key={`${c.metric}-${c.cycle}`}>
              <ClockLine metric={c.metric} due={c.due} breached={c.breached} now={now} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">
          {ticket.status === 'waiting_on_customer'
            ? 'The clock is paused until you reply.'
            : 'No clock is running: every target due so far has been met.'}
        </p>
      )}
    </li>
  )
}

function Glance({ agreement, now }: { agreement: PlanAgreement; now: number }) {
  const period = currentPeriod(agreement.agreement, now)
  const report = useReport(agreement.id, period, true)
  const services = servicesOf([agreement])
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? id
  return (
    <section className="portal-section" aria-labelledby="glance-title">
      <div className="portal-section-head">
        <h2 id="glance-title">{periodName(period)} so far</h2>
        <Link to="/compliance">Compliance in detail</Link>
      </div>
      {report.isPending ? (
        <Loading what="this period's compliance" />
      ) : report.isError ? (
        <ErrorView error={report.error} retry={() => report.refetch()} />
      ) : (
        <div className="card" aria-live="polite">
          <ComplianceStats report={report.data.report} serviceName={serviceName} />
          <p className="muted small portal-as-of">
            Figures for {agreement.title} as of <Time at={report.data.report.as_of} />. A clock counts once
            its outcome is known: met, or past its due time.
          </p>
        </div>
      )}
    </section>
  )
}
