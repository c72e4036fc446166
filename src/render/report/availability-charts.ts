// Availability drawn two ways. The timeline: each objective's period as a strip, its outages in
// red and its maintenance windows shaded. The error budget: how much of the down time the
// target allows was used, the budget being the same mark on every row.
import type { AvailabilityRow } from '../../domain/reports/report-schema.ts'
import { DAY, fromLocal, toLocal } from '../../domain/time-zone.ts'
import { duration, localDate, localDateTime, percent, verdict } from './format.ts'
import { CHART_WIDTH, type Chart, COLOURS, line, rect, svgDocument, text } from './svg.ts'
import type { ObjectiveTimeline } from './timelines.ts'

const LABEL = 112
const PLOT = 300
const ROW = 18
const TOP = 20
const LEGEND = 26

export function timelineChart(
  rows: readonly AvailabilityRow[],
  timelines: ReadonlyMap<string, ObjectiveTimeline>,
  part: string,
): Chart {
  const first = rows[0]!
  const span = { start: Date.parse(first.period.start), end: Date.parse(first.period.end) }
  const x = (t: number) =>
    LABEL + (PLOT * (Math.min(Math.max(t, span.start), span.end) - span.start)) / (span.end - span.start)
  const height = TOP + rows.length * ROW + LEGEND
  const body = [...dayTicks(first.timezone, span, x, TOP + rows.length * ROW)]
  rows.forEach((row, i) => {
    body.push(...strip(row, timelines.get(row.id), x, TOP + i * ROW))
  })
  const unknown = rows.some((r) => r.down_ms > 0 && !timelines.get(r.id)?.outages)
  body.push(...timelineLegend(height - 10, unknown))
  return {
    id: `chart-timeline${part}`,
    title: `Availability timeline, ${localDate(first.timezone, span.start)} to ${localDate(first.timezone, span.end - 1)} (${first.timezone})`,
    alt: rows.map((r) => timelineSentence(r, timelines.get(r.id))).join(' '),
    svg: svgDocument(CHART_WIDTH, height, body),
    height,
  }
}

function strip(
  row: AvailabilityRow,
  timeline: ObjectiveTimeline | undefined,
  x: (t: number) => number,
  y: number,
): string[] {
  const shapes = [text(0, y + 9, row.id), rect(LABEL, y + 1, PLOT, 11, { fill: COLOURS.track })]
  // A window or an outage of minutes is a hair at this scale: each is drawn at least wide enough to see.
  for (const m of timeline?.maintenance ?? [])
    shapes.push(
      rect(x(m.start), y + 1, Math.max(x(m.end) - x(m.start), 2.5), 11, {
        fill: m.excluded ? COLOURS.maintenance : COLOURS.maintenanceCounted,
      }),
    )
  for (const o of timeline?.outages ?? [])
    shapes.push(rect(x(o.start), y, Math.max(x(o.end) - x(o.start), 2.5), 13, { fill: COLOURS.bad }))
  const { text: outcome, tone } = verdict(row.met)
  shapes.push(
    text(LABEL + PLOT + 6, y + 9, percent(row.uptime)),
    text(LABEL + PLOT + 54, y + 9, outcome, { fill: COLOURS[tone], bold: true }),
  )
  return shapes
}

/** A line at each local midnight; dates written at the 1st, 8th, 15th, 22nd and 29th. */
function dayTicks(
  timeZone: string,
  span: { start: number; end: number },
  x: (t: number) => number,
  bottom: number,
) {
  const shapes: string[] = []
  const quarter = span.end - span.start > 40 * DAY
  for (let day = Math.floor(toLocal(timeZone, span.start) / DAY); ; day++) {
    const t = fromLocal(timeZone, day * DAY)
    if (t >= span.end) break
    if (t < span.start) continue
    const date = new Date(day * DAY).getUTCDate()
    const labelled = quarter ? date === 1 || date === 15 : (date - 1) % 7 === 0
    shapes.push(line(x(t), TOP - 3, x(t), bottom - 4, { stroke: COLOURS.rule, width: labelled ? 0.6 : 0.25 }))
    if (labelled)
      shapes.push(
        text(x(t), TOP - 6, localDate(timeZone, t).split(' ').slice(0, 2).join(' '), {
          anchor: 'middle',
          size: 7,
          fill: COLOURS.muted,
        }),
      )
  }
  return shapes
}

