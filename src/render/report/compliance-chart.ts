// Compliance by severity and metric: a bar per row of the report's targets, 0 to 100% of its
// clocks met, with the row's goal drawn across it as a line. The bar's colour says met or
// missed, and so do the words beside it.
import type { TargetRow } from '../../domain/reports/report-schema.ts'
import { metricName, percent, verdict } from './format.ts'
import { CHART_WIDTH, type Chart, COLOURS, line, rect, svgDocument, text } from './svg.ts'

const LABEL = 118
const PLOT = 236
const ROW = 20
const TOP = 18
const LEGEND = 24

export function complianceChart(rows: readonly TargetRow[], withVersions: boolean): Chart {
  const height = TOP + rows.length * ROW + LEGEND
  const body = [...axis(rows.length), ...rows.flatMap((r, i) => bar(r, TOP + i * ROW, withVersions))]
  body.push(...legend(height - 8))
  return {
    id: 'chart-compliance',
    title: 'Compliance by severity and metric',
    alt: [
      'Share of clocks met in time for each severity and metric, against its goal.',
      ...rows.map((r) => `${rowName(r, withVersions)}: ${sentence(r)}.`),
    ].join(' '),
    svg: svgDocument(CHART_WIDTH, height, body),
    height,
  }
}

export function rowName(row: TargetRow, withVersion: boolean): string {
  const name = `${row.severity} ${metricName(row.metric).toLowerCase()}`
  return withVersion ? `${name} (${row.version})` : name
}

function sentence(row: TargetRow): string {
  if (row.compliance === null) return 'no clocks counted'
  const goal = row.goal === null ? 'no goal set' : `goal ${percent(row.goal)}, ${verdict(row.goal_met).text}`
  return `${percent(row.compliance)} of ${row.total} met, ${goal}`
}

function axis(count: number): string[] {
  const bottom = TOP + count * ROW - 4
  return [0, 25, 50, 75, 100].flatMap((p) => {
    const x = LABEL + (PLOT * p) / 100
    return [
      line(x, TOP - 4, x, bottom, { stroke: COLOURS.rule, width: 0.5 }),
      text(x, TOP - 7, `${p}%`, { anchor: 'middle', size: 7, fill: COLOURS.muted }),
    ]
  })
}

function bar(row: TargetRow, y: number, withVersion: boolean): string[] {
  const shapes = [
    text(0, y + 9, rowName(row, withVersion)),
    rect(LABEL, y + 1, PLOT, 10, { fill: COLOURS.track }),
  ]
  const x = LABEL + PLOT + 6
  if (row.compliance === null) return [...shapes, text(x, y + 9, 'no clocks', { fill: COLOURS.muted })]
  const { text: outcome, tone } = verdict(row.goal_met, { met: 'met', missed: 'missed', none: 'no goal' })
  shapes.push(rect(LABEL, y + 1, (PLOT * Number(row.compliance)) / 100, 10, { fill: COLOURS[tone] }))
  if (row.goal !== null) {
    const goalX = LABEL + (PLOT * Number(row.goal)) / 100
    shapes.push(line(goalX, y - 2, goalX, y + 14, { stroke: COLOURS.ink, width: 1.5 }))
  }
  // The verdict first, in a slot of its own, so the figures after it line up without measuring text.
  const goal = row.goal === null ? '' : ` · goal ${percent(row.goal)}`
  shapes.push(
    text(x, y + 9, outcome, { fill: COLOURS[tone], bold: true }),
    text(x + 36, y + 9, `${percent(row.compliance)}${goal}`),
  )
  return shapes
}

function legend(y: number): string[] {
  return [
    rect(LABEL, y - 7, 10, 8, { fill: COLOURS.good }),
    text(LABEL + 14, y, 'goal met'),
    rect(LABEL + 60, y - 7, 10, 8, { fill: COLOURS.bad }),
    text(LABEL + 74, y, 'goal missed'),
    line(LABEL + 136, y - 9, LABEL + 136, y + 2, { stroke: COLOURS.ink, width: 1.5 }),
    text(LABEL + 141, y, 'the goal'),
  ]
}
