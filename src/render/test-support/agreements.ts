// Agreements for rendering tests: the two reference examples, and the CRVS example with every
// remaining section filled in, so that each section renderer has data to show.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseAgreement, validateAgreement } from '../../domain/agreement/parse-agreement.ts'
import type { Agreement } from '../../domain/agreement/schema.ts'

export const EXAMPLES = fileURLToPath(new URL('../../../../shared/examples/', import.meta.url))
export const HELPDESK_FILE = `${EXAMPLES}helpdesk-sla.yaml`
export const CRVS_FILE = `${EXAMPLES}crvs-support-plan.yaml`

export function readExample(file: string): Agreement {
  const result = parseAgreement(readFileSync(file, 'utf8'), { filename: file })
  if (!result.ok) throw new Error(`${file} is invalid: ${JSON.stringify(result.issues)}`)
  return result.agreement
}

/** The agreement with changes to its spec, validated like any other. */
export function withSpec(agreement: Agreement, spec: Record<string, unknown>): Agreement {
  const result = validateAgreement({ ...agreement, spec: { ...agreement.spec, ...spec } })
  if (!result.ok) throw new Error(`invalid test agreement: ${JSON.stringify(result.issues)}`)
  return result.agreement
}

/** CRVS with every section the example leaves out. */
export function fullAgreement(): Agreement {
  const crvs = readExample(CRVS_FILE)
  return withSpec(crvs, {
    scope: {
      inScope: [{ id: 's-app', description: 'The registration application', service: 'crvs' }],
      outOfScope: [{ id: 's-pcs', description: 'Desktop computers in district offices' }],
      audience: { primary: ['Service desk agents'], secondary: ['Registrars'] },
    },
    strategy: 'Support is provided by the ministry with the vendor as third line.',
    supportProcess: 'Users report problems to the **service desk** by phone or email.',
    otherResources: 'A training budget is held by the registrar.',
    constraints: [{ id: 'k-budget', text: 'The support budget is fixed for the first year.' }],
    responsibilities: [
      ...(crvs.spec.responsibilities ?? []),
      { area: 'data-exchange', contact: 'c-crvs-manager', description: 'Owns the health feed.' },
      { area: 'security', contact: 'c-sysadmin', party: 'provider' },
    ],
    channels: [
      { id: 'phone', kind: 'phone', address: '+254 20 000 0000', calendar: 'office', response: '15m' },
    ],
    vip: [{ id: 'registrar', match: { requesters: ['registrar@gov.example'] }, raiseSeverity: 1 }],
    kpis: [{ id: 'k-csat', name: 'Customer satisfaction', measure: 'satisfaction', target: '4 of 5' }],
    credits: {
      basis: { monthlyFee: { amount: '8000.50', currency: 'USD' } },
      cap: '20%',
      claimWindow: 'P30D',
      availability: [
        { objective: 'crvs-uptime', below: '99.5%', credit: '5%' },
        { objective: 'crvs-uptime', atOrBelow: '98%', credit: '10%' },
      ],
      targets: [{ severity: 'S1', metric: 'resolution', perBreach: true, credit: '2%' }],
      exclusions: ['customer-caused', 'force-majeure'],
      soleRemedy: true,
    },
    stakeholders: [
      { id: 'st-registrar', contact: 'c-registrar', group: 'executives', interest: 'Registration' },
    ],
    communication: {
      methods: ['email', 'in-person'],
      frequency: 'P1M',
      meetings: 'A monthly service review.',
    },
    costs: { fee: { amount: 8000, currency: 'USD' }, per: 'month', pricing: 'Fixed monthly fee.' },
    approvals: { management: ['c-ict-director'], legal: ['c-registrar'], final: ['c-ict-director'] },
    departments: [{ id: 'd-it', name: 'IT department', contact: 'c-sysadmin' }],
    thirdParties: [
      {
        id: 'example-vendor',
        name: 'Example Vendor',
        role: 'Third-line support',
        contact: 'c-vendor-support',
      },
    ],
    references: [{ id: 'r-law', title: 'Civil Registration Act', url: 'https://law.gov.example/cra' }],
    glossary: [{ term: 'CRVS', definition: 'Civil registration and vital statistics' }],
  })
}