function timelineLegend(y: number, unknown: boolean): string[] {
  const shapes = [
    rect(LABEL, y - 7, 10, 8, { fill: COLOURS.bad }),
    text(LABEL + 14, y, 'down'),
    rect(LABEL + 44, y - 7, 10, 8, { fill: COLOURS.maintenance }),
    text(LABEL + 58, y, 'maintenance, left out'),
    rect(LABEL + 146, y - 7, 10, 8, { fill: COLOURS.maintenanceCounted }),
    text(LABEL + 160, y, 'maintenance, counted'),
  ]
  if (unknown)
    shapes.push(
      text(
        0,
        y + 11,
        'Outage times are not known here for every objective: see the down time in the table.',
        { fill: COLOURS.muted, size: 7 },
      ),
    )
  return shapes
}

function timelineSentence(row: AvailabilityRow, timeline: ObjectiveTimeline | undefined): string {
  const excluded = timeline?.maintenance.filter((m) => m.excluded).length ?? 0
  const counted = (timeline?.maintenance.length ?? 0) - excluded
  const outages = timeline?.outages
  const when = outages
    ? outages
        .map((o) => `${localDateTime(row.timezone, o.start)} for ${duration(o.end - o.start)}`)
        .join('; ')
    : null
  const windows = [
    excluded > 0 ? `${excluded} maintenance window${excluded === 1 ? '' : 's'} left out` : '',
    counted > 0 ? `${counted} counted as ordinary time` : '',
  ].filter(Boolean)
  return (
    `${row.id}: ${percent(row.uptime)} against ${percent(row.target)}, ${verdict(row.met).text}; ` +
    `${row.incidents} outage${row.incidents === 1 ? '' : 's'}, ${duration(row.down_ms)} down` +
    `${when ? ` (${when})` : ''}${windows.length > 0 ? `; ${windows.join(', ')}` : ''}.`
  )
}

export function budgetChart(rows: readonly AvailabilityRow[], part: string): Chart {
  const height = TOP + rows.length * ROW + LEGEND - 8
  const worst = Math.max(
    1,
    ...rows.map((r) => (r.budget_ms > 0 ? (r.budget_ms - r.budget_left_ms) / r.budget_ms : 0)),
  )
  const scale = Math.min(worst, 2)
  const budgetX = LABEL + PLOT / scale
  const body = [
    line(budgetX, TOP - 4, budgetX, TOP + rows.length * ROW - 2, {
      stroke: COLOURS.ink,
      width: 1,
      dash: '3 2',
    }),
    text(budgetX, TOP - 7, 'budget', { anchor: 'middle', size: 7, fill: COLOURS.muted }),
    ...rows.flatMap((row, i) => budgetBar(row, TOP + i * ROW, scale)),
  ]
  return {
    id: `chart-budget${part}`,
    title: 'Error budget used',
    alt: rows.map(budgetSentence).join(' '),
    svg: svgDocument(CHART_WIDTH, height, body),
    height,
  }
}

function budgetBar(row: AvailabilityRow, y: number, scale: number): string[] {
  const shapes = [text(0, y + 9, row.id), rect(LABEL, y + 1, PLOT, 11, { fill: COLOURS.track })]
  const used = row.budget_ms - row.budget_left_ms
  if (row.budget_ms <= 0)
    return [...shapes, text(LABEL + PLOT + 6, y + 9, 'no budget', { fill: COLOURS.muted })]
  const share = used / row.budget_ms
  // Integer milliseconds: the floored percentage is exact.
  const shown = Math.floor((used * 100) / row.budget_ms)
  const over = row.budget_left_ms < 0
  shapes.push(
    rect(LABEL, y + 1, (PLOT * Math.min(share, scale)) / scale, 11, {
      fill: over ? COLOURS.bad : COLOURS.good,
    }),
    text(LABEL + PLOT + 6, y + 9, `${shown}% used`, { fill: over ? COLOURS.bad : COLOURS.ink, bold: over }),
  )
  return shapes
}

function budgetSentence(row: AvailabilityRow): string {
  const used = row.budget_ms - row.budget_left_ms
  if (row.budget_ms <= 0) return `${row.id}: no error budget.`
  const left =
    row.budget_left_ms < 0 ? `${duration(-row.budget_left_ms)} over` : `${duration(row.budget_left_ms)} left`
  return `${row.id}: ${duration(used)} of a ${duration(row.budget_ms)} budget used, ${left}.`
}
