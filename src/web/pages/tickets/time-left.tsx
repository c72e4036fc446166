// How long a board row's clock has left, counting down in business time from the page's instant
// (or how long ago it breached), in words and colour.
import { formatDuration, Time } from '../../components/time.tsx'
import { type Board, type BoardItem, type Received, remainingAt, serverNow } from './ticket-data.ts'
import { businessDuration } from './words.ts'

const HOUR = 3_600_000

export type Row = { item: BoardItem; page: Received<Board> }

/** The clock's time left (or how long ago it breached), in words and colour. */
export function TimeLeft({ row: { item, page }, now }: { row: Row; now: number }) {
  const { clock } = item
  const at = serverNow(page.as_of, page.received, now)
  const left = remainingAt(clock, page.as_of, at)
  if (clock.breached || left < 0) {
    const ago = clock.due === null ? null : at - Date.parse(clock.due)
    return (
      <>
        {ago !== null && (
          <>
            <span role="timer" className="tk-left num">
              {formatDuration(ago)}
            </span>{' '}
            <span className="muted small">ago</span>
            <br />
          </>
        )}
        <span className="badge bad">Breached</span>{' '}
        {left < 0 && <span className="muted small">{businessDuration(-left)} over</span>}
      </>
    )
  }
  const text = businessDuration(left, { seconds: left < HOUR })
  if (clock.state === 'paused') {
    return (
      <>
        <span className="badge paused">Paused</span> <span className="tk-left num">{text}</span>{' '}
        <span className="muted small">left</span>
      </>
    )
  }
  if (!clock.counting) {
    return (
      <>
        <span className="tk-left num">{text}</span> <span className="muted small">left</span>
        <br />
        <span className="badge neutral">Not counting</span>{' '}
        {clock.next_change && (
          <span className="muted small">
            until <Time at={clock.next_change} zone={clock.zone ?? undefined} />
          </span>
        )}
      </>
    )
  }
  return (
    <>
      <span role="timer" className="tk-left num">
        {text}
      </span>{' '}
      <span className="muted small">left</span>
    </>
  )
}
