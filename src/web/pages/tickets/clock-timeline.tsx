// One clock on a timeline: when it ran and when it waited, the support hours in which its time
// counts, its warnings, escalations and due time, and how it ended; drawn, and said in words
// beneath for everyone who does not read the drawing.
import { useId } from 'react'
import { Time } from '../../components/time.tsx'
import { Steps } from './clock-steps.tsx'
import { remainingAt, type TimelineClock } from './ticket-data.ts'
import { businessDuration, metricLabel, urgency } from './words.ts'

const W = 1000
const H = 46
const TRACK = { top: 12, height: 22 }
const HOUR = 3_600_000

type Props = { clock: TimelineClock; asOf: string; now: number }

export function ClockTimeline({ clock, asOf, now }: Props) {
  const summaryId = useId()
  const left = remainingAt(clock, asOf, now)
  const state = stateOf(clock, left)
  return (
    <article className={`tk-clock tk-clock-${state.tone}`} aria-labelledby={`${summaryId}-title`}>
      <header className="tk-clock-head">
        <h3 id={`${summaryId}-title`}>
          {metricLabel(clock.metric)}
          {clock.cycle > 1 && <span className="muted"> (cycle {clock.cycle})</span>}
        </h3>
        <span className={`badge ${state.tone}`}>{state.label}</span>
        <span className="muted small">
          {clock.severity} · target {businessDuration(clock.target_ms)} of business time on the{' '}
          {clock.calendar.id} calendar ({clock.calendar.zone}) · {clock.agreement}
        </span>
      </header>
      <p id={summaryId} className="tk-clock-summary">
        <Summary clock={clock} left={left} now={now} />
      </p>
      <Drawing clock={clock} now={now} labelledBy={summaryId} />
      <Steps clock={clock} now={now} />
    </article>
  )
}

function stateOf(clock: TimelineClock, left: number): { label: string; tone: string } {
  if (clock.state === 'met')
    return clock.breached ? { label: 'Met late', tone: 'bad' } : { label: 'Met', tone: 'ok' }
  if (clock.state === 'cancelled') return { label: 'Cancelled', tone: 'neutral' }
  if (clock.breached || left < 0) return { label: 'Breached', tone: 'bad' }
  if (clock.state === 'paused') return { label: 'Paused', tone: 'paused' }
  if (!clock.counting) return { label: 'Not counting', tone: 'neutral' }
  return urgency(left, clock.target_ms, false) === 'warn'
    ? { label: 'Due soon', tone: 'warn' }
    : { label: 'Running', tone: 'ok' }
}

function Summary({ clock, left, now }: { clock: TimelineClock; left: number; now: number }) {
  const target = businessDuration(clock.target_ms)
  const zone = clock.calendar.zone
  if (clock.state === 'met' || clock.state === 'cancelled') {
    const used = businessDuration(clock.elapsed_ms)
    return (
      <>
        {clock.state === 'met' ? 'Met' : 'Cancelled'} <Time at={clock.stopped_at} zone={zone} /> after {used}{' '}
        of {target}
        {clock.breached && clock.due ? (
          <>
            : late, it was due <Time at={clock.due} zone={zone} />
          </>
        ) : clock.state === 'met' ? (
          ', in time'
        ) : null}
        .
      </>
    )
  }
  if (clock.breached || left < 0) {
    return (
      <>
        Breached: it was due <Time at={clock.due} zone={zone} />, {businessDuration(-left)} of business time
        ago
        {clock.state === 'paused' ? '; paused now' : ''}.
      </>
    )
  }
  const text = (
    <span role="timer" className="num">
      {businessDuration(left, { seconds: left < HOUR })}
    </span>
  )
  if (clock.state === 'paused')
    return (
      <>
        Paused with {text} of {target} left; it runs again when the ticket does.
      </>
    )
  return (
    <>
      {text} of {target} left, due <Time at={clock.due} zone={zone} />.{' '}
      {clock.counting ? (
        'Counting now.'
      ) : (
        <>
          Not counting now (outside support hours)
          {clock.next_change && Date.parse(clock.next_change) > now && (
            <>
              {' '}
              until <Time at={clock.next_change} zone={zone} />
            </>
          )}
          .
        </>
      )}
    </>
  )
}

function Drawing({ clock, now, labelledBy }: { clock: TimelineClock; now: number; labelledBy: string }) {
  const start = Date.parse(clock.started_at)
  const stop = clock.stopped_at ? Date.parse(clock.stopped_at) : null
  const marks = clock.thresholds.flatMap((t) => (t.at ? [Date.parse(t.at)] : []))
  const due = clock.due ? Date.parse(clock.due) : null
  const last = Math.max(start + HOUR, stop ?? now, now, due ?? 0, ...marks)
  const span = last - start
  const from = start - span * 0.01
  const to = last + span * 0.03
  const x = (t: number) => ((t - from) / (to - from)) * W
  const w = (a: number, b: number) => Math.max(1.5, x(b) - x(a))
  const end = stop ?? now
  return (
    <>
      <svg
        className="tk-drawing"
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={labelledBy}
      >
        <title>{`When the ${metricLabel(clock.metric).toLowerCase()} clock ran, waited and is due`}</title>
        <defs>
          <pattern
            id="tk-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#fbefff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#6e40c9" strokeWidth="2" />
          </pattern>
        </defs>
        <rect x={0} y={TRACK.top - 6} width={W} height={TRACK.height + 12} className="tk-closed" />
        {clock.open_hours.map((o) => (
          <rect
            key={o.from}
            x={x(Date.parse(o.from))}
            y={TRACK.top - 6}
            width={w(Date.parse(o.from), Date.parse(o.to ?? o.from))}
            height={TRACK.height + 12}
            className="tk-open"
          />
        ))}
        {clock.waits.map((g) => (
          <rect
            key={g.from}
            x={x(Date.parse(g.from))}
            y={TRACK.top}
            width={w(Date.parse(g.from), g.to ? Date.parse(g.to) : end)}
            height={TRACK.height}
            className={g.reason === 'paused' ? 'tk-wait' : 'tk-resolved'}
          />
        ))}
        {clock.runs.map((r) => (
          <rect
            key={r.from}
            x={x(Date.parse(r.from))}
            y={TRACK.top}
            width={w(Date.parse(r.from), r.to ? Date.parse(r.to) : end)}
            height={TRACK.height}
            className="tk-run"
          />
        ))}
        {clock.thresholds.map(
          (t) =>
            t.at &&
            t.kind !== 'breach' && (
              <line
                key={`${t.kind}-${t.level}`}
                x1={x(Date.parse(t.at))}
                x2={x(Date.parse(t.at))}
                y1={TRACK.top - 6}
                y2={TRACK.top + TRACK.height + 6}
                className={t.kind === 'warning' ? 'tk-warn-mark' : 'tk-esc-mark'}
              />
            ),
        )}
        {due !== null && <line x1={x(due)} x2={x(due)} y1={2} y2={H - 2} className="tk-due-mark" />}
        {stop === null && <line x1={x(now)} x2={x(now)} y1={2} y2={H - 2} className="tk-now-mark" />}
        {stop !== null && clock.state === 'met' && (
          <circle
            cx={x(stop)}
            cy={TRACK.top + TRACK.height / 2}
            r={6}
            className={clock.breached ? 'tk-late' : 'tk-met'}
          />
        )}
      </svg>
      <p className="tk-axis small muted" aria-hidden="true">
        <Time at={start} zone={clock.calendar.zone} />
        <Time at={last} zone={clock.calendar.zone} />
      </p>
    </>
  )
}
