import { describe, test } from 'node:test'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

describe('contact.template-roles', () => {
  const rule = ruleById('contact.template-roles')
  test('fires when a support plan names nobody for database administration', () => {
    const a = agreementWith((a) => {
      a.metadata.template = { id: 'support-plan' }
      a.spec.responsibilities = a.spec.responsibilities!.filter((r) => r.area !== 'database-administration')
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'responsibilities'],
        message:
          'template "support-plan" needs someone responsible for database-administration, but no responsibility names one',
      },
    ])
  })
  test('fires when a helpdesk SLA has no service desk contact', () => {
    const a = agreementWith((a) => {
      a.metadata.template = { id: 'helpdesk-sla' }
      a.spec.contacts![3]!.role = 'support-lead'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'contacts'],
        message: 'template "helpdesk-sla" needs a contact with role service-desk, but no contact has it',
      },
    ])
  })
  test('is quiet when a support plan fills every responsibility', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.metadata.template = { id: 'support-plan' }
      }),
      [],
    )
  })
  test('is quiet for a template it knows nothing of', () => {
    const a = agreementWith((a) => {
      a.metadata.template = { id: 'in-house' }
      delete a.spec.responsibilities
    })
    assertFindings(rule, a, [])
  })
})

describe('contact.signatories-set', () => {
  const rule = ruleById('contact.signatories-set')
  test('fires when the customer has no signatory', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.parties.customer.signatory),
      [
        {
          path: ['spec', 'parties', 'customer'],
          message: 'the customer "Customer plc" has no signatory: name the contact who signs for it',
        },
      ],
    )
  })
  test('is quiet when both parties have one', () => {
    assertFindings(rule, agreementWith(), [])
  })
})

describe('contact.signatories-distinct', () => {
  const rule = ruleById('contact.signatories-distinct')
  test('fires when one contact signs for both parties', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.parties.customer.signatory = 'c-prov'
      }),
      [
        {
          path: ['spec', 'parties', 'customer', 'signatory'],
          message:
            '"c-prov" signs for both the provider and the customer: each party needs its own signatory',
        },
      ],
    )
  })
  test('is quiet when they differ', () => {
    assertFindings(rule, agreementWith(), [])
  })
})

describe('contact.signatory-of-party', () => {
  const rule = ruleById('contact.signatory-of-party')
  test("fires when the customer's signatory belongs to the provider", () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.contacts![1]!.org = 'prov'
      }),
      [
        {
          path: ['spec', 'parties', 'customer', 'signatory'],
          message: `the customer's signatory "c-cust" belongs to "prov", not to the customer "cust"`,
        },
      ],
    )
  })
  test('is quiet when the contact names no organisation', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.contacts![1]!.org),
      [],
    )
  })
})

describe('contact.reachable', () => {
  const rule = ruleById('contact.reachable')
  test('fires for a contact with neither email nor phone', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.contacts![2]!.phone),
      [
        {
          path: ['spec', 'contacts', 2],
          message:
            'contact "c-lead" (Lee Lead) has neither an email address nor a phone number: nobody can reach them',
        },
      ],
    )
  })
  test('is quiet for a contact with a phone only', () => {
    assertFindings(rule, agreementWith(), [])
  })
})
