// The technical environment: environments, software, hardware, databases and data exchange.
import { type Block, paragraph, table } from '../blocks.ts'
import { formatDate, plainText, words, yesNo } from '../format.ts'
import { contactName, type SectionContext, type SectionRenderer } from './context.ts'

function environments(ctx: SectionContext): Block[] {
  const description = ctx.spec.environment?.description
  return [
    ...(description ? [paragraph(description)] : []),
    ...table(
      ['Environment', 'Purpose', 'Address'],
      (ctx.spec.environments ?? []).map((e) => [e.name ?? e.id, plainText(e.purpose), e.url ?? '']),
    ),
  ]
}

function software(ctx: SectionContext): Block[] {
  return table(
    ['Software', 'Platform', 'Vendor', 'Version', 'Address', 'Licence', 'End of life'],
    (ctx.spec.environment?.software ?? []).map((s) => [
      s.name,
      s.platform ?? '',
      s.vendor ?? '',
      s.version ?? '',
      s.url ?? '',
      s.license ? (ctx.spec.licenses?.find((l) => l.id === s.license)?.product ?? s.license) : '',
      s.eolDate ? formatDate(s.eolDate) : '',
    ]),
  )
}

function hardware(ctx: SectionContext): Block[] {
  return table(
    ['Hardware', 'Kind', 'Location', 'Asset tag', 'Warranty until', 'Owner'],
    (ctx.spec.environment?.hardware ?? []).map((h) => [
      h.name,
      h.kind ?? '',
      h.location ?? '',
      h.assetTag ?? '',
      h.warrantyExpiry ? formatDate(h.warrantyExpiry) : '',
      contactName(ctx, h.owner),
    ]),
  )
}

function databases(ctx: SectionContext): Block[] {
  return table(
    ['Database', 'Engine', 'Environment', 'Host', 'Size', 'Personal data', 'Backup'],
    (ctx.spec.environment?.databases ?? []).map((d) => [
      d.id,
      [d.engine, d.version].filter(Boolean).join(' '),
      d.environment
        ? (ctx.spec.environments?.find((e) => e.id === d.environment)?.name ?? d.environment)
        : '',
      d.host ?? '',
      d.sizeGb === undefined ? '' : `${d.sizeGb} GB`,
      yesNo(d.personalData),
      d.backup ?? '',
    ]),
  )
}

const DIRECTIONS: Record<string, string> = { in: 'inbound', out: 'outbound', both: 'both ways' }
const DEPENDENCIES: Record<string, string> = {
  'exchanges-data': 'exchanges data',
  'depends-on-us': 'depends on this system',
  'we-depend-on': 'this system depends on it',
}

function dataExchange(ctx: SectionContext): Block[] {
  return table(
    [
      'Counterpart',
      'Direction',
      'Protocol',
      'Schedule',
      'Classification',
      'Encrypted',
      'Dependency',
      'Owner',
    ],
    (ctx.spec.environment?.dataExchange ?? []).map((x) => [
      x.counterpart,
      DIRECTIONS[x.direction] ?? x.direction,
      x.format ? `${x.protocol.toUpperCase()} (${x.format})` : x.protocol.toUpperCase(),
      x.schedule ?? '',
      [x.classification, x.personalData ? 'personal data' : ''].filter(Boolean).join(', '),
      yesNo(x.encryptedInTransit),
      x.dependency ? (DEPENDENCIES[x.dependency] ?? words(x.dependency)) : '',
      contactName(ctx, x.owner),
    ]),
  )
}

export const ENVIRONMENT_SECTIONS = {
  environments,
  'environment.software': software,
  'environment.hardware': hardware,
  'environment.databases': databases,
  'environment.dataExchange': dataExchange,
} satisfies Record<string, SectionRenderer>
