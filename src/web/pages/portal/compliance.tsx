// Compliance, live for the current period and frozen for closed ones: per severity and metric
// against the agreement's goals, the targets missed, availability and the credits owed so far.
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import type { Report } from '../../../domain/reports/report-schema.ts'
import { download } from '../../api.ts'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time, useNow } from '../../components/time.tsx'
import { ComplianceStats } from './compliance-summary.tsx'
import { Availability, Breaches, Credits, TargetsTable } from './compliance-tables.tsx'
import { currentPeriod, periodName, periodsSince } from './periods.ts'
import { type PlanAgreement, servicesOf } from './plan.ts'
import { type ReportView, useAgreementDetail, usePlan, useReport } from './portal-data.ts'

export function Compliance() {
  const plan = usePlan()
  const [params, setParams] = useSearchParams()
  const agreements = plan.data?.agreements ?? []
  const current = agreements.find((a) => a.id === params.get('agreement')) ?? agreements[0]
  return (
    <Page title="Compliance">
      <div className="portal">
        {plan.isPending ? (
          <Loading what="your agreement" />
        ) : plan.isError ? (
          <ErrorView error={plan.error} retry={() => plan.refetch()} />
        ) : !current ? (
          <Empty title="No agreement in force">
            <p>
              Compliance is measured against an agreement in force, and your organisation has none today. Ask
              your provider to put it in force; its figures appear here from then on.
            </p>
          </Empty>
        ) : (
          <ComplianceView
            key={current.id}
            agreement={current}
            agreements={agreements}
            period={params.get('period')}
            choose={(next) =>
              setParams({
                agreement: next.agreement ?? current.id,
                ...(next.period ? { period: next.period } : {}),
              })
            }
          />
        )}
      </div>
    </Page>
  )
}

function ComplianceView({
  agreement,
  agreements,
  period: asked,
  choose,
}: {
  agreement: PlanAgreement
  agreements: PlanAgreement[]
  period: string | null
  choose: (next: { agreement?: string; period?: string }) => void
}) {
  const now = useNow(60_000)
  const detail = useAgreementDetail(agreement.id)
  const first = detail.data?.versions.reduce(
    (t, v) => Math.min(t, Date.parse(v.effective_from)),
    agreement.effectiveFrom,
  )
  const periods = periodsSince(agreement.agreement, first ?? agreement.effectiveFrom, now)
  const live = currentPeriod(agreement.agreement, now)
  const period = asked && periods.includes(asked) ? asked : live
  const report = useReport(agreement.id, period, period === live)
  return (
    <>
      <div className="filters portal-filters">
        {agreements.length > 1 && (
          <div>
            <label htmlFor="agreement">Agreement</label>
            <select
              id="agreement"
              value={agreement.id}
              onChange={(e) => choose({ agreement: e.target.value })}
            >
              {agreements.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="period">Period</label>
          <select id="period" value={period} onChange={(e) => choose({ period: e.target.value })}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodName(p)}
                {p === live ? ' (so far)' : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      {report.isPending ? (
        <Loading what={`the report for ${periodName(period)}`} />
      ) : report.isError ? (
        <ErrorView error={report.error} retry={() => report.refetch()} />
      ) : (
        <ReportBody view={report.data} agreement={agreement} />
      )}
    </>
  )
}

function ReportBody({ view, agreement }: { view: ReportView; agreement: PlanAgreement }) {
  const { report, frozen } = view
  const services = servicesOf([agreement])
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? id
  return (
    <>
      <section className="card" aria-labelledby="report-title">
        <div className="portal-section-head">
          <h2 id="report-title">{periodName(report.period.label)}</h2>
          <ReportDownload report={report} />
        </div>
        <p className="muted small" aria-live="polite">
          {report.complete ? (
            frozen ? (
              <>
                Closed. Frozen <Time at={frozen.frozen_at} />
                {frozen.revision > 1
                  ? `, revision ${frozen.revision}${frozen.reason ? ` (${frozen.reason})` : ''}`
                  : ''}
                .
                {frozen.late_events > 0 &&
                  ` ${frozen.late_events} event${frozen.late_events === 1 ? '' : 's'} about this period arrived after it was frozen and are not counted.`}
              </>
            ) : (
              'Closed.'
            )
          ) : (
            <>
              The period is still running: figures as of <Time at={report.as_of} />, updated every minute.
            </>
          )}{' '}
          Periods are counted in {report.period.timezone}.
        </p>
        <ComplianceStats report={report} serviceName={serviceName} />
      </section>
      <TargetsTable report={report} agreement={agreement} />
      <Breaches report={report} />
      {report.availability.length > 0 && <Availability report={report} serviceName={serviceName} />}
      {report.credits && <Credits report={report} />}
    </>
  )
}

function ReportDownload({ report }: { report: Report }) {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const path = `/api/agreements/${encodeURIComponent(report.agreement)}/reports/${report.period.label}?format=pdf`
  return (
    <div>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          setError(null)
          try {
            await download(path, `${report.agreement}-${report.period.label}.pdf`)
          } catch (e) {
            setError(e)
          } finally {
            setBusy(false)
          }
        }}
      >
        {busy ? 'Preparing…' : 'Download the report (PDF)'}
      </button>
      {error !== null && <ErrorView error={error} />}
    </div>
  )
}
