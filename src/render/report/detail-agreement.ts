// The detail of what is measured against the agreement as a whole: availability (table,
// timeline, error budget), the verification checklist, the service credits and the versions.
import type { AvailabilityRow, Report } from '../../domain/reports/report-schema.ts'
import { formatDate, words } from '../format.ts'
import { budgetChart, timelineChart } from './availability-charts.ts'
import { count, dayRange, duration, localDate, money, percent, verdict } from './format.ts'
import type { ObjectiveTimeline } from './timelines.ts'
import { badge, type Cell, numeric, table, type ViewBlock, type ViewSection } from './view.ts'

// Objectives per chart: a chart is drawn whole on one page, so long lists are split.
const CHART_ROWS = 20

export function agreementSections(
  report: Report,
  timelines: ReadonlyMap<string, ObjectiveTimeline>,
): ViewSection[] {
  const sections: ViewSection[] = []
  if (report.sections.includes('availability') && report.availability.length > 0)
    sections.push(availabilitySection(report, timelines))
  sections.push(checklistSection(report))
  if (report.sections.includes('credits')) sections.push(creditSection(report))
  sections.push(versionSection(report))
  return sections
}

function availabilitySection(report: Report, timelines: ReadonlyMap<string, ObjectiveTimeline>): ViewSection {
  const rows = report.availability.map((r) => {
    const { text, tone } = verdict(r.met)
    return [
      r.id,
      r.service,
      percent(r.uptime),
      percent(r.target),
      badge(text, tone),
      duration(r.eligible_ms),
      duration(r.down_ms),
      count(r.incidents),
      duration(r.budget_ms),
      r.budget_left_ms < 0
        ? badge('over', 'bad', `−${duration(-r.budget_left_ms)}`)
        : duration(r.budget_left_ms),
    ]
  })
  const columns = [
    'Objective',
    'Service',
    numeric('Uptime'),
    numeric('Target'),
    'Result',
    numeric('Measured'),
  ]
  const blocks: ViewBlock[] = [
    table([...columns, numeric('Down'), numeric('Outages'), numeric('Budget'), numeric('Budget left')], rows),
    { type: 'note', text: periodNote(report) },
  ]
  const timelineParts = byPeriod(report.availability).flatMap((group) => chunks(group, CHART_ROWS))
  const budgetParts = chunks(report.availability, CHART_ROWS)
  for (const [i, part] of timelineParts.entries())
    blocks.push({ type: 'chart', chart: timelineChart(part, timelines, `-${i + 1}`) })
  for (const [i, part] of budgetParts.entries())
    blocks.push({ type: 'chart', chart: budgetChart(part, `-${i + 1}`) })
  return { id: 'availability', title: 'Availability', blocks }
}

function periodNote(report: Report): string {
  const zones = [...new Set(report.availability.map((r) => r.timezone))]
  const own = zones.length === 1 && zones[0] === report.period.timezone
  return (
    'Measured is the time the objective counts (maintenance and excluded time left out); the budget is the down ' +
    `time its target allows.${own ? '' : ` Each objective is measured over the period in its own zone (${zones.join(', ')}).`}`
  )
}

/** Objectives measured over the same stretch share a time axis. */
function byPeriod(rows: readonly AvailabilityRow[]): AvailabilityRow[][] {
  const groups = new Map<string, AvailabilityRow[]>()
  for (const row of rows) {
    const key = `${row.period.start}/${row.period.end}/${row.timezone}`
    const list = groups.get(key)
    if (list) list.push(row)
    else groups.set(key, [row])
  }
  return [...groups.values()]
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size))
}

const CHECK_TONES = {
  met: 'good',
  missed: 'bad',
  measured: 'neutral',
  no_data: 'neutral',
  not_measured: 'neutral',
} as const

function checklistSection(report: Report): ViewSection {
  const rows = report.checklist.map((c) => [
    c.name,
    words(c.measure),
    c.target ?? '–',
    c.measured ?? '–',
    badge(c.status.replace('_', ' '), CHECK_TONES[c.status]),
    c.reason ?? '',
  ])
  return {
    id: 'checklist',
    title: 'Verification checklist',
    blocks:
      rows.length === 0
        ? [{ type: 'note', text: 'The agreement sets no KPIs, goals or objectives to check.' }]
        : [table(['Item', 'Measure', 'Target', 'Measured', 'Status', 'Why'], rows)],
  }
}

function creditSection(report: Report): ViewSection {
  const c = report.credits
  if (!c)
    return {
      id: 'credits',
      title: 'Service credits',
      blocks: [{ type: 'note', text: 'The agreement sets no service credits.' }],
    }
  const facts: [string, Cell][] = [
    ['Basis', `${money(c.currency, c.basis)}: the monthly fee for the period`],
    ['Total owed', money(c.currency, c.total)],
    ['Cap', c.cap_applied ? 'reached: the total is the cap' : 'not reached'],
    ['Minimum', c.minimum_applied ? 'the total is under the minimum: nothing is paid' : 'not applied'],
    ['Claim by', c.claim_by === null ? 'no claim window' : formatDate(c.claim_by)],
    ['Sole remedy', c.sole_remedy ? 'yes: credits are the only remedy for a missed level' : 'no'],
  ]
  if (c.exclusions.length > 0) facts.push(['Exclusions', c.exclusions.join('; ')])
  const rows = c.lines.map((l) => [l.source, l.ref, `${l.percent}%`, money(c.currency, l.amount), l.reason])
  return {
    id: 'credits',
    title: 'Service credits',
    blocks: [
      { type: 'facts', items: facts },
      table(['Source', 'For', numeric('Percent'), numeric('Amount'), 'Why'], rows),
      {
        type: 'note',
        text: 'Each line is a percentage of the basis rounded half up to the minor unit; the total is the sum of the lines, then capped.',
      },
    ],
  }
}

function versionSection(report: Report): ViewSection {
  const zone = report.period.timezone
  const rows = report.versions.map((v) => [
    v.version,
    v.effective_from === null ? 'from the start' : localDate(zone, v.effective_from),
    v.in_force === null ? 'no: earlier clocks pinned it' : dayRange(zone, v.in_force),
    count(v.clocks),
  ])
  return {
    id: 'versions',
    title: 'Agreement versions',
    blocks: [
      table(['Version', 'Effective from', 'In force in the period', numeric('Clocks counted')], rows),
      { type: 'note', text: 'Each clock is measured under the version it pinned when it started.' },
    ],
  }
}
