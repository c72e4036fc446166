// A report on the page: the summary figures, the charts, the KPI checklist, the credits owed,
// and the detail (targets with their times, breaches).
import { Fragment } from 'react'
import { Link } from 'react-router'
import type { Report } from '../../../domain/reports/report-schema.ts'
import { formatDuration, Time } from '../../components/time.tsx'
import { dayRange } from './periods.tsx'
import { AvailabilityChart, BreachChart, ComplianceChart } from './report-charts.tsx'
import { CHECK_WORDS, has, isZero, metricName, money, shownTargets } from './words.ts'

export function ReportBody({ report }: { report: Report }) {
  return (
    <>
      <Summary report={report} />
      <div className="chart-grid">
        <ComplianceChart report={report} />
        {has(report, 'availability') && report.availability.length > 0 && (
          <AvailabilityChart report={report} />
        )}
        <BreachChart report={report} />
      </div>
      <Checklist report={report} />
      {has(report, 'credits') && <Credits report={report} />}
      <Targets report={report} />
      <Breaches report={report} />
    </>
  )
}

function Summary({ report }: { report: Report }) {
  const targets = shownTargets(report).filter((t) => t.goal !== null)
  const met = targets.filter((t) => t.goal_met === true).length
  const breaches = report.breaches.filter((b) => has(report, b.metric))
  const open = breaches.filter((b) => b.open).length
  const objectives = report.availability
  const objectivesMet = objectives.filter((o) => o.met === true).length
  const tickets = report.incidents.reduce((n, i) => n + i.count, 0)
  const credits = report.credits
  const s = report.satisfaction
  return (
    <section aria-labelledby="summary-title" className="summary">
      <h2 id="summary-title">Summary</h2>
      <div className="stats" aria-live="polite">
        <Stat
          label="Goals met"
          value={targets.length === 0 ? '—' : `${met} of ${targets.length}`}
          note={
            targets.length === 0
              ? 'no compliance goals'
              : met === targets.length
                ? 'every goal met'
                : `${targets.length - met} missed or without data`
          }
          tone={targets.length > 0 && met < targets.length ? 'bad' : 'ok'}
        />
        <Stat
          label="Breaches"
          value={String(breaches.length)}
          note={breaches.length === 0 ? 'none in the period' : `${open} still open at the end`}
          tone={breaches.length > 0 ? 'bad' : 'ok'}
        />
        {has(report, 'availability') && objectives.length > 0 && (
          <Stat
            label={
              objectives.length === 1 ? `Uptime of ${objectives[0]!.service}` : 'Availability objectives met'
            }
            value={
              objectives.length === 1
                ? objectives[0]!.uptime === null
                  ? '—'
                  : `${objectives[0]!.uptime}%`
                : `${objectivesMet} of ${objectives.length}`
            }
            note={
              objectives.length === 1
                ? `target ${objectives[0]!.target}%, ${objectives[0]!.met === null ? 'no data' : objectives[0]!.met ? 'met' : 'missed'}`
                : 'against their targets'
            }
            tone={objectives.some((o) => o.met === false) ? 'bad' : 'ok'}
          />
        )}
        {has(report, 'credits') && (
          <Stat
            label="Service credits owed"
            value={credits ? money(credits.currency, credits.total) : 'None'}
            note={
              !credits
                ? 'the agreement sets no credits'
                : credits.claim_by
                  ? `claim by ${credits.claim_by}`
                  : 'no claim window'
            }
            tone={credits && !isZero(credits.total) ? 'bad' : 'ok'}
          />
        )}
        {has(report, 'incidents') && (
          <Stat label="Tickets opened" value={String(tickets)} note="in the period" />
        )}
        {has(report, 'satisfaction') && (
          <Stat
            label="Satisfaction"
            value={s.average === null ? '—' : `${s.average} / ${s.scale}`}
            note={s.count === 0 ? 'no ratings' : `from ${s.count} rating${s.count === 1 ? '' : 's'}`}
          />
        )}
      </div>
      <p className="muted small">
        {dayRange(report.period.start, report.period.end, report.period.timezone)} ({report.period.timezone}),
        as known <Time at={report.as_of} zone={report.period.timezone} />. Measured by{' '}
        {report.versions.map((v) => v.version).join(', ') || 'no version'}.
      </p>
    </section>
  )
}

function Stat({
  label,
  value,
  note,
  tone,
}: {
  label: string
  value: string
  note?: string
  tone?: 'ok' | 'bad'
}) {
  return (
    <div className={`card stat-card${tone ? ` tone-${tone}` : ''}`}>
      <div className="stat-label">{label}</div>
      <div className="stat">{value}</div>
      {note && <div className="small muted">{note}</div>}
    </div>
  )
}

