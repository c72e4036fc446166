// Availability for staff: one customer's objectives over a month or quarter, each with its
// timeline, uptime against target and error budget, and what its service says now.
import { Link, useSearchParams } from 'react-router'
import { calendarPeriod, parsePeriodLabel } from '../../../domain/availability/reporting-period.ts'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { useNow } from '../../components/time.tsx'
import { currentMonth, PeriodSelect, periodName } from '../reports/periods.tsx'
import {
  type Customer,
  type Objective,
  type ServiceStatus,
  useAvailability,
  useCustomers,
  useServiceNames,
  useServiceStatus,
} from './availability-data.ts'
import { Downtime, ErrorBudget, NowBadge, Uptime } from './figures.tsx'
import { NoData } from './no-data.tsx'
import { Timeline } from './timeline.tsx'

/** The customer and period in the address, or the first customer and this month. */
export function useChoice(customers: Customer[]) {
  const [params, setParams] = useSearchParams()
  const now = useNow(60_000)
  const customer = params.get('customer') ?? customers[0]?.id ?? ''
  const period = parsePeriodLabel(params.get('period') ?? '') ? params.get('period')! : currentMonth(now)
  const choose = (key: 'customer' | 'period', value: string) =>
    setParams(
      (p) => {
        p.set(key, value)
        return p
      },
      { replace: true },
    )
  return { customer, period, now, choose }
}

/** The stretch a timeline draws: the calendar period in the objective's zone, else what was measured. */
export function drawnRange(objective: Objective, period: string): { start: number; end: number } {
  const measured = { start: Date.parse(objective.period.start), end: Date.parse(objective.period.end) }
  const label = parsePeriodLabel(period)
  if (!label) return measured
  const calendar = calendarPeriod(label, objective.timezone)
  // A rolling objective does not follow the calendar: draw what it measured.
  return calendar.start === measured.start ? calendar : measured
}

export function AvailabilityOverview() {
  const customers = useCustomers()
  const { customer, period, now, choose } = useChoice(customers.customers)
  const report = useAvailability(customer, period)
  const status = useServiceStatus(customer)
  const customerName = customers.customers.find((c) => c.id === customer)?.name ?? customer
  return (
    <Page title="Availability">
      <div className="availability">
        {customers.isPending ? (
          <Loading what="customers" />
        ) : customers.isError ? (
          <ErrorView error={customers.error} retry={() => customers.refetch()} />
        ) : customers.customers.length === 0 ? (
          <Empty title="No agreements yet, so nothing to measure">
            <p>
              Upload an agreement with an <code>availability</code> section under{' '}
              <Link to="/agreements">Agreements</Link>; its objectives are measured here.
            </p>
          </Empty>
        ) : (
          <>
            <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Choose what to show">
              <div>
                <label htmlFor="availability-customer">Customer</label>
                <select
                  id="availability-customer"
                  value={customer}
                  onChange={(e) => choose('customer', e.target.value)}
                >
                  {customers.customers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="availability-period">Period</label>
                <PeriodSelect
                  id="availability-period"
                  value={period}
                  now={now}
                  onChange={(v) => choose('period', v)}
                />
              </div>
            </form>
            {report.isPending ? (
              <Loading what="availability" />
            ) : report.isError ? (
              <ErrorView error={report.error} retry={() => report.refetch()} />
            ) : report.data.objectives.length === 0 ? (
              <Empty
                title={`No availability objective in force for ${customerName} in ${periodName(period)}`}
              >
                <p>
                  Objectives come from the agreement in force: add an <code>availability</code> section
                  (service, target, period) to it, or pick another period.
                </p>
              </Empty>
            ) : (
              <>
                <p className="muted" aria-live="polite">
                  {customerName}, {periodName(period)}: {report.data.objectives.length} objective
                  {report.data.objectives.length === 1 ? '' : 's'}.
                </p>
                <ObjectiveList
                  objectives={report.data.objectives}
                  statuses={status.data ?? []}
                  customer={customer}
                  period={period}
                />
              </>
            )}
          </>
        )}
      </div>
    </Page>
  )
}

function ObjectiveList({
  objectives,
  statuses,
  customer,
  period,
}: {
  objectives: Objective[]
  statuses: ServiceStatus[]
  customer: string
  period: string
}) {
  const nameOf = useServiceNames(objectives)
  return (
    <div className="objectives">
      {objectives.map((o) => {
        const name = nameOf(o.service)
        const detail = `/availability/${encodeURIComponent(customer)}/${encodeURIComponent(o.id)}?period=${period}`
        const status = statuses.find((s) => s.service === o.service)
        const reported = (o.timeline ?? []).some((s) => s.status !== 'unknown')
        return (
          <section
            key={`${o.agreement}/${o.id}`}
            className="card objective"
            aria-labelledby={`objective-${o.id}`}
          >
            <header className="objective-head">
              <div>
                <h2 id={`objective-${o.id}`}>
                  <Link to={detail}>{name}</Link>
                </h2>
                <p className="muted small">
                  Objective <code>{o.id}</code> of {o.agreement} version {o.agreement_version} · {o.timezone}
                </p>
              </div>
              <NowBadge status={status} />
            </header>
            <div className="figures">
              <Uptime objective={o} />
              <Downtime objective={o} />
              <ErrorBudget objective={o} />
            </div>
            <Timeline objective={o} range={drawnRange(o, period)} label={`${name}, ${periodName(period)}`} />
            {!reported && <NoData customer={customer} service={o.service} />}
            <p className="small">
              <Link to={detail}>Incidents, maintenance and monitors of {name}</Link>
            </p>
          </section>
        )
      })}
    </div>
  )
}
