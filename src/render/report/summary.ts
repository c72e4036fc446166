// The first page: what the report is about and how the period went, in a form that fits one
// page whatever the size of the report (long lists are left to the detail that follows).
import type { Report } from '../../domain/reports/report-schema.ts'
import { formatDate } from '../format.ts'
import {
  count,
  dayRange,
  localDate,
  localDateTime,
  metricName,
  money,
  percent,
  periodTitle,
  verdict,
} from './format.ts'
import { badge, type Cell, numeric, severalVersions, shownTargets, table, type ViewSection } from './view.ts'

// Objectives listed on the summary page; the rest (met ones first to go) are in the detail.
const SUMMARY_OBJECTIVES = 6

/** Who the report is between, as the agreement names them; ids when it is not at hand. */
export type Parties = { agreement: string; customer: string; provider?: string }

export function summarySections(report: Report, parties: Parties): ViewSection[] {
  return [
    { id: 'summary', title: 'Summary', blocks: [{ type: 'facts', items: aboutFacts(report, parties) }] },
    ...complianceSummary(report),
    ...availabilitySummary(report),
    ...ticketSummary(report),
    ...creditSummary(report),
    checklistSummary(report),
  ]
}

function aboutFacts(report: Report, parties: Parties): [string, Cell][] {
  const zone = report.period.timezone
  const state = report.complete
    ? `final, as known at the end of the period`
    : `provisional: the period is still running, figures as of ${localDateTime(zone, report.as_of)} ${zone}`
  return [
    ['Agreement', parties.agreement],
    ['Customer', parties.customer],
    ...(parties.provider ? [['Provider', parties.provider] as [string, Cell]] : []),
    ['Period', `${periodTitle(report.period.label)}: ${dayRange(zone, report.period)} (${zone})`],
    ['Figures', state],
    ['Versions', versionsText(report)],
  ]
}

function versionsText(report: Report): string {
  const zone = report.period.timezone
  const inForce = report.versions.filter((v) => v.in_force !== null)
  const texts = inForce.map((v) => {
    const span = v.in_force!
    if (span.start === report.period.start && span.end === report.period.end)
      return `${v.version}, all period`
    if (span.start === report.period.start) return `${v.version} until ${localDate(zone, span.end)}`
    if (span.end === report.period.end) return `${v.version} from ${localDate(zone, span.start)}`
    return `${v.version} from ${localDate(zone, span.start)} until ${localDate(zone, span.end)}`
  })
  const pinned = report.versions
    .filter((v) => v.in_force === null)
    .map((v) => `${v.version} (earlier clocks)`)
  return [...texts, ...pinned].join('; ') || 'none'
}

/** Severities down, metrics across: each cell the compliance, the goal and whether it was met. */
function complianceSummary(report: Report): ViewSection[] {
  const rows = shownTargets(report)
  if (rows.length === 0) return []
  const withVersions = severalVersions(rows)
  const metrics = [...new Set(rows.map((r) => r.metric))]
  const keyOf = (r: (typeof rows)[number]) => (withVersions ? `${r.severity} (${r.version})` : r.severity)
  const keys = [...new Set(rows.map(keyOf))]
  const body = keys.map((key) => [
    key,
    ...metrics.map((metric): Cell => {
      const row = rows.find((r) => keyOf(r) === key && r.metric === metric)
      if (!row || row.compliance === null) return '–'
      const goal = row.goal === null ? '' : ` of ${percent(row.goal)}`
      const { text, tone } = verdict(row.goal_met, { met: 'met', missed: 'missed', none: 'no goal' })
      return badge(text, tone, `${percent(row.compliance)}${goal}`)
    }),
  ])
  return [
    {
      id: 'summary-compliance',
      title: 'Compliance against the goals',
      blocks: [table(['Severity', ...metrics.map(metricName)], body)],
    },
  ]
}

