// A severity's promises in words: each target with its duration and the hours it runs on,
// and, for a ticket raised now, when each clock would fall due.
import { Time } from '../../components/time.tsx'
import { hoursWords, isAroundTheClock } from './hours.ts'
import type { TargetLine } from './plan.ts'
import { durationWords, metricLabel } from './words.ts'

/** `within 2 business hours, Mon–Fri 08:00–18:00 Europe/London`, or `every hour, around the clock`. */
export function promiseWords(t: TargetLine): string {
  const business = !isAroundTheClock(t.calendar)
  const span = durationWords(t.ms, business)
  const amount = t.every ? `every ${span.replace(/^1 (business )?hour$/, '$1hour')}` : `within ${span}`
  return `${amount}, ${hoursWords(t.calendar)}`
}

/** `First response within 2 business hours, Mon–Fri 08:00–18:00 Europe/London`. */
export function targetWords(t: TargetLine): string {
  return `${metricLabel(t.metric)} ${promiseWords(t)}`
}

export function TargetList({
  targets,
  due,
  className,
}: {
  targets: readonly TargetLine[]
  /** When each metric's clock would fall due for a ticket raised now. */
  due?: ReadonlyMap<string, number | null>
  className?: string
}) {
  if (targets.length === 0)
    return <p className="muted small">No response or resolution target is set for this severity.</p>
  return (
    <ul className={`portal-targets ${className ?? ''}`}>
      {targets.map((t) => {
        const at = due?.get(t.metric)
        return (
          <li key={t.metric}>
            {targetWords(t)}
            {at != null && !t.every && (
              <span className="muted">
                {' '}
                — by <Time at={at} zone={t.calendar.timezone} />
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
