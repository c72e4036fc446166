// One availability objective over a month or quarter: the timeline drawn large, the figures in
// full, every incident and maintenance window, and what each monitor of the service says now.
import { Link, useParams } from 'react-router'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { formatDuration, Time } from '../../components/time.tsx'
import { dayRange, PeriodSelect, periodName } from '../reports/periods.tsx'
import {
  type Objective,
  type ServiceStatus,
  useAvailability,
  useCustomers,
  useServiceNames,
  useServiceStatus,
} from './availability-data.ts'
import { Downtime, ErrorBudget, NowBadge, Uptime } from './figures.tsx'
import { NoData } from './no-data.tsx'
import { drawnRange, useChoice } from './overview.tsx'
import { STATUS_WORDS, Timeline } from './timeline.tsx'

export function ObjectivePage() {
  const params = useParams()
  const customer = params.customer ?? ''
  const id = params.objective ?? ''
  const customers = useCustomers()
  const { period, now, choose } = useChoice([{ id: customer, name: customer }])
  const report = useAvailability(customer, period, id)
  const status = useServiceStatus(customer)
  const objective = report.data?.objectives[0]
  const nameOf = useServiceNames(objective ? [objective] : [])
  const name = objective ? nameOf(objective.service) : id
  const customerName = customers.customers.find((c) => c.id === customer)?.name ?? customer
  return (
    <Page title={`Availability of ${name}`}>
      <div className="availability">
        <nav aria-label="Breadcrumb" className="crumbs small">
          <Link to={`/availability?customer=${encodeURIComponent(customer)}&period=${period}`}>
            Availability
          </Link>{' '}
          › {customerName}
        </nav>
        <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Choose the period">
          <div>
            <label htmlFor="objective-period">Period</label>
            <PeriodSelect
              id="objective-period"
              value={period}
              now={now}
              onChange={(v) => choose('period', v)}
            />
          </div>
        </form>
        {report.isPending ? (
          <Loading what="the objective" />
        ) : report.isError ? (
          <ErrorView error={report.error} retry={() => report.refetch()} />
        ) : !objective ? (
          <Empty title={`Objective ${id} is not in force in ${periodName(period)}`}>
            <p>Pick another period, or see the customer’s objectives on the availability page.</p>
          </Empty>
        ) : (
          <ObjectiveDetail
            objective={objective}
            name={name}
            period={period}
            customer={customer}
            status={status.data?.find((s) => s.service === objective.service)}
          />
        )}
      </div>
    </Page>
  )
}

function ObjectiveDetail({
  objective: o,
  name,
  period,
  customer,
  status,
}: {
  objective: Objective
  name: string
  period: string
  customer: string
  status: ServiceStatus | undefined
}) {
  const reported = (o.timeline ?? []).some((s) => s.status !== 'unknown')
  return (
    <>
      <section className="card objective" aria-labelledby="objective-figures">
        <header className="objective-head">
          <div>
            <h2 id="objective-figures">{periodName(period)}</h2>
            <p className="muted small">
              Objective <code>{o.id}</code> of{' '}
              <Link to={`/agreements/${encodeURIComponent(o.agreement)}`}>{o.agreement}</Link> version{' '}
              {o.agreement_version}; measured {dayRange(o.period.start, o.period.end, o.timezone)} (
              {o.timezone}){drawnRange(o, period).end > Date.parse(o.period.end) ? ', so far' : ''}.
            </p>
          </div>
          <NowBadge status={status} />
        </header>
        <div className="figures">
          <Uptime objective={o} />
          <Downtime objective={o} />
          <ErrorBudget objective={o} />
        </div>
        <Timeline objective={o} range={drawnRange(o, period)} label={`${name}, ${periodName(period)}`} tall />
        {!reported && <NoData customer={customer} service={o.service} />}
      </section>

      <div className="detail-grid">
        <section className="card" aria-labelledby="incidents-title">
          <h2 id="incidents-title">Incidents</h2>
          {o.incidents.length === 0 ? (
            <p className="muted">No downtime counted in this period.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">Ended</th>
                    <th scope="col" className="num">
                      Lasted
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {o.incidents.map((i) => (
                    <tr key={i.start}>
                      <td>
                        <Time at={i.start} zone={o.timezone} />
                      </td>
                      <td>
                        <Time at={i.end} zone={o.timezone} />
                      </td>
                      <td className="num">{formatDuration(i.duration_ms, { seconds: true })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section className="card" aria-labelledby="figures-title">
          <h2 id="figures-title">How it was counted</h2>
          <dl className="counted">
            <Row term="Time counted (eligible)" value={formatDuration(o.eligible_ms)} />
            <Row term="Maintenance left out" value={formatDuration(o.maintenance_ms)} />
            <Row term="No data" value={formatDuration(o.unknown_ms, { seconds: true })} />
            <Row term="Degraded" value={formatDuration(o.degraded_ms, { seconds: true })} />
            <Row term="Down (counted)" value={formatDuration(o.down_ms, { seconds: true })} />
            <Row term="Burn rate" value={o.burn_rate ?? '—'} />
            <Row
              term="Mean time to recover"
              value={o.mttr_ms === null ? '—' : formatDuration(o.mttr_ms, { seconds: true })}
            />
            <Row
              term="Mean time between failures"
              value={o.mtbf_ms === null ? '—' : formatDuration(o.mtbf_ms)}
            />
          </dl>
        </section>
      </div>

      <section className="card" aria-labelledby="maintenance-title">
        <h2 id="maintenance-title">Announced maintenance</h2>
        {o.maintenance.length === 0 ? (
          <p className="muted">No maintenance window of the agreement falls in this period.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Window</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Left out of the figures?</th>
                </tr>
              </thead>
              <tbody>
                {o.maintenance.map((m) => (
                  <tr key={`${m.window}-${m.start}`}>
                    <td>
                      <code>{m.window}</code>
                    </td>
                    <td>
                      <Time at={m.start} zone={o.timezone} />
                    </td>
                    <td>
                      <Time at={m.end} zone={o.timezone} />
                    </td>
                    <td>
                      {m.qualifies ? (
                        <span className="badge paused">Yes, maintenance</span>
                      ) : (
                        <>
                          <span className="badge warn">No</span> <span className="small">{m.reason}</span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="monitors-title">
        <h2 id="monitors-title">Monitors now</h2>
        {!status || status.monitors.length === 0 ? (
          <p className="muted">No monitor reports on {name}.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Component</th>
                  <th scope="col">Monitor</th>
                  <th scope="col">Status</th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                {status.monitors.map((m) => (
                  <tr key={`${m.component}/${m.source}`}>
                    <td>{m.component === '' ? 'the whole service' : m.component}</td>
                    <td>
                      <code className="break">{m.source}</code>
                    </td>
                    <td>{STATUS_WORDS[m.status]}</td>
                    <td>
                      <Time at={m.start} zone={o.timezone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className="num">{value}</dd>
    </div>
  )
}
