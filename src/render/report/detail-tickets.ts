// The detail of the ticket figures: compliance per severity and metric (chart and table),
// business times, the breaches, satisfaction, incidents and the backlog.
import type { Breach, Report } from '../../domain/reports/report-schema.ts'
import { complianceChart } from './compliance-chart.ts'
import { count, duration, localDateTime, metricName, percent, verdict } from './format.ts'
import { timesChart } from './times-chart.ts'
import {
  badge,
  type Cell,
  numeric,
  severalVersions,
  shownTargets,
  table,
  type ViewBlock,
  type ViewSection,
} from './view.ts'

// A month of a large helpdesk can breach thousands of clocks: the document lists the latest
// ones and says where the rest are (every breach is in the JSON and the CSV).
const LISTED_BREACHES = 100

export function ticketSections(report: Report): ViewSection[] {
  const rows = shownTargets(report)
  const sections: ViewSection[] = []
  if (rows.length > 0)
    sections.push(complianceSection(report), ...timesSection(report), breachSection(report))
  if (report.sections.includes('satisfaction')) sections.push(satisfactionSection(report))
  const incidents = incidentSection(report)
  if (incidents) sections.push(incidents)
  return sections
}

function complianceSection(report: Report): ViewSection {
  const rows = shownTargets(report)
  const withVersions = severalVersions(rows)
  const body = rows.map((r) => {
    const { text, tone } = verdict(r.goal_met, { met: 'met', missed: 'missed', none: 'no goal' })
    return [
      r.severity,
      metricName(r.metric),
      ...(withVersions ? [r.version] : []),
      r.target ?? '–',
      r.calendar ?? '–',
      count(r.total),
      count(r.met),
      count(r.breached),
      percent(r.compliance),
      percent(r.goal),
      r.compliance === null ? 'no clocks' : badge(text, tone),
    ]
  })
  const columns = ['Severity', 'Metric', ...(withVersions ? ['Version'] : []), 'Target', 'Calendar']
  return {
    id: 'compliance',
    title: 'Compliance by severity and metric',
    blocks: [
      { type: 'chart', chart: complianceChart(rows, withVersions) },
      table(
        [
          ...columns,
          numeric('Clocks'),
          numeric('Met'),
          numeric('Breached'),
          numeric('Compliance'),
          numeric('Goal'),
          'Result',
        ],
        body,
      ),
      {
        type: 'note',
        text: 'A clock counts in the period its outcome became known: where it stopped in time, or where its target passed.',
      },
    ],
  }
}

function timesSection(report: Report): ViewSection[] {
  const rows = shownTargets(report)
  const withVersions = severalVersions(rows)
  const chart = timesChart(rows, withVersions)
  if (!chart) return []
  const body = rows.map((r) => [
    r.severity,
    metricName(r.metric),
    ...(withVersions ? [r.version] : []),
    r.target ?? '–',
    count(r.timed),
    duration(r.mean_ms),
    duration(r.median_ms),
    duration(r.p90_ms),
  ])
  return [
    {
      id: 'times',
      title: 'Business time to the stop',
      blocks: [
        { type: 'chart', chart },
        table(
          [
            'Severity',
            'Metric',
            ...(withVersions ? ['Version'] : []),
            'Target',
            numeric('Stopped'),
            numeric('Mean'),
            numeric('Median'),
            numeric('90th percentile'),
          ],
          body,
        ),
      ],
    },
  ]
}

function breachSection(report: Report): ViewSection {
  const zone = report.period.timezone
  const breaches = report.breaches.filter((b) => report.sections.includes(b.metric))
  if (breaches.length === 0)
    return {
      id: 'breaches',
      title: 'Breaches',
      blocks: [{ type: 'note', text: 'No clock breached its target.' }],
    }
  const listed = [...breaches].sort(byLateness).slice(0, LISTED_BREACHES)
  const blocks: ViewBlock[] = [breachTotals(report, breaches)]
  if (listed.length < breaches.length)
    blocks.push({
      type: 'note',
      text: `The ${listed.length} latest of ${count(breaches.length)} breaches; all of them are in the report's JSON and in its breaches CSV.`,
    })
  const rows = listed.map((b): Cell[] => [
    b.ticket,
    b.severity,
    metricName(b.metric),
    String(b.cycle),
    localDateTime(zone, b.due),
    duration(b.late_ms),
    b.open ? badge('open', 'bad') : 'stopped',
  ])
  blocks.push(
    table(
      ['Ticket', 'Severity', 'Metric', numeric('Cycle'), `Due (${zone})`, numeric('Late by'), 'At the end'],
      rows,
    ),
  )
  return { id: 'breaches', title: 'Breaches', blocks }
}

/** Latest first; ties by when they breached, then by ticket, so the order is stable. */
function byLateness(a: Breach, b: Breach): number {
  return b.late_ms - a.late_ms || a.due.localeCompare(b.due) || a.ticket.localeCompare(b.ticket)
}

/** Per severity and metric, in the order of the targets. */
function breachTotals(report: Report, breaches: readonly Breach[]): ViewBlock {
  const groups = new Map<string, Breach[]>()
  for (const t of report.targets) groups.set(`${t.severity}\u0000${t.metric}`, [])
  for (const b of breaches) {
    const key = `${b.severity}\u0000${b.metric}`
    const list = groups.get(key)
    if (list) list.push(b)
    else groups.set(key, [b])
  }
  const rows = [...groups.values()]
    .filter((list) => list.length > 0)
    .map((list) => [
      list[0]!.severity,
      metricName(list[0]!.metric),
      count(list.length),
      count(list.filter((b) => b.open).length),
      duration(Math.max(...list.map((b) => b.late_ms))),
    ])
  return table(['Severity', 'Metric', numeric('Breaches'), numeric('Still open'), numeric('Latest by')], rows)
}

function satisfactionSection(report: Report): ViewSection {
  const s = report.satisfaction
  const facts: ViewBlock = {
    type: 'facts',
    items: [
      ['Ratings', count(s.count)],
      ['Average', s.average === null ? 'no ratings' : `${s.average} out of ${s.scale}`],
    ],
  }
  const blocks: ViewBlock[] = [facts]
  if (s.distribution.length > 0)
    blocks.push(
      table(
        ['Scale', numeric('Rating'), numeric('Ratings')],
        s.distribution.map((d) => [`out of ${d.scale}`, String(d.rating), count(d.count)]),
      ),
      {
        type: 'note',
        text: 'Each rating is read as a share of its own scale; the average is given on the largest scale used.',
      },
    )
  return { id: 'satisfaction', title: 'Customer satisfaction', blocks }
}

function incidentSection(report: Report): ViewSection | null {
  const incidents = report.sections.includes('incidents')
  const backlog = report.sections.includes('backlog')
  if (!incidents && !backlog) return null
  const severities = [...new Set([...report.incidents, ...report.backlog].map((r) => r.severity))]
  const rows = severities.map((severity) => {
    const b = report.backlog.find((r) => r.severity === severity)
    return [
      severity,
      ...(incidents ? [count(report.incidents.find((r) => r.severity === severity)?.count ?? 0)] : []),
      ...(backlog ? [count(b?.open ?? 0), count(b?.breached ?? 0)] : []),
    ]
  })
  const columns = [
    'Severity',
    ...(incidents ? [numeric('Opened in the period')] : []),
    ...(backlog ? [numeric('Open at the end'), numeric('Open, with a breach')] : []),
  ]
  const title = incidents && backlog ? 'Incidents and backlog' : incidents ? 'Incidents' : 'Backlog'
  return { id: 'incidents', title, blocks: [table(columns, rows)] }
}
