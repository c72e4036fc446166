// A service's period as one bar: what its monitors said (up, degraded, down, no data), the
// announced maintenance hatched over it, each incident marked above it, and what has not
// happened yet left blank. Every colour is named in the legend, every stretch in its tooltip,
// and the whole in words for screen readers.

import { DAY, fromLocal, toLocal } from '../../../domain/time-zone.ts'
import { formatDuration } from '../../components/time.tsx'
import type { Objective } from './availability-data.ts'

type Span = { start: number; end: number }
type Status = 'up' | 'degraded' | 'down' | 'unknown'

export const STATUS_WORDS: Record<Status, string> = {
  up: 'Up',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'No data',
}

const when = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
})

function stretch(s: Span): string {
  return `${when.format(s.start)} to ${when.format(s.end)} (${formatDuration(s.end - s.start)})`
}

/** Local midnights in `zone` inside `range`, with the day of the month. */
function dayStarts(zone: string, range: Span): { at: number; day: number; month: number }[] {
  const out: { at: number; day: number; month: number }[] = []
  let local = Math.ceil(toLocal(zone, range.start) / DAY) * DAY
  for (let guard = 0; guard < 400; guard++, local += DAY) {
    const at = fromLocal(zone, local)
    if (at >= range.end) break
    const date = new Date(local)
    out.push({ at, day: date.getUTCDate(), month: date.getUTCMonth() })
  }
  return out
}

const MONTH = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' })

export function Timeline({
  objective,
  range,
  label,
  tall = false,
}: {
  objective: Objective
  /** The whole period drawn: the calendar month or quarter, past the measured part if it still runs. */
  range: Span
  /** What the bar is of, for screen readers: "Customer portal, October 2026". */
  label: string
  tall?: boolean
}) {
  const length = Math.max(1, range.end - range.start)
  const at = (t: number) =>
    `${(((Math.min(Math.max(t, range.start), range.end) - range.start) / length) * 100).toFixed(4)}%`
  const width = (s: Span) =>
    `${(((Math.min(s.end, range.end) - Math.max(s.start, range.start)) / length) * 100).toFixed(4)}%`
  const parse = (s: { start: string; end: string }) => ({
    start: Date.parse(s.start),
    end: Date.parse(s.end),
  })
  const measured = parse(objective.period)
  const spans = (objective.timeline ?? []).map((s) => ({ ...parse(s), status: s.status as Status }))
  const maintenance = objective.maintenance.map((m) => ({ ...m, ...parse(m) }))
  const incidents = objective.incidents.map(parse)
  const days = dayStarts(objective.timezone, range)
  const quarter = days.length > 40
  const labelled = days.filter((d) => (quarter ? d.day === 1 : [1, 8, 15, 22, 29].includes(d.day)))
  const present = new Set(spans.map((s) => s.status))
  const summary = describe(objective, spans, label)

  return (
    <figure className={`timeline${tall ? ' tall' : ''}`}>
      <div className="timeline-plot">
        <div className="timeline-incidents" aria-hidden="true">
          {incidents.map((i) => (
            <span
              key={i.start}
              className="incident-mark"
              style={{ left: at(i.start) }}
              title={`Incident: ${stretch(i)}`}
            >
              ▼
            </span>
          ))}
        </div>
        <div className="timeline-track" role="img" aria-label={summary}>
          {spans.map((s) => (
            <span
              key={s.start}
              className={`seg seg-${s.status}`}
              style={{ left: at(s.start), width: width(s) }}
              title={`${STATUS_WORDS[s.status]}: ${stretch(s)}`}
            />
          ))}
          {measured.end < range.end && (
            <span
              className="seg seg-future"
              style={{ left: at(measured.end), width: width({ start: measured.end, end: range.end }) }}
              title="Not yet: the period is still running"
            />
          )}
          {maintenance.map((m) => (
            <span
              key={`${m.window}-${m.start}`}
              className={`seg-maintenance${m.qualifies ? '' : ' not-qualifying'}`}
              style={{ left: at(m.start), width: width(m) }}
              title={`Maintenance ${m.window}: ${stretch(m)}${m.qualifies ? '' : `, not excluded: ${m.reason ?? ''}`}`}
            />
          ))}
        </div>
        <div className="timeline-axis" aria-hidden="true">
          {days.map((d) => (
            <span
              key={d.at}
              className={`tick${labelled.includes(d) ? ' major' : ''}${d.at === range.start ? ' first' : ''}`}
              style={{ left: at(d.at) }}
            >
              {labelled.includes(d) && (
                <span className="tick-label">
                  {quarter || d.day === 1
                    ? `${quarter ? '' : '1 '}${MONTH.format(Date.UTC(2000, d.month, 1))}`
                    : d.day}
                </span>
              )}
            </span>
          ))}
        </div>
      </div>
      <figcaption>
        <ul className="legend" aria-label="Legend">
          {(['up', 'degraded', 'down', 'unknown'] as const)
            .filter((s) => s === 'up' || present.has(s))
            .map((s) => (
              <li key={s}>
                <span className={`swatch seg-${s}`} aria-hidden="true" /> {STATUS_WORDS[s]}
              </li>
            ))}
          {maintenance.length > 0 && (
            <li>
              <span className="swatch swatch-maintenance" aria-hidden="true" /> Maintenance
            </li>
          )}
          {incidents.length > 0 && (
            <li>
              <span className="incident-mark legend-mark" aria-hidden="true">
                ▼
              </span>{' '}
              Incident
            </li>
          )}
          {measured.end < range.end && (
            <li>
              <span className="swatch seg-future" aria-hidden="true" /> Not yet
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  )
}

function describe(objective: Objective, spans: (Span & { status: Status })[], label: string): string {
  const total = (status: Status) =>
    spans.filter((s) => s.status === status).reduce((n, s) => n + s.end - s.start, 0)
  const parts = (['down', 'degraded', 'unknown'] as const)
    .filter((s) => total(s) > 0)
    .map((s) => `${STATUS_WORDS[s].toLowerCase()} ${formatDuration(total(s), { seconds: true })}`)
  const n = objective.incidents.length
  const windows = objective.maintenance.length
  return [
    `${label}: timeline.`,
    parts.length === 0 ? 'Up whenever reported.' : `Reported ${parts.join(', ')}, otherwise up.`,
    `Counted down ${formatDuration(objective.down_ms, { seconds: true })} in ${n} incident${n === 1 ? '' : 's'}.`,
    windows > 0 ? `${windows} maintenance window${windows === 1 ? '' : 's'}.` : '',
  ]
    .filter(Boolean)
    .join(' ')
}
