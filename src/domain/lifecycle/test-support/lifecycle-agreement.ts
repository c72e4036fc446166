// The reference helpdesk SLA made ready for its lifecycle: the approvers of each stage named,
// a legal contact to name, and (unless asked to keep it) the missing P4 resolution target
// that the submission lint rules find. Edits are made on the YAML document, so the text stays
// what a person would write.
import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { parseAgreement } from '../../agreement/parse-agreement.ts'
import type { Agreement } from '../../agreement/schema.ts'
import type { ActorFacts } from '../roles.ts'

export const HELPDESK_TEXT = readFileSync(
  new URL('../../../../../shared/examples/helpdesk-sla.yaml', import.meta.url),
  'utf8',
)

export type LifecycleTextOptions = {
  /** Keep the lint error of the example (P4 has no resolution target). */
  withLintError?: boolean
  /** Further edits: [path, value] pairs set on the document. */
  set?: [readonly (string | number)[], unknown][]
}

export function lifecycleText(options: LifecycleTextOptions = {}): string {
  const doc = parseDocument(HELPDESK_TEXT)
  doc.addIn(['spec', 'contacts'], {
    id: 'c-legal',
    name: 'Lee Adebayo',
    org: 'example-it',
    role: 'legal',
    email: 'lee.adebayo@example-it.example',
  })
  doc.setIn(['spec', 'approvals'], {
    management: ['c-service-owner'],
    legal: ['c-legal'],
    final: ['c-provider-head', 'c-customer-head'],
  })
  if (!options.withLintError) {
    doc.addIn(['spec', 'targets'], {
      severity: 'P4',
      metric: 'resolution',
      within: '80h',
      calendar: 'business',
    })
  }
  for (const [path, value] of options.set ?? []) doc.setIn(path, value)
  return doc.toString()
}

export function lifecycleAgreement(options: LifecycleTextOptions = {}): Agreement {
  const parsed = parseAgreement(lifecycleText(options))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.agreement
}

const actor = (
  userId: string,
  role: ActorFacts['role'],
  organisationId: string,
  email: string,
  name: string,
) => ({
  userId,
  role,
  organisationId,
  email,
  name,
  authMethod: 'token',
})

/** The people of the example: the contacts it names, and two who are named for nothing. */
export const PEOPLE = {
  dana: actor('u-dana', 'agent', 'example-it', 'dana.okafor@example-it.example', 'Dana Okafor'),
  luis: actor('u-luis', 'agent', 'example-it', 'luis.ferreira@example-it.example', 'Luis Ferreira'),
  lee: actor('u-lee', 'agent', 'example-it', 'lee.adebayo@example-it.example', 'Lee Adebayo'),
  mei: actor('u-mei', 'agent', 'example-it', 'mei.tanaka@example-it.example', 'Mei Tanaka'),
  ruth: actor('u-ruth', 'customer', 'acme', 'ruth.mensah@acme.example', 'Ruth Mensah'),
  ann: actor('u-acme', 'customer', 'acme', 'ann@acme.example', 'Ann'),
  admin: actor('u-admin', 'admin', 'example-it', 'admin@example-it.example', 'Admin'),
} satisfies Record<string, ActorFacts>
