import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { agreementWith } from '../lint/test-support/base-agreement.ts'
import { distributionList } from './distribution-list.ts'

describe('distributionList', () => {
  test('departments (their address, else their contact’s), signatories and stakeholders, each address once', () => {
    const agreement = agreementWith((a) => {
      a.spec.departments = [
        { id: 'd-fin', name: 'Finance', email: 'finance@cust.example' },
        { id: 'd-ops', name: 'Operations', contact: 'c-desk' },
        { id: 'd-hr', name: 'HR' },
        { id: 'd-it', name: 'IT', contact: 'c-lead' },
      ]
      a.spec.stakeholders = [{ id: 's-1', contact: 'c-prov' }]
    })
    const { recipients, unreachable } = distributionList(agreement)
    assert.deepEqual(
      recipients.map((r) => [r.email, r.as]),
      [
        ['finance@cust.example', ['department: Finance']],
        ['desk@prov.example', ['department: Operations']],
        ['pat@prov.example', ['signatory for Provider Ltd', 'stakeholder']],
        ['casey@cust.example', ['signatory for Customer plc']],
      ],
    )
    assert.deepEqual(unreachable, [
      { name: 'HR', as: 'department: HR' },
      { name: 'Lee Lead', as: 'department: IT' },
    ])
  })

  test('an agreement that names no department still reaches its signatories', () => {
    assert.deepEqual(
      distributionList(agreementWith()).recipients.map((r) => r.name),
      ['Pat Provider', 'Casey Customer'],
    )
  })
})
