// An objective's headline figures: uptime against its target, downtime and incidents, and the
// error budget (allowed, used, left) as words and as a bar.
import { formatDuration } from '../../components/time.tsx'
import type { Objective, ServiceStatus } from './availability-data.ts'
import { STATUS_WORDS } from './timeline.tsx'

export function MetBadge({ objective }: { objective: Objective }) {
  if (objective.met === null) return <span className="badge neutral">No data</span>
  return objective.met ? (
    <span className="badge ok">Target met</span>
  ) : (
    <span className="badge bad">Target missed</span>
  )
}

const NOW_BADGE = { up: 'ok', degraded: 'warn', down: 'bad', unknown: 'neutral' } as const

export function NowBadge({ status }: { status: ServiceStatus | undefined }) {
  if (!status) return <span className="badge neutral">Now: nothing reported</span>
  return (
    <span className={`badge ${NOW_BADGE[status.status]}`}>
      Now: {STATUS_WORDS[status.status].toLowerCase()}
    </span>
  )
}

export function Uptime({ objective }: { objective: Objective }) {
  return (
    <div className="figure">
      <div className="stat-label">Uptime</div>
      <div className="stat">{objective.uptime === null ? '—' : `${objective.uptime}%`}</div>
      <div className="small">
        target {objective.target}% <MetBadge objective={objective} />
      </div>
    </div>
  )
}

export function Downtime({ objective }: { objective: Objective }) {
  const n = objective.incidents.length
  return (
    <div className="figure">
      <div className="stat-label">Downtime counted</div>
      <div className="stat">{formatDuration(objective.down_ms, { seconds: true })}</div>
      <div className="small muted">
        {n === 0 ? 'no incidents' : `${n} incident${n === 1 ? '' : 's'}`}
        {objective.mttr_ms !== null &&
          `, ${formatDuration(objective.mttr_ms, { seconds: true })} to recover on average`}
      </div>
    </div>
  )
}

export function ErrorBudget({ objective }: { objective: Objective }) {
  const allowed = objective.budget_ms
  const used = objective.down_ms
  const left = objective.budget_left_ms
  const share = allowed > 0 ? Math.min(100, (used / allowed) * 100) : used > 0 ? 100 : 0
  const over = left < 0
  const tone = over ? 'bad' : share >= 75 ? 'warn' : 'ok'
  const d = (ms: number) => formatDuration(ms, { seconds: true })
  return (
    <div className="figure budget">
      <div className="stat-label">Error budget</div>
      <div className="stat">{over ? `${d(-left)} over` : `${d(left)} left`}</div>
      <div className={`budget-bar ${tone}`} aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </div>
      <div className="small muted">
        {d(used)} used of {d(allowed)} allowed ({Math.floor(share)}%)
      </div>
    </div>
  )
}
