// A clock's timeline in words, step by step, and what the marks of the drawings mean.
import type { ReactNode } from 'react'
import { Time } from '../../components/time.tsx'
import type { TimelineClock } from './ticket-data.ts'
import { percent } from './words.ts'

/** What the marks of the timelines mean, once for all of them. */
export function TimelineLegend() {
  return (
    <ul className="tk-legend" aria-label="How to read the timelines">
      <li>
        <span className="swatch tk-sw-run" /> Running
      </li>
      <li>
        <span className="swatch tk-sw-wait" /> Paused
      </li>
      <li>
        <span className="swatch tk-sw-open" /> Support hours (time counts)
      </li>
      <li>
        <span className="swatch tk-sw-closed" /> Outside support hours
      </li>
      <li>
        <span className="tick tk-sw-warn" /> Warning
      </li>
      <li>
        <span className="tick tk-sw-esc" /> Escalation
      </li>
      <li>
        <span className="tick tk-sw-due" /> Due
      </li>
      <li>
        <span className="tick tk-sw-now" /> Now
      </li>
    </ul>
  )
}

type Step = { at: number; key: string; text: ReactNode }

/** The clock's story in order: what happened, and what is still to come. */
export function Steps({ clock, now }: { clock: TimelineClock; now: number }) {
  const zone = clock.calendar.zone
  const when = (iso: string) => <Time at={iso} zone={zone} />
  const steps: Step[] = [
    { at: Date.parse(clock.started_at), key: 'start', text: <>Started {when(clock.started_at)}</> },
  ]
  for (const g of clock.waits) {
    steps.push({
      at: Date.parse(g.from),
      key: `wait-${g.from}`,
      text: (
        <>
          {g.reason === 'paused' ? 'Paused' : 'Stopped (resolved)'} {when(g.from)}
          {g.to ? (
            <>
              {' '}
              until {when(g.to)}
              {g.reason === 'resolved' ? ', when the ticket reopened' : ''}
            </>
          ) : (
            ', still waiting'
          )}
        </>
      ),
    })
  }
  for (const t of clock.thresholds) {
    if (!t.at || t.kind === 'breach') continue
    const past = Date.parse(t.at) <= now
    const who = t.notify.map((c) => c.name).join(', ')
    steps.push({
      at: Date.parse(t.at),
      key: `${t.kind}-${t.level}`,
      text:
        t.kind === 'warning' ? (
          <>
            Warning at {percent(t.percent)} of the target {past ? 'reached' : 'due'} {when(t.at)}
          </>
        ) : (
          <>
            Escalation level {t.level} ({percent(t.percent)}) to {who || 'nobody named'}{' '}
            {t.fired_at ? (
              <>sent {when(t.fired_at)}</>
            ) : past ? (
              <>due {when(t.at)}, not sent yet</>
            ) : (
              <>due {when(t.at)}</>
            )}
          </>
        ),
    })
  }
  if (clock.due && clock.state !== 'met' && clock.state !== 'cancelled') {
    const past = Date.parse(clock.due) <= now
    steps.push({
      at: Date.parse(clock.due),
      key: 'due',
      text: (
        <>
          {past ? 'Breached' : 'Due'} {when(clock.due)}
        </>
      ),
    })
  }
  if (clock.stopped_at) {
    steps.push({
      at: Date.parse(clock.stopped_at),
      key: 'stop',
      text: (
        <>
          {clock.state === 'met' ? 'Met' : 'Cancelled'} {when(clock.stopped_at)}
          {clock.state === 'met' &&
            clock.due &&
            (clock.breached ? <>, late (due {when(clock.due)})</> : ', in time')}
        </>
      ),
    })
  }
  steps.sort((a, b) => a.at - b.at)
  return (
    <details className="tk-steps">
      <summary>Step by step</summary>
      <ol>
        {steps.map((s) => (
          <li key={s.key} className={s.at > now ? 'muted' : undefined}>
            {s.text}
          </li>
        ))}
      </ol>
    </details>
  )
}
