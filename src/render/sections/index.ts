// Every section key of an outline, with its renderer, its label and what it says when the
// agreement records nothing for it. The Record types make a new key a compile error here.
import type { SectionKey } from '../../domain/agreement/outline.ts'
import { AVAILABILITY_SECTIONS } from './availability.ts'
import type { SectionRenderer } from './context.ts'
import { COST_SECTIONS } from './costs.ts'
import { CREDIT_SECTIONS } from './credits.ts'
import { ENVIRONMENT_SECTIONS } from './environment.ts'
import { GENERAL_SECTIONS } from './general.ts'
import { PEOPLE_SECTIONS } from './people.ts'
import { REFERENCE_SECTIONS } from './references.ts'
import { RELEASE_SECTIONS } from './release.ts'
import { SERVICE_LEVEL_SECTIONS } from './service-levels.ts'
import { SUPPORT_PLAN_SECTIONS } from './support-plan.ts'

export type { SectionContext, SectionRenderer } from './context.ts'

export const SECTION_RENDERERS: Record<SectionKey, SectionRenderer> = {
  ...GENERAL_SECTIONS,
  ...ENVIRONMENT_SECTIONS,
  ...PEOPLE_SECTIONS,
  ...SERVICE_LEVEL_SECTIONS,
  ...AVAILABILITY_SECTIONS,
  ...CREDIT_SECTIONS,
  ...SUPPORT_PLAN_SECTIONS,
  ...RELEASE_SECTIONS,
  ...COST_SECTIONS,
  ...REFERENCE_SECTIONS,
}

/** [label, the plural or singular noun phrase of "No … recorded in this agreement."] */
export const SECTION_INFO: Record<SectionKey, { label: string; none: string }> = {
  parties: { label: 'Parties', none: 'No parties are' },
  purpose: { label: 'Purpose', none: 'No purpose is' },
  scope: { label: 'Scope', none: 'No scope is' },
  audience: { label: 'Intended audience', none: 'No intended audience is' },
  objectives: { label: 'Support objectives', none: 'No support objectives are' },
  assumptions: { label: 'Assumptions', none: 'No assumptions are' },
  constraints: { label: 'Support constraints', none: 'No support constraints are' },
  strategy: { label: 'Support strategy', none: 'No support strategy is' },
  term: { label: 'Term and review', none: 'No term is' },
  'release.strategy': { label: 'Release strategy', none: 'No release strategy is' },
  'release.process': { label: 'Release process', none: 'No release process is' },
  'release.acceptanceCriteria': { label: 'Acceptance criteria', none: 'No acceptance criteria are' },
  environments: { label: 'Environments', none: 'No environments are' },
  'environment.software': { label: 'Software', none: 'No software is' },
  'environment.hardware': { label: 'Hardware and infrastructure', none: 'No hardware is' },
  'environment.databases': { label: 'Databases', none: 'No databases are' },
  'environment.dataExchange': { label: 'Data exchange', none: 'No data exchanges are' },
  contacts: { label: 'Contacts', none: 'No contacts are' },
  referral: { label: 'Problem referral', none: 'No problem referral levels are' },
  licenses: { label: 'Licences', none: 'No licences are' },
  security: { label: 'Security and privacy', none: 'No security and privacy terms are' },
  'responsibilities.software-maintenance': {
    label: 'Software maintenance',
    none: 'No one responsible for software maintenance is',
  },
  'responsibilities.system-administration': {
    label: 'System administration',
    none: 'No one responsible for system administration is',
  },
  'responsibilities.operational-support': {
    label: 'Operational and user support',
    none: 'No one responsible for operational and user support is',
  },
  'responsibilities.database-administration': {
    label: 'Database administration',
    none: 'No one responsible for database administration is',
  },
  'responsibilities.data-exchange': {
    label: 'Data exchange and dependencies',
    none: 'No one responsible for data exchange is',
  },
  responsibilities: { label: 'Responsibilities', none: 'No other responsibilities are' },
  supportProcess: { label: 'Support process', none: 'No support process is' },
  escalation: { label: 'Escalation', none: 'No escalation levels are' },
  monitoring: { label: 'Monitoring', none: 'No monitors are' },
  backups: { label: 'Backups', none: 'No backups are' },
  disasterRecovery: { label: 'Disaster recovery', none: 'No disaster recovery plan is' },
  regressionTests: { label: 'Regression tests', none: 'No regression tests are' },
  budget: { label: 'Budget', none: 'No budget is' },
  otherResources: { label: 'Other resources', none: 'No other resources are' },
  services: { label: 'Services', none: 'No services are' },
  calendars: { label: 'Support hours', none: 'No support hours are' },
  channels: { label: 'Support channels', none: 'No support channels are' },
  severities: { label: 'Severity levels', none: 'No severity levels are' },
  targets: { label: 'Response and resolution targets', none: 'No response or resolution targets are' },
  clock: { label: 'How the clocks run', none: 'No clock policy is' },
  vip: { label: 'Priority users', none: 'No priority (VIP) rules are' },
  availability: { label: 'Availability', none: 'No availability objectives are' },
  maintenance: { label: 'Maintenance windows', none: 'No maintenance windows are' },
  credits: { label: 'Service credits', none: 'No service credits are' },
  reporting: { label: 'Reporting', none: 'No reporting is' },
  kpis: { label: 'Key performance indicators', none: 'No key performance indicators are' },
  stakeholders: { label: 'Stakeholders', none: 'No stakeholders are' },
  communication: { label: 'Communication', none: 'No communication plan is' },
  costs: { label: 'Costs', none: 'No costs are' },
  approvals: { label: 'Approvals', none: 'No approvers are' },
  departments: { label: 'Distribution', none: 'No departments to inform are' },
  thirdParties: { label: 'Third parties', none: 'No third parties are' },
  references: { label: 'References', none: 'No references are' },
  glossary: { label: 'Glossary', none: 'No glossary terms are' },
}

/** "No licences are recorded in this agreement." */
export function noneRecorded(key: SectionKey): string {
  return `${SECTION_INFO[key].none} recorded in this agreement.`
}
