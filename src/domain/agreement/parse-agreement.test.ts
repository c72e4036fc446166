import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { formatIssue } from '../issues.ts'
import { parseAgreement, validateAgreement } from './parse-agreement.ts'
import { BASE_AGREEMENT } from './test-support/base-agreement.ts'

const example = (name: string) =>
  readFileSync(new URL(`../../../../shared/examples/${name}`, import.meta.url), 'utf8')

describe('parseAgreement', () => {
  test('the reference helpdesk SLA is valid as it is', () => {
    const result = parseAgreement(example('helpdesk-sla.yaml'), { filename: 'helpdesk-sla.yaml' })
    assert.ok(result.ok, result.ok ? '' : result.issues.map(formatIssue).join('\n'))
    assert.equal(result.agreement.metadata.id, 'acme-helpdesk')
    assert.equal(result.agreement.spec.targets?.length, 8)
    assert.deepEqual(result.warnings, [])
  })

  test('the reference CRVS plan is valid; its two comma-split texts are read whole, with a warning', () => {
    const result = parseAgreement(example('crvs-support-plan.yaml'), { filename: 'crvs.yaml' })
    assert.ok(result.ok, result.ok ? '' : result.issues.map(formatIssue).join('\n'))
    assert.equal(
      result.agreement.spec.assumptions?.[0]?.text,
      'District registration offices work Monday to Friday, 07:30 to 16:30.',
    )
    assert.equal(
      result.agreement.spec.severities?.[1]?.definition,
      'Registration works but is slow, or one region is affected.',
    )
    assert.deepEqual(
      result.warnings.map((w) => [w.line, w.message]),
      [
        [
          31,
          'a comma split the text "District registration offices work Monday to Friday, 07:30 to 16:30."; it was read as one text',
        ],
        [
          89,
          'a comma split the text "Registration works but is slow, or one region is affected."; it was read as one text',
        ],
      ],
    )
  })

  test('JSON is read too, with lines and columns', () => {
    const json = JSON.stringify(
      { apiVersion: 'upheld/v1', kind: 'SupportPlan', metadata: { id: 'x', title: 'X' }, spec: {} },
      null,
      2,
    )
    const result = parseAgreement(json, { filename: 'x.json' })
    assert.equal(result.ok, false)
    if (!result.ok)
      assert.deepEqual(result.issues.map(formatIssue), ['x.json:8:11: spec.parties: is required'])
  })

  test('a number where a percentage belongs gets the percentage it probably meant', () => {
    const result = parseAgreement(BASE_AGREEMENT.replace('target: 99.9%', 'target: 99.9'))
    assert.equal(result.ok, false)
    if (!result.ok)
      assert.equal(result.issues[0]?.message, 'must be a percentage written with %, e.g. "99.9%"')
  })
})

describe('validateAgreement', () => {
  test('checks data that did not come from text, without positions', () => {
    const result = validateAgreement({
      apiVersion: 'upheld/v1',
      kind: 'SupportPlan',
      metadata: { id: 'x' },
      spec: { parties: {} },
    })
    assert.equal(result.ok, false)
    if (result.ok) return
    assert.deepEqual(result.issues.map(formatIssue), [
      'metadata.title: is required',
      'spec.parties.provider: is required',
      'spec.parties.customer: is required',
    ])
  })
})
