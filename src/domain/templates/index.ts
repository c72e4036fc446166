import { helpdeskSla } from './helpdesk-sla.ts'
import { itSupportAgreement } from './it-support-agreement.ts'
import { productionSupportPlan } from './production-support-plan.ts'
import { supportPlan } from './support-plan.ts'
import type { Template } from './template.ts'

export type { Placeholder, PlaceholderType, Template } from './template.ts'

export const TEMPLATES: readonly Template[] = [
  supportPlan,
  productionSupportPlan,
  helpdeskSla,
  itSupportAgreement,
]

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id)
}
