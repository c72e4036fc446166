// A document outline: the headings of a rendered agreement, in order, each bound to the
// section of the agreement's data that fills it. Templates give the outline of their seed
// document, so that a rendering follows the seed's headings in the seed's order.

/** The blocks a renderer knows how to fill from an agreement's spec. */
export const SECTION_KEYS = [
  'parties',
  'purpose',
  'scope',
  'audience',
  'objectives',
  'assumptions',
  'strategy',
  'term',
  'release.strategy',
  'release.process',
  'release.acceptanceCriteria',
  'environments',
  'environment.software',
  'environment.hardware',
  'environment.databases',
  'environment.dataExchange',
  'contacts',
  'referral',
  'licenses',
  'security',
  'responsibilities.software-maintenance',
  'responsibilities.system-administration',
  'responsibilities.operational-support',
  'responsibilities.database-administration',
  'responsibilities.data-exchange',
  'responsibilities',
  'supportProcess',
  'escalation',
  'monitoring',
  'backups',
  'disasterRecovery',
  'regressionTests',
  'budget',
  'otherResources',
  'services',
  'calendars',
  'channels',
  'severities',
  'targets',
  'clock',
  'vip',
  'availability',
  'maintenance',
  'credits',
  'reporting',
  'kpis',
  'stakeholders',
  'communication',
  'costs',
  'constraints',
  'approvals',
  'departments',
  'thirdParties',
  'references',
  'glossary',
] as const
export type SectionKey = (typeof SECTION_KEYS)[number]

export type OutlineNode = {
  /** The seed's numbering, e.g. "2.2.1"; omitted for unnumbered headings. */
  number?: string
  title: string
  /** Prose of the template shown under the heading (Markdown), before the data. */
  intro?: string
  /** The data blocks rendered under this heading, in order. */
  sections?: SectionKey[]
  children?: OutlineNode[]
}

export type Outline = { id: string; title: string; headings: OutlineNode[] }
