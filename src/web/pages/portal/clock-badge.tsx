// A running clock as a customer reads it: what is due, how long is left (ticking), and its state
// in words and colour: on time, due within the hour, or overdue.
import { formatDuration, Time } from '../../components/time.tsx'
import { metricLabel } from './words.ts'

const HOUR = 3_600_000

export function ClockLine({
  metric,
  due,
  breached,
  now,
}: {
  metric: string
  due: string | null
  breached: boolean
  now: number
}) {
  const label = metricLabel(metric)
  if (due === null) return <span className="badge paused">{label} paused</span>
  const left = Date.parse(due) - now
  const late = breached || left < 0
  const tone = late ? 'bad' : left < HOUR ? 'warn' : 'ok'
  return (
    <span className="portal-clock">
      <span className={`badge ${tone}`}>{late ? `${label} overdue` : `${label} due`}</span>{' '}
      <span role="timer" className="num">
        {late ? `by ${formatDuration(-left)}` : `in ${formatDuration(left, { seconds: left < HOUR })}`}
      </span>{' '}
      <span className="muted small">
        (<Time at={due} />)
      </span>
    </span>
  )
}
