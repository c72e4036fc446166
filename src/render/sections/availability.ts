// Availability objectives, maintenance windows and monitoring.
import { type Block, bullets, table } from '../blocks.ts'
import { capitalise, formatDuration, formatList, formatPeriod, plainText, words } from '../format.ts'
import {
  contactNames,
  type SectionContext,
  type SectionRenderer,
  serviceName,
  severityLabel,
} from './context.ts'

const NO_DATA: Record<string, string> = {
  up: 'counted as up',
  down: 'counted as down',
  exclude: 'left out of the measure',
}

function availability(ctx: SectionContext): Block[] {
  const objectives = ctx.spec.availability ?? []
  const details = objectives.flatMap((o) => {
    const d = o.downtime
    const parts = [
      d?.minimum ? `outages shorter than ${formatDuration(d.minimum)} do not count` : '',
      d?.classification ? `minutes are classified by ${words(d.classification)}` : '',
      d?.degradedCounts === undefined
        ? ''
        : d.degradedCounts
          ? 'degraded service counts as down'
          : 'degraded service counts as up',
    ].filter(Boolean)
    return parts.length > 0 ? [`${o.id}: ${formatList(parts)}.`] : []
  })
  return [
    ...table(
      ['Objective', 'Service', 'Target', 'Measured over', 'Periods without data', 'Excluded'],
      objectives.map((o) => [
        o.id,
        [serviceName(ctx, o.service), o.components?.length ? `(${o.components.join(', ')})` : '']
          .join(' ')
          .trim(),
        o.target,
        [
          o.period === 'rolling'
            ? `a rolling ${o.window ? formatDuration(o.window) : 'window'}`
            : `each ${o.period}`,
          o.timezone ? `in ${o.timezone}` : '',
        ]
          .filter(Boolean)
          .join(' '),
        NO_DATA[o.noData] ?? o.noData,
        formatList((o.exclude ?? []).map(words)),
      ]),
    ),
    ...bullets(details),
  ]
}

function maintenance(ctx: SectionContext): Block[] {
  return table(
    ['Window', 'Services', 'When', 'Duration', 'Notice', 'Description'],
    (ctx.spec.maintenance ?? []).map((w) => [
      w.id,
      formatList(w.services.map((s) => serviceName(ctx, s))),
      `${w.rrule ? describeRule(w.rrule) : (w.start ?? '').replace('T', ' ')} (${w.timezone})`,
      formatDuration(w.duration),
      w.notice ? `${formatPeriod(w.notice)} ahead` : '',
      plainText(w.description),
    ]),
  )
}

const DAYS: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
}
const ORDINALS: Record<string, string> = {
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '-1': 'last',
}

/** The common RRULE shapes in words; anything else is shown as written. */
function describeRule(rrule: string): string {
  const parts = Object.fromEntries(rrule.split(';').map((p) => p.split('=') as [string, string]))
  const at =
    parts.BYHOUR !== undefined
      ? ` at ${parts.BYHOUR.padStart(2, '0')}:${(parts.BYMINUTE ?? '0').padStart(2, '0')}`
      : ''
  const interval = Number(parts.INTERVAL ?? '1')
  const days = (parts.BYDAY ?? '').split(',').filter(Boolean)
  const plain = days.map((d) => DAYS[d])
  const known = Object.keys(parts).every((k) =>
    ['FREQ', 'BYDAY', 'BYHOUR', 'BYMINUTE', 'INTERVAL'].includes(k),
  )
  if (known && parts.FREQ === 'DAILY' && days.length === 0) {
    return `${interval === 1 ? 'every day' : `every ${interval} days`}${at}`
  }
  if (known && parts.FREQ === 'WEEKLY' && days.length > 0 && plain.every(Boolean)) {
    return `${interval === 1 ? 'every' : `every ${interval} weeks on`} ${formatList(plain as string[])}${at}`
  }
  const nth = /^(-?\d)([A-Z]{2})$/.exec(days[0] ?? '')
  if (known && parts.FREQ === 'MONTHLY' && days.length === 1 && nth && ORDINALS[nth[1]!] && DAYS[nth[2]!]) {
    const month = interval === 1 ? 'every month' : `every ${interval} months`
    return `the ${ORDINALS[nth[1]!]} ${DAYS[nth[2]!]} of ${month}${at}`
  }
  return rrule
}

function monitoring(ctx: SectionContext): Block[] {
  return table(
    ['Monitor', 'Watches', 'Kind', 'Tool', 'Every', 'Notifies', 'Opens incidents', 'Description'],
    (ctx.spec.monitoring ?? []).map((m) => [
      m.id,
      [serviceName(ctx, m.target), m.component ? `(${m.component})` : ''].join(' ').trim(),
      capitalise(m.kind),
      m.tool,
      m.interval ? formatDuration(m.interval) : '',
      contactNames(ctx, m.notify),
      m.openIncident ? `as ${severityLabel(ctx, m.openIncident.severity)}` : '',
      plainText(m.description),
    ]),
  )
}

export const AVAILABILITY_SECTIONS = { availability, maintenance, monitoring } satisfies Record<
  string,
  SectionRenderer
>
