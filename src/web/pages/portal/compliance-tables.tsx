// A period's report in detail: per severity and metric against the goals, the targets missed,
// availability per service, and the service credits owed.
import { Link } from 'react-router'
import type { Report } from '../../../domain/reports/report-schema.ts'
import { formatDuration, Time } from '../../components/time.tsx'
import { type PlanAgreement, severitiesOf } from './plan.ts'
import { dateWords, metricLabel, money, percent } from './words.ts'

export function TargetsTable({ report, agreement }: { report: Report; agreement: PlanAgreement }) {
  const names = new Map(severitiesOf(agreement).map((s) => [s.id, s.name]))
  const versions = new Set(report.targets.map((r) => r.version))
  return (
    <section className="card" aria-labelledby="targets-title">
      <h2 id="targets-title">By severity</h2>
      <p className="hint">
        Each clock counts once its outcome is known: met in time, or missed when its due time passed. Clocks
        still running are not counted yet.
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Target</th>
              {versions.size > 1 && <th scope="col">Version</th>}
              <th scope="col" className="num hide-narrow">
                Met
              </th>
              <th scope="col" className="num hide-narrow">
                Missed
              </th>
              <th scope="col">On time</th>
            </tr>
          </thead>
          <tbody>
            {report.targets.map((r) => (
              <tr key={`${r.severity}-${r.metric}-${r.version}`}>
                <th scope="row" className="portal-row-head">
                  {r.severity}
                  {names.get(r.severity) ? (
                    <span className="muted hide-narrow"> · {names.get(r.severity)}</span>
                  ) : null}
                </th>
                <td>
                  {metricLabel(r.metric)}
                  {r.target ? (
                    <span className="muted">
                      {' '}
                      {r.metric === 'periodic_update' ? 'every' : 'within'} {r.target}
                    </span>
                  ) : null}
                </td>
                {versions.size > 1 && <td className="mono small">{r.version}</td>}
                <td className="num hide-narrow">{r.met}</td>
                <td className="num hide-narrow">{r.breached}</td>
                <td>
                  <span className="portal-on-time">{percent(r.compliance)}</span> <GoalOf row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function GoalOf({ row }: { row: Report['targets'][number] }) {
  if (row.goal_met === null)
    return <span className="badge neutral">{row.total === 0 ? 'No clocks yet' : 'No goal set'}</span>
  return row.goal_met ? (
    <span className="badge ok">Meets the {row.goal}% goal</span>
  ) : (
    <span className="badge bad">Below the {row.goal}% goal</span>
  )
}

export function Breaches({ report }: { report: Report }) {
  return (
    <section className="card" aria-labelledby="breaches-title">
      <h2 id="breaches-title">Targets missed</h2>
      {report.breaches.length === 0 ? (
        <p className="muted">
          No target has been missed {report.complete ? 'in this period' : 'so far this period'}.
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col" className="hide-narrow">
                  Severity
                </th>
                <th scope="col">Target</th>
                <th scope="col">Was due</th>
                <th scope="col" className="num">
                  Late by
                </th>
              </tr>
            </thead>
            <tbody>
              {report.breaches.map((b) => (
                <tr key={`${b.ticket}-${b.metric}-${b.cycle}`}>
                  <td>
                    <Link to={`/tickets/${encodeURIComponent(b.ticket)}`}>{b.ticket}</Link>
                  </td>
                  <td className="hide-narrow">{b.severity}</td>
                  <td>
                    {metricLabel(b.metric)}
                    <span className="muted small portal-narrow-only"> ({b.severity})</span>
                  </td>
                  <td>
                    <Time at={b.due} />
                  </td>
                  <td className="num">
                    {formatDuration(b.late_ms)}
                    {b.open && <span className="muted small"> and counting</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function Availability({
  report,
  serviceName,
}: {
  report: Report
  serviceName: (id: string) => string
}) {
  return (
    <section className="card" aria-labelledby="availability-title">
      <h2 id="availability-title">Availability</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="num">
                Uptime
              </th>
              <th scope="col" className="num">
                Target
              </th>
              <th scope="col" className="num">
                Downtime
              </th>
              <th scope="col" className="num hide-narrow">
                Downtime allowed left
              </th>
              <th scope="col" className="num hide-narrow">
                Incidents
              </th>
            </tr>
          </thead>
          <tbody>
            {report.availability.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="portal-row-head">
                  {serviceName(a.service)}
                </th>
                <td className="num">{percent(a.uptime)}</td>
                <td className="num">{a.target}%</td>
                <td className="num">{a.uptime === null ? '—' : formatDuration(a.down_ms)}</td>
                <td className="num hide-narrow">
                  {a.uptime === null ? '—' : formatDuration(a.budget_left_ms)}
                </td>
                <td className="num hide-narrow">{a.incidents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export function Credits({ report }: { report: Report }) {
  const credits = report.credits!
  const owed = credits.lines.filter((l) => Number(l.amount) > 0)
  const so = report.complete ? 'for this period' : 'so far'
  return (
    <section className="card" aria-labelledby="credits-title">
      <h2 id="credits-title">Service credits</h2>
      {owed.length === 0 ? (
        <>
          <p>No credit is owed {so}.</p>
          <ul className="small muted">
            {credits.lines.map((l) => (
              <li key={`${l.source}-${l.ref}`}>{sentence(l.reason)}</li>
            ))}
          </ul>
        </>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Share of the fee
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {owed.map((l) => (
                <tr key={`${l.source}-${l.ref}`}>
                  <td>{sentence(l.reason)}</td>
                  <td className="num">{l.percent}%</td>
                  <td className="num">{money(l.amount, credits.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        Total owed {so}: <strong>{money(credits.total, credits.currency)}</strong>
        {credits.cap_applied && <span className="muted"> (capped by the agreement)</span>}
        {credits.minimum_applied && (
          <span className="muted"> (under the agreement's minimum, so none is due)</span>
        )}
        . {credits.claim_by && <span className="muted">Claim it by {dateWords(credits.claim_by)}.</span>}
      </p>
    </section>
  )
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
