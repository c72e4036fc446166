// A period's compliance in a few figures: per metric, how many clocks met their target and
// whether every severity reached its goal; availability against its target; credits so far.
import type { Report } from '../../../domain/reports/report-schema.ts'
import { metricLabel, money, percent } from './words.ts'

export type MetricFigures = {
  metric: string
  met: number
  total: number
  /** met / total floored to two decimals, as the report floors; null without clocks. */
  compliance: string | null
  /** Severities below their goal, of those with a goal and clocks. */
  belowGoal: string[]
  withGoal: number
}

export function metricFigures(report: Report, metric: string): MetricFigures {
  const rows = report.targets.filter((r) => r.metric === metric)
  const met = rows.reduce((n, r) => n + r.met, 0)
  const total = rows.reduce((n, r) => n + r.total, 0)
  const judged = rows.filter((r) => r.goal_met !== null)
  return {
    metric,
    met,
    total,
    compliance: total === 0 ? null : String(Math.floor((met * 10_000) / total) / 100),
    belowGoal: judged.filter((r) => r.goal_met === false).map((r) => r.severity),
    withGoal: judged.length,
  }
}

export function GoalBadge({ figures }: { figures: MetricFigures }) {
  if (figures.total === 0) return <span className="badge neutral">No tickets yet</span>
  if (figures.withGoal === 0) return <span className="badge neutral">No goal set</span>
  if (figures.belowGoal.length > 0)
    return <span className="badge bad">Below goal for {figures.belowGoal.join(', ')}</span>
  return <span className="badge ok">Goals met</span>
}

/** The headline figures of a report: response, resolution, availability, credits. */
export function ComplianceStats({
  report,
  serviceName = (id) => id,
}: {
  report: Report
  serviceName?: (id: string) => string
}) {
  const metrics = ['first_response', 'resolution'].map((m) => metricFigures(report, m))
  return (
    <dl className="portal-stats">
      {metrics.map((f) => (
        <div key={f.metric} className="portal-stat">
          <dt className="stat-label">{metricLabel(f.metric)} on time</dt>
          <dd>
            <span className="stat">{percent(f.compliance)}</span>
            <span className="muted small">
              {' '}
              {f.total === 0 ? 'no clocks ended yet' : `${f.met} of ${f.total}`}
            </span>
            <div>
              <GoalBadge figures={f} />
            </div>
          </dd>
        </div>
      ))}
      {report.availability.map((a) => (
        <div key={a.id} className="portal-stat">
          <dt className="stat-label">Availability of {serviceName(a.service)}</dt>
          <dd>
            <span className="stat">{percent(a.uptime)}</span>
            <span className="muted small"> target {a.target}%</span>
            <div>
              {a.met === null ? (
                <span className="badge neutral">No data yet</span>
              ) : a.met ? (
                <span className="badge ok">On target</span>
              ) : (
                <span className="badge bad">Below target</span>
              )}
            </div>
          </dd>
        </div>
      ))}
      {report.credits && (
        <div className="portal-stat">
          <dt className="stat-label">Service credits owed{report.complete ? '' : ' so far'}</dt>
          <dd>
            <span className="stat">{money(report.credits.total, report.credits.currency)}</span>
            <div>
              {Number(report.credits.total) > 0 ? (
                <span className="badge warn">Owed to you</span>
              ) : (
                <span className="badge neutral">None owed</span>
              )}
            </div>
          </dd>
        </div>
      )}
    </dl>
  )
}
