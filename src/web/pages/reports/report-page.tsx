// Pick an agreement and a period (the last closed month unless the address says otherwise) and
// read its report: whether it is frozen, the summary, the charts, the checklist, the credits,
// the downloads, and for staff the recomputation of a frozen one.
import { Link, Navigate, useNavigate, useParams } from 'react-router'
import { parsePeriodLabel } from '../../../domain/availability/reporting-period.ts'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time, useNow } from '../../components/time.tsx'
import { isStaff, useUser } from '../../session.tsx'
import { useUsers } from '../admin/admin-data.ts'
import { Downloads } from './downloads.tsx'
import { lastClosedMonth, PeriodSelect, periodName } from './periods.tsx'
import { Recompute } from './recompute.tsx'
import { type Frozen, type ListedAgreement, useReport, useReportableAgreements } from './report-data.ts'
import { ReportBody } from './report-view.tsx'

const reportPath = (agreement: string, period: string) =>
  `/reports/${encodeURIComponent(agreement)}/${period}`

/** `/reports`: the first agreement in force, last month. */
export function ReportsIndex() {
  const agreements = useReportableAgreements()
  const now = useNow(60_000)
  if (agreements.isPending)
    return (
      <Page title="Reports">
        <Loading what="agreements" />
      </Page>
    )
  if (agreements.isError)
    return (
      <Page title="Reports">
        <ErrorView error={agreements.error} retry={() => agreements.refetch()} />
      </Page>
    )
  const first = agreements.data[0]
  if (!first)
    return (
      <Page title="Reports">
        <Empty title="No agreements yet, so no reports">
          <p>
            A report is made per agreement and month or quarter. Upload an agreement under{' '}
            <Link to="/agreements">Agreements</Link>; its reports appear here once it is in force.
          </p>
        </Empty>
      </Page>
    )
  return <Navigate to={reportPath(first.id, lastClosedMonth(now))} replace />
}

export function ReportPage() {
  const params = useParams()
  const agreement = params.agreement ?? ''
  const period = params.period ?? ''
  const navigate = useNavigate()
  const now = useNow(60_000)
  const user = useUser()
  const agreements = useReportableAgreements()
  const valid = parsePeriodLabel(period) !== null
  const report = useReport(agreement, valid ? period : '')
  const title = `Report: ${periodName(period)}`
  const go = (a: string, p: string) => navigate(reportPath(a, p))
  return (
    <Page title={title} actions={report.data && <Downloads agreement={agreement} period={period} />}>
      <div className="reports">
        <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Choose the report">
          <div className="wide">
            <label htmlFor="report-agreement">Agreement</label>
            <select id="report-agreement" value={agreement} onChange={(e) => go(e.target.value, period)}>
              {!agreements.data?.some((a) => a.id === agreement) && (
                <option value={agreement}>{agreement}</option>
              )}
              {agreements.data?.map((a) => (
                <option key={a.id} value={a.id}>
                  {optionText(a)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="report-period">Period</label>
            <PeriodSelect id="report-period" value={period} now={now} onChange={(p) => go(agreement, p)} />
          </div>
        </form>
        {!valid ? (
          <ErrorView error={new Error(`“${period}” is not a period: pick a month or a quarter above.`)} />
        ) : report.isPending ? (
          <Loading what="the report" />
        ) : report.isError ? (
          <ErrorView error={report.error} retry={() => report.refetch()} />
        ) : (
          <>
            <Standing
              frozen={report.data.frozen}
              asOf={report.data.report.as_of}
              zone={report.data.report.period.timezone}
            />
            <ReportBody report={report.data.report} />
            {isStaff(user) && report.data.frozen && (
              <Recompute agreement={agreement} period={period} frozen={report.data.frozen} />
            )}
          </>
        )}
      </div>
    </Page>
  )
}

function optionText(a: ListedAgreement): string {
  const inForce = a.standing.version_in_force === null ? ', not in force' : ''
  return `${a.title} (${a.customer}${inForce})`
}

/** Who recomputed, by name where the viewer may know it. */
function useWhoFroze(frozen: Frozen | null): string {
  const user = useUser()
  const users = useUsers(user.role === 'admin' && frozen !== null && frozen.frozen_by !== 'system')
  if (!frozen || frozen.frozen_by === 'system') return 'when first made'
  if (frozen.frozen_by === user.id) return 'by you'
  const who = users.data?.find((u) => u.id === frozen.frozen_by)
  return who ? `by ${who.name}` : 'by a member of staff'
}

/** Frozen or provisional, and what arrived too late to count. */
function Standing({ frozen, asOf, zone }: { frozen: Frozen | null; asOf: string; zone: string }) {
  const who = useWhoFroze(frozen)
  if (!frozen)
    return (
      <p className="alert info standing">
        <span className="badge neutral">Provisional</span> The period is still running: these are the figures
        as of <Time at={asOf} zone={zone} />, and they will change until it closes.
      </p>
    )
  const late = frozen.late_events
  return (
    <div className={`alert ${late > 0 ? 'warning' : 'info'} standing`}>
      <p>
        <span className="badge paused">Frozen</span> The period has closed. This is revision {frozen.revision}
        , frozen <Time at={frozen.frozen_at} /> {who}
        {frozen.reason ? `: “${frozen.reason}”` : ''}.
      </p>
      {late > 0 ? (
        <p>
          <strong>
            {late} event{late === 1 ? '' : 's'} about this period arrived after it was frozen
          </strong>{' '}
          and {late === 1 ? 'is' : 'are'} not counted. Recompute the report to count{' '}
          {late === 1 ? 'it' : 'them'}.
        </p>
      ) : (
        <p className="small">No event about the period has arrived since.</p>
      )}
    </div>
  )
}