function Checklist({ report }: { report: Report }) {
  return (
    <section aria-labelledby="checklist-title" className="card">
      <h2 id="checklist-title">KPI checklist</h2>
      {report.checklist.length === 0 ? (
        <p className="muted">The agreement names no KPI, goal or objective to check.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col" className="hide-narrow">
                  Measure
                </th>
                <th scope="col" className="hide-narrow">
                  Target
                </th>
                <th scope="col" className="hide-narrow">
                  Measured
                </th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {report.checklist.map((c) => {
                const w = CHECK_WORDS[c.status]
                return (
                  <tr key={c.id}>
                    <td>
                      {c.name}
                      <div className="show-narrow small">
                        target {c.target ?? '—'}, measured {c.measured ?? '—'}
                      </div>
                      {c.reason && <div className="small muted">{c.reason}</div>}
                    </td>
                    <td className="hide-narrow">{metricName(c.measure)}</td>
                    <td className="hide-narrow">{c.target ?? '—'}</td>
                    <td className="hide-narrow">{c.measured ?? '—'}</td>
                    <td>
                      <span className={`badge ${w.tone}`}>{w.text}</span>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function Credits({ report }: { report: Report }) {
  const c = report.credits
  return (
    <section aria-labelledby="credits-title" className="card">
      <h2 id="credits-title">Service credits</h2>
      {!c ? (
        <p className="muted">The agreement sets no service credits.</p>
      ) : (
        <>
          <p>
            <strong>{money(c.currency, c.total)}</strong> owed for the period, on a basis of{' '}
            {money(c.currency, c.basis)}
            {c.cap_applied && ' (the cap was reached)'}
            {c.minimum_applied && ' (under the minimum, so nothing is paid)'}.{' '}
            {c.claim_by ? `The customer may claim until ${c.claim_by}.` : ''}
            {c.sole_remedy ? ' Credits are the sole remedy.' : ''}
          </p>
          {c.lines.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Rule</th>
                    <th scope="col">Why</th>
                    <th scope="col" className="num hide-narrow">
                      Percent
                    </th>
                    <th scope="col" className="num">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.lines.map((l) => (
                    <tr key={`${l.source}-${l.ref}-${l.reason}`}>
                      <td>
                        <code>{l.ref}</code>
                      </td>
                      <td>{l.reason}</td>
                      <td className="num hide-narrow">{l.percent}%</td>
                      <td className="num nowrap">{money(c.currency, l.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {c.exclusions.length > 0 && <p className="small muted">Not credited: {c.exclusions.join('; ')}.</p>}
        </>
      )}
    </section>
  )
}

const ms = (v: number | null) => (v === null ? '—' : formatDuration(v))

function Targets({ report }: { report: Report }) {
  const rows = shownTargets(report)
  if (rows.length === 0) return null
  const severities = [...new Set(rows.map((r) => r.severity))]
  return (
    <section aria-labelledby="targets-title" className="card">
      <h2 id="targets-title">Targets in detail</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Severity and metric</th>
              <th scope="col" className="hide-narrow">
                Target
              </th>
              <th scope="col" className="num">
                Met
              </th>
              <th scope="col" className="num">
                Compliance
              </th>
              <th scope="col" className="num">
                Goal
              </th>
              <th scope="col" className="num hide-narrow">
                Mean
              </th>
              <th scope="col" className="num hide-narrow">
                Median
              </th>
              <th scope="col" className="num hide-narrow">
                90th percentile
              </th>
            </tr>
          </thead>
          <tbody>
            {severities.map((severity) => (
              <Fragment key={severity}>
                {rows
                  .filter((r) => r.severity === severity)
                  .map((r) => (
                    <tr key={`${r.severity}-${r.metric}-${r.version}`}>
                      <th scope="row">
                        {r.severity} · {metricName(r.metric)}
                      </th>
                      <td className="hide-narrow">
                        {r.target ?? '—'}
                        {r.calendar && <span className="muted small"> ({r.calendar})</span>}
                      </td>
                      <td className="num nowrap">
                        {r.met} / {r.total}
                      </td>
                      <td className="num">{r.compliance === null ? '—' : `${r.compliance}%`}</td>
                      <td className="num">
                        {r.goal === null ? (
                          '—'
                        ) : (
                          <>
                            {r.goal}%{' '}
                            {r.goal_met !== null && (
                              <span className={`badge ${r.goal_met ? 'ok' : 'bad'}`}>
                                {r.goal_met ? 'met' : 'missed'}
                              </span>
                            )}
                          </>
                        )}
                      </td>
                      <td className="num hide-narrow">{ms(r.mean_ms)}</td>
                      <td className="num hide-narrow">{ms(r.median_ms)}</td>
                      <td className="num hide-narrow">{ms(r.p90_ms)}</td>
                    </tr>
                  ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function Breaches({ report }: { report: Report }) {
  const breaches = report.breaches.filter((b) => has(report, b.metric))
  if (breaches.length === 0) return null
  return (
    <section aria-labelledby="breaches-title" className="card">
      <h2 id="breaches-title">Breaches</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col" className="hide-narrow">
                Severity and metric
              </th>
              <th scope="col">Due</th>
              <th scope="col" className="num">
                Late by
              </th>
              <th scope="col">At the end</th>
            </tr>
          </thead>
          <tbody>
            {breaches.map((b) => (
              <tr key={`${b.ticket}-${b.metric}-${b.cycle}`}>
                <td>
                  <Link to={`/tickets/${encodeURIComponent(b.ticket)}`}>{b.ticket}</Link>
                  <div className="show-narrow small">
                    {b.severity} · {metricName(b.metric)}
                  </div>
                </td>
                <td className="hide-narrow">
                  {b.severity} · {metricName(b.metric)}
                  {b.cycle > 1 && <span className="muted small"> (cycle {b.cycle})</span>}
                </td>
                <td>
                  <Time at={b.due} zone={report.period.timezone} />
                </td>
                <td className="num nowrap">{formatDuration(b.late_ms)}</td>
                <td>
                  {b.open ? (
                    <span className="badge warn">Still open</span>
                  ) : (
                    <span className="badge neutral">Stopped</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
