// The outline of an agreement that names no template: every section key exactly once,
// grouped under plain headings, service levels first for an SLA and the environment first
// for a support plan.
import type { Outline, OutlineNode, SectionKey } from '../domain/agreement/outline.ts'
import type { AgreementKind } from '../domain/agreement/schema.ts'
import { SECTION_INFO } from './sections/index.ts'

type Group = [title: string, keys: SectionKey[]]

const AGREEMENT: Group = ['The agreement', ['parties', 'purpose', 'scope', 'audience', 'services', 'term']]
const SERVICE_LEVELS: Group = [
  'Service levels',
  [
    'calendars',
    'channels',
    'severities',
    'targets',
    'clock',
    'vip',
    'availability',
    'maintenance',
    'credits',
  ],
]
const SUPPORT: Group = ['Support and escalation', ['supportProcess', 'contacts', 'referral', 'escalation']]
const RESPONSIBILITIES: Group = [
  'Responsibilities',
  [
    'responsibilities.software-maintenance',
    'responsibilities.system-administration',
    'responsibilities.operational-support',
    'responsibilities.database-administration',
    'responsibilities.data-exchange',
    'responsibilities',
    'thirdParties',
  ],
]
const OBJECTIVES: Group = [
  'Objectives and assumptions',
  ['objectives', 'assumptions', 'constraints', 'strategy'],
]
const MEASUREMENT: Group = ['Measurement and reporting', ['kpis', 'reporting', 'monitoring']]
const ENVIRONMENT: Group = [
  'Support environment',
  [
    'environments',
    'environment.software',
    'environment.hardware',
    'environment.databases',
    'environment.dataExchange',
    'licenses',
    'security',
  ],
]
const CONTINUITY: Group = [
  'Continuity and change',
  [
    'backups',
    'disasterRecovery',
    'release.strategy',
    'release.process',
    'release.acceptanceCriteria',
    'regressionTests',
  ],
]
const RESOURCES: Group = ['Resources and costs', ['costs', 'budget', 'otherResources']]
const GOVERNANCE: Group = ['Governance', ['stakeholders', 'communication', 'approvals', 'departments']]
const REFERENCES: Group = ['References', ['references', 'glossary']]

const SLA_ORDER = [
  AGREEMENT,
  SERVICE_LEVELS,
  SUPPORT,
  RESPONSIBILITIES,
  OBJECTIVES,
  MEASUREMENT,
  ENVIRONMENT,
  CONTINUITY,
  RESOURCES,
  GOVERNANCE,
  REFERENCES,
]
const SUPPORT_PLAN_ORDER = [
  AGREEMENT,
  OBJECTIVES,
  ENVIRONMENT,
  RESPONSIBILITIES,
  SUPPORT,
  SERVICE_LEVELS,
  MEASUREMENT,
  CONTINUITY,
  RESOURCES,
  GOVERNANCE,
  REFERENCES,
]

// Under "Responsibilities", the general key holds the areas that have no heading of their own.
const TITLES: Partial<Record<SectionKey, string>> = { responsibilities: 'Other responsibilities' }

export function defaultOutline(kind: AgreementKind): Outline {
  const groups = kind === 'SupportPlan' ? SUPPORT_PLAN_ORDER : SLA_ORDER
  const headings = groups.map(
    ([title, keys], i): OutlineNode => ({
      number: String(i + 1),
      title,
      children: keys.map((key, j) => ({
        number: `${i + 1}.${j + 1}`,
        title: TITLES[key] ?? SECTION_INFO[key].label,
        sections: [key],
      })),
    }),
  )
  return { id: `default-${kind}`, title: 'Default outline', headings }
}
