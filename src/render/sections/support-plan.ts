// Licences, security and privacy, backups and disaster recovery.
import { type Block, bullets, keyValue, label, paragraph, table } from '../blocks.ts'
import {
  capitalise,
  escapeMarkdown,
  formatDate,
  formatDuration,
  formatList,
  formatMoney,
  formatPeriod,
  words,
  yesNo,
} from '../format.ts'
import { contactName, contactNames, type SectionContext, type SectionRenderer } from './context.ts'

function licenses(ctx: SectionContext): Block[] {
  const list = ctx.spec.licenses ?? []
  const processes = list.flatMap((l) =>
    l.renewalProcess ? [`**${escapeMarkdown(l.product)}**: ${l.renewalProcess}`] : [],
  )
  return [
    ...table(
      ['Product', 'Vendor', 'Type', 'Quantity', 'Valid', 'Renewal', 'Cost', 'Key held at'],
      list.map((l) => [
        l.product,
        l.vendor ?? '',
        words(l.type),
        [l.quantity, l.metric].filter((v) => v !== undefined).join(' '),
        validity(l.start, l.expiry),
        renewal(ctx, l),
        l.cost ? formatMoney(l.cost) : '',
        l.keyLocation ?? '',
      ]),
    ),
    ...(processes.length > 0 ? [label('Renewal process'), ...bullets(processes)] : []),
  ]
}

function validity(start: string | undefined, expiry: string | undefined): string {
  if (start && expiry) return `${formatDate(start)} to ${formatDate(expiry)}`
  if (expiry) return `until ${formatDate(expiry)}`
  if (start) return `from ${formatDate(start)}, no expiry`
  return ''
}

function renewal(ctx: SectionContext, l: NonNullable<SectionContext['spec']['licenses']>[number]): string {
  const parts = [
    l.autoRenew === undefined ? '' : l.autoRenew ? 'renews automatically' : 'manual renewal',
    l.renewalLeadTime ? `start ${formatPeriod(l.renewalLeadTime)} before expiry` : '',
    l.renewalOwner ? `by ${contactName(ctx, l.renewalOwner)}` : '',
  ]
  return parts.filter(Boolean).join(', ')
}

function security(ctx: SectionContext): Block[] {
  const s = ctx.spec.security
  if (!s) return []
  const access = s.access
  return [
    ...keyValue([
      ['Classification', capitalise(s.classification)],
      ['Personal data', yesNo(s.personalData)],
      ['Data categories', formatList(s.dataCategories ?? [])],
      ['Data processing agreement', s.dpa],
      ['Data residency', formatList(s.residency ?? [])],
      ['Encryption at rest', yesNo(s.encryption?.atRest)],
      ['Encryption in transit', yesNo(s.encryption?.inTransit)],
      [
        'Multi-factor authentication',
        access?.mfaRequired === undefined ? '' : access.mfaRequired ? 'required' : 'not required',
      ],
      ['Access review', access?.reviewEvery ? `every ${formatPeriod(access.reviewEvery)}` : ''],
      ['Last access review', access?.lastReview ? formatDate(access.lastReview) : ''],
      [
        'Incident notification',
        s.incidentNotification ? `within ${formatDuration(s.incidentNotification)}` : '',
      ],
      ['Penetration test', s.pentest ? pentest(s.pentest) : ''],
    ]),
    ...(access?.restrictions ? [label('Access restrictions'), paragraph(access.restrictions)] : []),
    ...table(
      ['Certification', 'Valid until'],
      (s.certifications ?? []).map((c) => [c.name, formatDate(c.expiry)]),
    ),
    ...table(
      ['Patch severity', 'Applied within'],
      (s.patching ?? []).map((p) => [p.severity, formatDuration(p.within)]),
    ),
  ]
}

function pentest(p: { every: string; last?: string }): string {
  return `every ${formatPeriod(p.every)}${p.last ? `; last ${formatDate(p.last)}` : ''}`
}

function backups(ctx: SectionContext): Block[] {
  return table(
    ['Backup', 'Covers', 'Type', 'Every', 'Kept for', 'Copies', 'Restore test', 'Owner'],
    (ctx.spec.backups ?? []).map((b) => [
      b.id,
      b.scope,
      b.type,
      formatDuration(b.interval),
      formatPeriod(b.retention),
      [
        b.copies ? `${b.copies} ${b.copies === 1 ? 'copy' : 'copies'}` : '',
        b.offsite ? `off-site${b.offsiteLocation ? ` (${b.offsiteLocation})` : ''}` : 'on-site only',
        b.encrypted ? 'encrypted' : '',
        b.immutable ? 'immutable' : '',
      ]
        .filter(Boolean)
        .join(', '),
      restoreTest(b.restoreTestEvery, b.lastRestoreTest),
      contactName(ctx, b.owner),
    ]),
  )
}

function restoreTest(every: string | undefined, last: string | undefined): string {
  const when = every ? `every ${formatPeriod(every)}` : ''
  if (!last) return when
  return when ? `${when} (last ${formatDate(last)})` : `last ${formatDate(last)}`
}

function disasterRecovery(ctx: SectionContext): Block[] {
  const dr = ctx.spec.disasterRecovery
  if (!dr) return []
  return [
    ...keyValue([
      ['Recovery time objective (RTO)', formatDuration(dr.rto)],
      ['Recovery point objective (RPO)', formatDuration(dr.rpo)],
      ['Recovery site', dr.site],
      ['Failover', dr.failover],
      ['Tested', dr.testEvery ? `every ${formatPeriod(dr.testEvery)}` : ''],
      ['Last test', dr.lastTest ? formatDate(dr.lastTest) : ''],
      ['Contacts', contactNames(ctx, dr.contacts)],
    ]),
    ...(dr.plan ? [paragraph(dr.plan)] : []),
    ...(dr.steps?.length ? [label('Recovery steps'), ...bullets(dr.steps.map(escapeMarkdown), true)] : []),
  ]
}

export const SUPPORT_PLAN_SECTIONS = {
  licenses,
  security,
  backups,
  disasterRecovery,
} satisfies Record<string, SectionRenderer>