function availabilitySummary(report: Report): ViewSection[] {
  if (!report.sections.includes('availability') || report.availability.length === 0) return []
  const rank = (met: boolean | null) => (met === false ? 0 : met === null ? 1 : 2)
  const rows = [...report.availability].sort((a, b) => rank(a.met) - rank(b.met))
  const shown = rows.slice(0, SUMMARY_OBJECTIVES)
  const body = shown.map((r) => {
    const { text, tone } = verdict(r.met)
    return [r.id, percent(r.uptime), percent(r.target), badge(text, tone)]
  })
  const rest = rows.length - shown.length
  const missed = rows.filter((r) => r.met === false).length
  const blocks = [table(['Objective', numeric('Uptime'), numeric('Target'), 'Result'], body)]
  if (rest > 0)
    blocks.push({
      type: 'note',
      text: `${count(rest)} more objective${rest === 1 ? '' : 's'} in the detail; ${count(missed)} of ${count(rows.length)} missed their target.`,
    })
  return [{ id: 'summary-availability', title: 'Availability against the targets', blocks }]
}

function ticketSummary(report: Report): ViewSection[] {
  const items: [string, Cell][] = []
  const has = (s: Report['sections'][number]) => report.sections.includes(s)
  if (shownTargets(report).length > 0) {
    const shown = report.breaches.filter((b) => has(b.metric))
    items.push([
      'Breaches',
      `${count(shown.length)}, ${count(shown.filter((b) => b.open).length)} still open at the end`,
    ])
  }
  if (has('incidents'))
    items.push([
      'Incidents',
      `${count(report.incidents.reduce((n, i) => n + i.count, 0))} opened in the period`,
    ])
  if (has('backlog')) {
    const open = report.backlog.reduce((n, b) => n + b.open, 0)
    const breached = report.backlog.reduce((n, b) => n + b.breached, 0)
    items.push([
      'Backlog',
      `${count(open)} open at the end, ${count(breached)} of them with a breached clock`,
    ])
  }
  if (has('satisfaction')) {
    const s = report.satisfaction
    items.push([
      'Satisfaction',
      s.average === null
        ? 'no ratings'
        : `${s.average} out of ${s.scale} on average, from ${count(s.count)} ratings`,
    ])
  }
  return items.length === 0
    ? []
    : [{ id: 'summary-tickets', title: 'Tickets', blocks: [{ type: 'facts', items }] }]
}

function creditSummary(report: Report): ViewSection[] {
  if (!report.sections.includes('credits')) return []
  return [
    {
      id: 'summary-credits',
      title: 'Service credits',
      blocks: [{ type: 'facts', items: creditFacts(report.credits) }],
    },
  ]
}

function creditFacts(c: Report['credits']): [string, Cell][] {
  if (!c) return [['Credits owed', 'none: the agreement sets no service credits']]
  const total = money(c.currency, c.total)
  const paying = c.lines.filter((l) => !isZero(l.amount)).length
  const limits = [
    c.cap_applied ? 'the cap was reached' : '',
    c.minimum_applied ? 'under the minimum, so nothing is paid' : '',
  ].filter(Boolean)
  return [
    ['Credits owed', isZero(c.total) ? badge('none', 'good', total) : badge('owed', 'bad', total)],
    ['Rules', [`${c.lines.length} checked, ${paying} paying`, ...limits].join('; ')],
    ['Claim by', c.claim_by === null ? 'no claim window' : formatDate(c.claim_by)],
  ]
}

function isZero(amount: string): boolean {
  return /^0(\.0+)?$/.test(amount)
}

function checklistSummary(report: Report): ViewSection {
  const n = (status: string) => report.checklist.filter((c) => c.status === status).length
  const row: Cell[] = [
    badge('met', 'good', String(n('met'))),
    badge('missed', n('missed') > 0 ? 'bad' : 'neutral', String(n('missed'))),
    String(n('measured')),
    String(n('no_data')),
    String(n('not_measured')),
  ]
  return {
    id: 'summary-checklist',
    title: 'Verification checklist',
    blocks: [
      table(
        [
          numeric('Met'),
          numeric('Missed'),
          numeric('Measured only'),
          numeric('No data'),
          numeric('Not measured'),
        ],
        [row],
      ),
    ],
  }
}
