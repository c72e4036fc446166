// The JSON of the at-risk board and of a ticket's timeline: rows from the actions in the API's
// shapes (snake_case, ISO instants), typed by the response schemas.
import type { z } from 'zod'
import type { TicketTimeline, TimelineClock } from '../actions/get-ticket-timeline.ts'
import type { Board, BoardItem } from '../actions/list-board.ts'
import type { ClockStanding } from '../domain/clocks/clock-standing.ts'
import { presentTicket } from './presenters.ts'
import type * as B from './schemas/board.ts'
import type * as T from './schemas/ticket-timeline.ts'

const iso = (t: number | Date) => new Date(t).toISOString()
const isoOrNull = (t: number | Date | null) => (t === null ? null : iso(t))
const span = ([from, to]: readonly [number, number | null]) => ({ from: iso(from), to: isoOrNull(to) })

export function presentBoard(board: Board, state: 'at_risk' | 'breached'): z.output<typeof B.BoardSchema> {
  return {
    as_of: iso(board.asOf),
    state,
    items: board.items.map(presentBoardItem),
    next_cursor: board.nextCursor,
    counts: board.counts && { at_risk: board.counts.atRisk, breached: board.counts.breached },
    facets: board.facets,
  }
}

function presentBoardItem({ ticket, clock, standing, zone }: BoardItem): z.output<typeof B.BoardItemSchema> {
  return {
    ...presentTicket(ticket),
    clock: {
      agreement: clock.agreement_id,
      version: clock.version,
      metric: clock.metric,
      cycle: clock.cycle,
      severity: clock.severity,
      state: clock.state === 'paused' ? 'paused' : 'running',
      target_ms: clock.target_ms,
      due: isoOrNull(clock.due),
      zone,
      ...presentStanding(standing),
    },
  }
}

function presentStanding(s: ClockStanding) {
  return {
    elapsed_ms: s.elapsedMs,
    remaining_ms: s.remainingMs,
    breached: s.breached,
    counting: s.counting,
    next_change: isoOrNull(s.nextChange),
  }
}

export function presentTimeline(t: TicketTimeline): z.output<typeof T.TicketTimelineSchema> {
  return {
    as_of: iso(t.asOf),
    clocks: t.clocks.map(presentTimelineClock),
    next_escalations: t.next.map((n) => ({ ...n, at: iso(n.at) })),
    escalation_matrix: t.matrix,
    referral: t.referral,
  }
}

function presentTimelineClock(c: TimelineClock): z.output<typeof T.TimelineClockSchema> {
  const { clock } = c
  return {
    agreement: clock.agreement_id,
    version: clock.version,
    metric: clock.metric,
    cycle: clock.cycle,
    severity: clock.severity,
    state: clock.state,
    target_ms: clock.target_ms,
    due: isoOrNull(clock.due),
    started_at: iso(clock.started_at),
    stopped_at: isoOrNull(clock.stopped_at),
    ...presentStanding(c.standing),
    // A stopped clock keeps the breach it had; the standing's view is for clocks still open.
    breached: clock.breached,
    calendar: { id: c.calendarId, zone: c.zone },
    runs: c.runs.map(span),
    waits: c.gaps.map((g) => ({ ...span([g.from, g.to]), reason: g.reason })),
    open_hours: c.openHours.map(span),
    thresholds: c.thresholds.map((t) => ({
      kind: t.kind,
      level: t.level,
      percent: t.percent,
      at: isoOrNull(t.at),
      fired_at: isoOrNull(t.firedAt),
      notify: t.notify,
    })),
  }
}
