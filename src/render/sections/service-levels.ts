// Channels, severities, the target matrix, the clock policy, VIP rules, KPIs and reporting.
import { type Block, bullets, paragraph, table } from '../blocks.ts'
import { capitalise, escapeMarkdown, formatDuration, formatList, plainText, words } from '../format.ts'
import { calendars } from './calendars.ts'
import {
  calendarLabel,
  contactNames,
  METRIC_ORDER,
  metricLabel,
  organisationName,
  type SectionContext,
  type SectionRenderer,
  severityLabel,
  severityRank,
} from './context.ts'

function channels(ctx: SectionContext): Block[] {
  return table(
    ['Channel', 'Address', 'Hours', 'First response', 'Severities', 'Languages'],
    (ctx.spec.channels ?? []).map((c) => [
      capitalise(c.kind),
      c.address,
      calendarLabel(ctx, c.calendar),
      c.response ? `within ${formatDuration(c.response)}` : '',
      (c.severities ?? []).join(', '),
      (c.languages ?? []).join(', '),
    ]),
  )
}

function severities(ctx: SectionContext): Block[] {
  const sorted = [...(ctx.spec.severities ?? [])].sort((a, b) => a.rank - b.rank)
  return table(
    ['Severity', 'Name', 'Definition', 'Impact', 'Urgency', 'Examples'],
    sorted.map((s) => [
      s.id,
      s.name,
      plainText(s.definition),
      s.impact ?? '',
      s.urgency ?? '',
      (s.examples ?? []).join('; '),
    ]),
  )
}

function targets(ctx: SectionContext): Block[] {
  const list = [...(ctx.spec.targets ?? [])].sort(
    (a, b) =>
      severityRank(ctx, a.severity) - severityRank(ctx, b.severity) ||
      METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric),
  )
  if (list.length === 0) return []
  return [
    ...table(
      ['Severity', 'Metric', 'Target', 'Hours', 'Goal', 'Request type'],
      list.map((t) => [
        severityLabel(ctx, t.severity),
        metricLabel(t.metric),
        t.within ? `within ${formatDuration(t.within)}` : t.every ? `every ${formatDuration(t.every)}` : '',
        calendarLabel(ctx, t.calendar),
        t.goal ?? '',
        t.requestType ? words(t.requestType) : '',
      ]),
    ),
    paragraph(
      'Target times count only the open hours of the calendar named under Hours. The goal is the share ' +
        'of tickets in each reporting period that must meet the target.',
    ),
  ]
}

const SEVERITY_CHANGE: Record<string, string> = {
  recompute: 'running clocks are recomputed against the new target from their original start',
  'keep-elapsed': 'running clocks keep the time already elapsed and continue against the new target',
  'new-clock': 'running clocks stop and new clocks start against the new target',
}

function clock(ctx: SectionContext): Block[] {
  const policy = ctx.spec.clock
  if (!policy) return []
  const defaults = (set: unknown) => (set === undefined ? ' (the default)' : '')
  const response = policy.qualifyingResponse ?? {}
  const pauses = [...(policy.pauseOn ?? []), ...(policy.statuses ?? [])].map(words)
  const author = response.author === 'any-staff' ? 'any member of staff' : 'an agent'
  const lines = [
    pauses.length > 0
      ? `Resolution and periodic-update clocks pause while a ticket is ${formatList(pauses, 'or')}; only business time that would have counted is excluded.`
      : 'Clocks do not pause.',
    `A response counts when it is ${response.public === false ? 'a reply' : 'a public reply'} by ${author}${
      response.automated ? '; automated replies count too' : '; automated replies never count'
    }${response.channels?.length ? `, on ${formatList(response.channels)}` : ''}.`,
    `When the severity changes, ${SEVERITY_CHANGE[policy.onSeverityChange ?? 'recompute']}${defaults(policy.onSeverityChange)}.`,
    policy.onReopen === 'new-cycle'
      ? 'A reopened ticket starts a new resolution cycle.'
      : `A reopened ticket resumes its resolution clock, with the time it was resolved excluded${defaults(policy.onReopen)}.`,
    policy.start === 'immediately'
      ? 'Clocks start immediately.'
      : `Clocks start at the next business instant of their calendar${defaults(policy.start)}.`,
  ]
  if (policy.warnAt?.length) lines.push(`Warnings are sent at ${formatList(policy.warnAt)} of each target.`)
  return bullets(lines.map(escapeMarkdown))
}

function vip(ctx: SectionContext): Block[] {
  return table(
    ['Rule', 'Applies to', 'Effect'],
    (ctx.spec.vip ?? []).map((rule) => {
      const who = [
        ...(rule.match.requesters ?? []),
        ...(rule.match.groups ?? []).map((g) => `group ${g}`),
        ...(rule.match.organisations ?? []).map((o) => organisationName(ctx, o)),
      ]
      const effects = [
        rule.raiseSeverity !== undefined
          ? `raises the severity by ${rule.raiseSeverity} level${rule.raiseSeverity === 1 ? '' : 's'}`
          : '',
        rule.severity ? `sets the severity to ${severityLabel(ctx, rule.severity)}` : '',
        rule.tightenTargets ? `tightens targets by ${rule.tightenTargets}` : '',
      ].filter(Boolean)
      return [rule.id, formatList(who), formatList(effects)]
    }),
  )
}

function kpis(ctx: SectionContext): Block[] {
  return table(
    ['KPI', 'Measure', 'Target', 'Description'],
    (ctx.spec.kpis ?? []).map((k) => [k.name, words(k.measure), k.target ?? '', plainText(k.description)]),
  )
}

function reporting(ctx: SectionContext): Block[] {
  const r = ctx.spec.reporting
  if (!r) return []
  const sentences = [
    `A service report is produced every ${r.every}${r.timezone ? ` (times in ${r.timezone})` : ''}.`,
  ]
  if (r.include?.length) sentences.push(`It covers ${formatList(r.include.map(words))}.`)
  if (r.format?.length)
    sentences.push(
      `It is issued as ${formatList(
        r.format.map((f) => f.toUpperCase()),
        'or',
      )}.`,
    )
  if (r.to?.length) sentences.push(`It is sent to ${contactNames(ctx, r.to)}.`)
  return [paragraph(escapeMarkdown(sentences.join(' ')))]
}

export const SERVICE_LEVEL_SECTIONS = {
  calendars,
  channels,
  severities,
  targets,
  clock,
  vip,
  kpis,
  reporting,
} satisfies Record<string, SectionRenderer>
