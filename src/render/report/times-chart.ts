// Business time to the stop for each severity and metric. The report keeps the mean, the
// median and the 90th percentile rather than every sample, so each row shows those three as
// markers on a bar to the p90, measured in units of the row's target: the target is the same
// dashed line on every row, and rows with targets of minutes and of days compare at a glance.
import { parseDuration } from '../../domain/duration.ts'
import type { TargetRow } from '../../domain/reports/report-schema.ts'
import { rowName } from './compliance-chart.ts'
import { duration } from './format.ts'
import { CHART_WIDTH, type Chart, COLOURS, line, rect, svgDocument, text } from './svg.ts'

const LABEL = 118
const PLOT = 250
const ROW = 20
const TOP = 18
const LEGEND = 24
// Beyond three targets a bar is cut off (its figures are in the words beside it and the table).
const MOST_TARGETS = 3
const WITHIN = '#a9c1e3'
const PAST = '#e8a3a3'

type Timed = TargetRow & { mean_ms: number; median_ms: number; p90_ms: number }

/** Rows with at least one clock stopped; null when there is none. */
export function timesChart(rows: readonly TargetRow[], withVersions: boolean): Chart | null {
  const timed = rows.filter((r): r is Timed => r.timed > 0 && r.p90_ms !== null)
  if (timed.length === 0) return null
  const scale = Math.min(MOST_TARGETS, Math.max(1.25, ...timed.map((r) => r.p90_ms / unitOf(r))))
  const height = TOP + timed.length * ROW + LEGEND
  const body = [
    ...axis(timed, scale),
    ...timed.flatMap((r, i) => markers(r, TOP + i * ROW, scale, withVersions)),
  ]
  body.push(...legend(height - 8))
  return {
    id: 'chart-times',
    title: 'Business time to the stop',
    alt: [
      'Business time from start to stop of the clocks met, for each severity and metric.',
      ...timed.map(
        (r) =>
          `${rowName(r, withVersions)}: median ${duration(r.median_ms)}, mean ${duration(r.mean_ms)}, ` +
          `90th percentile ${duration(r.p90_ms)} over ${r.timed} clock${r.timed === 1 ? '' : 's'}${r.target ? `, target ${r.target}` : ''}.`,
      ),
    ].join(' '),
    svg: svgDocument(CHART_WIDTH, height, body),
    height,
  }
}

/** The row's target in milliseconds; a row without one is drawn against its own p90. */
function unitOf(row: Timed): number {
  const target = row.target === null ? null : parseDuration(row.target)
  return target?.ok && target.ms > 0 ? target.ms : Math.max(row.p90_ms, 1)
}

function hasTarget(row: Timed): boolean {
  return row.target !== null && parseDuration(row.target).ok
}

function axis(rows: readonly Timed[], scale: number): string[] {
  const bottom = TOP + rows.length * ROW - 4
  const x = LABEL + PLOT / scale
  return [
    line(LABEL, TOP - 4, LABEL, bottom, { stroke: COLOURS.rule, width: 0.5 }),
    text(LABEL, TOP - 7, '0', { anchor: 'middle', size: 7, fill: COLOURS.muted }),
    ...(rows.some(hasTarget)
      ? [
          line(x, TOP - 4, x, bottom, { stroke: COLOURS.ink, width: 1, dash: '3 2' }),
          text(x, TOP - 7, 'target', { anchor: 'middle', size: 7, fill: COLOURS.muted }),
        ]
      : []),
  ]
}

function markers(row: Timed, y: number, scale: number, withVersion: boolean): string[] {
  const unit = unitOf(row)
  const at = (ms: number) => LABEL + (PLOT * Math.min(ms / unit, scale)) / scale
  const late = hasTarget(row) && row.p90_ms > unit
  const mean = at(row.mean_ms)
  return [
    text(0, y + 9, rowName(row, withVersion)),
    rect(LABEL, y + 1, PLOT, 10, { fill: COLOURS.track }),
    rect(LABEL, y + 3, at(row.p90_ms) - LABEL, 6, { fill: late ? PAST : WITHIN }),
    line(at(row.median_ms), y - 1, at(row.median_ms), y + 13, { stroke: COLOURS.ink, width: 2 }),
    rect(mean - 2.5, y + 3.5, 5, 5, { fill: COLOURS.accent, stroke: '#ffffff', width: 0.5 }),
    text(
      LABEL + PLOT + 6,
      y + 9,
      `p90 ${duration(row.p90_ms)}${row.target ? ` · target ${row.target}` : ''}`,
    ),
  ]
}

function legend(y: number): string[] {
  return [
    rect(LABEL, y - 6, 10, 6, { fill: WITHIN }),
    rect(LABEL + 12, y - 6, 10, 6, { fill: PAST }),
    text(LABEL + 26, y, 'to the 90th percentile: within, past the target'),
    line(LABEL + 212, y - 9, LABEL + 212, y + 2, { stroke: COLOURS.ink, width: 2 }),
    text(LABEL + 217, y, 'median'),
    rect(LABEL + 250, y - 6.5, 5, 5, { fill: COLOURS.accent }),
    text(LABEL + 259, y, 'mean'),
  ]
}
