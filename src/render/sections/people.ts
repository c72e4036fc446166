// Who is involved: contacts, problem referral, escalation, responsibilities, stakeholders,
// departments, third parties, approvals and how the parties communicate.
import type { SectionKey } from '../../domain/agreement/outline.ts'
import type { AgreementSpec } from '../../domain/agreement/schema.ts'
import { type Block, keyValue, paragraph, table } from '../blocks.ts'
import { capitalise, formatList, formatPeriod, plainText, words } from '../format.ts'
import {
  calendarLabel,
  contactDetails,
  contactName,
  contactNames,
  findContact,
  metricLabel,
  organisationName,
  type SectionContext,
  type SectionRenderer,
} from './context.ts'

type Responsibility = NonNullable<AgreementSpec['responsibilities']>[number]

const ROLE_LABELS: Record<string, string> = {
  'it-department': 'IT department',
  dba: 'database administrator',
  'tech-lead': 'technical lead',
}

function contacts(ctx: SectionContext): Block[] {
  return table(
    ['Name', 'Role', 'Organisation', 'Email', 'Phone', 'Hours', 'Deputy'],
    (ctx.spec.contacts ?? []).map((c) => [
      c.title ? `${c.name}, ${c.title}` : c.name,
      ROLE_LABELS[c.role] ?? words(c.role),
      organisationName(ctx, c.org),
      c.email ?? '',
      c.phone ?? '',
      calendarLabel(ctx, c.calendar),
      contactName(ctx, c.deputy),
    ]),
  )
}

function referral(ctx: SectionContext): Block[] {
  return table(
    ['Level', 'Problems handled', 'Refer to', 'Contact details', 'Channel', 'Hours'],
    (ctx.spec.referral ?? []).map((r) => {
      const channel = ctx.spec.channels?.find((c) => c.id === r.channel)
      return [
        r.level,
        (r.handles ?? []).join(', '),
        contactName(ctx, r.contact),
        contactDetails(ctx, r.contact),
        channel ? `${capitalise(channel.kind)}: ${channel.address}` : (r.channel ?? ''),
        calendarLabel(ctx, r.calendar ?? channel?.calendar),
      ]
    }),
  )
}

function escalation(ctx: SectionContext): Block[] {
  const levels = [...(ctx.spec.escalation ?? [])].sort((a, b) => a.level - b.level)
  return table(
    ['Level', 'Severities', 'When', 'Notify', 'Kind', 'Actions'],
    levels.map((e) => [
      String(e.level),
      e.severities.join(', '),
      `${e.at} of the ${metricLabel(e.metric).toLowerCase()} target${e.at === '100%' ? ' (breach)' : ''}`,
      contactNames(ctx, e.notify),
      e.kind ?? '',
      plainText(e.actions),
    ]),
  )
}

const PARTY_LABELS: Record<string, string> = {
  provider: 'provider',
  customer: 'customer',
  'third-party': 'third party',
}

function responsibilityRows(ctx: SectionContext, list: Responsibility[], withArea: boolean): Block[] {
  return table(
    [...(withArea ? ['Area'] : []), 'Who', 'Organisation', 'Contact details', 'Notes'],
    list.map((r) => [
      ...(withArea ? [capitalise(words(r.area))] : []),
      contactName(ctx, r.contact),
      r.party ? PARTY_LABELS[r.party]! : organisationName(ctx, findContact(ctx, r.contact)?.org),
      contactDetails(ctx, r.contact),
      plainText(r.description),
    ]),
  )
}

function responsibilitiesFor(area: Responsibility['area']): SectionRenderer {
  return (ctx) =>
    responsibilityRows(
      ctx,
      (ctx.spec.responsibilities ?? []).filter((r) => r.area === area),
      false,
    )
}

/** Every responsibility, less the areas that the outline shows under their own headings. */
function responsibilities(ctx: SectionContext): Block[] {
  const shownElsewhere = (r: Responsibility) =>
    ctx.outlineKeys.has(`responsibilities.${r.area}` as SectionKey)
  const rest = (ctx.spec.responsibilities ?? []).filter((r) => !shownElsewhere(r))
  return responsibilityRows(ctx, rest, true)
}

function stakeholders(ctx: SectionContext): Block[] {
  return table(
    ['Name', 'Group', 'Interest'],
    (ctx.spec.stakeholders ?? []).map((s) => [
      contactName(ctx, s.contact),
      s.group ? words(s.group) : '',
      plainText(s.interest),
    ]),
  )
}

function departments(ctx: SectionContext): Block[] {
  return table(
    ['Department', 'Contact', 'Email'],
    (ctx.spec.departments ?? []).map((d) => [
      d.name,
      contactName(ctx, d.contact),
      d.email ?? findContact(ctx, d.contact)?.email ?? '',
    ]),
  )
}

function thirdParties(ctx: SectionContext): Block[] {
  return table(
    ['Third party', 'Role', 'Contact', 'Contract'],
    (ctx.spec.thirdParties ?? []).map((t) => [
      t.name,
      plainText(t.role),
      [contactName(ctx, t.contact), contactDetails(ctx, t.contact)].filter(Boolean).join(': '),
      t.contract ?? '',
    ]),
  )
}

function approvals(ctx: SectionContext): Block[] {
  const a = ctx.spec.approvals
  return keyValue([
    ['Management approval', contactNames(ctx, a?.management)],
    ['Legal review', contactNames(ctx, a?.legal)],
    ['Final approval', contactNames(ctx, a?.final)],
  ])
}

function communication(ctx: SectionContext): Block[] {
  const c = ctx.spec.communication
  return [
    ...keyValue([
      ['Methods', formatList((c?.methods ?? []).map(words))],
      ['Frequency', c?.frequency ? `every ${formatPeriod(c.frequency)}` : undefined],
    ]),
    ...(c?.meetings ? [paragraph(c.meetings)] : []),
  ]
}

export const PEOPLE_SECTIONS = {
  contacts,
  referral,
  escalation,
  responsibilities,
  'responsibilities.software-maintenance': responsibilitiesFor('software-maintenance'),
  'responsibilities.system-administration': responsibilitiesFor('system-administration'),
  'responsibilities.operational-support': responsibilitiesFor('operational-support'),
  'responsibilities.database-administration': responsibilitiesFor('database-administration'),
  'responsibilities.data-exchange': responsibilitiesFor('data-exchange'),
  stakeholders,
  departments,
  thirdParties,
  approvals,
  communication,
} satisfies Record<string, SectionRenderer>
