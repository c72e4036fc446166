import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { PathSegment } from '../issues.ts'
import { agreementWith } from '../lint/test-support/base-agreement.ts'
import { agreementHealth, agreementToday, findingOwners } from './agreement-health.ts'

const names = (path: PathSegment[], agreement = base) => findingOwners(agreement, path).map((c) => c.name)
const base = agreementWith((a) => {
  a.spec.term!.review!.owner = 'c-lead'
  a.spec.backups![1]!.owner = 'c-desk'
  a.spec.disasterRecovery!.contacts = ['c-lead', 'c-desk']
})

describe('findingOwners', () => {
  const cases: [string, PathSegment[], string[]][] = [
    ['the review owner', ['spec', 'term', 'review'], ['Lee Lead']],
    ['the licence renewal owner', ['spec', 'licenses', 0, 'expiry'], ['Pat Provider']],
    ['the backup owner', ['spec', 'backups', 1, 'lastRestoreTest'], ['Service desk']],
    [
      'the disaster recovery contacts',
      ['spec', 'disasterRecovery', 'lastTest'],
      ['Lee Lead', 'Service desk'],
    ],
    ['else the service owners', ['spec', 'backups', 0], ['Pat Provider']],
    [
      'else the service owners, for a place with no owner at all',
      ['spec', 'term', 'effectiveTo'],
      ['Pat Provider'],
    ],
  ]
  for (const [name, path, expected] of cases) test(name, () => assert.deepEqual(names(path), expected))

  test('else the provider signatory', () => {
    const noOwner = agreementWith((a) => {
      a.spec.contacts = a.spec.contacts!.map((c) =>
        c.role === 'service-owner' ? { ...c, role: 'director' } : c,
      )
    })
    assert.deepEqual(names(['spec', 'term', 'effectiveTo'], noOwner), ['Pat Provider'])
    assert.equal(findingOwners(noOwner, ['spec', 'term'])[0]?.role, 'director')
  })
})

describe('agreementToday', () => {
  test('is the date in the agreement’s reporting zone, else UTC', () => {
    const t = Date.parse('2026-05-31T20:00:00Z')
    assert.equal(agreementToday(base, t), '2026-05-31')
    const kolkata = agreementWith((a) => {
      a.spec.reporting = { every: 'month', timezone: 'Asia/Kolkata' }
    })
    assert.equal(agreementToday(kolkata, t), '2026-06-01')
  })
})

describe('agreementHealth', () => {
  test('runs only the daily rules, with keyed paths and owners', () => {
    const overdue = agreementWith((a) => {
      a.spec.backups![1]!.lastRestoreTest = '2025-01-01'
    })
    const findings = agreementHealth(overdue, Date.parse('2026-06-01T12:00:00Z'))
    assert.deepEqual(
      findings.map((f) => [f.rule, f.path, f.owners.map((o) => o.email)]),
      [['backup.restore-test-overdue', 'spec.backups[id=b-wal].lastRestoreTest', ['pat@prov.example']]],
    )
  })
})
