import { describe, test } from 'node:test'
import type { Agreement } from '../agreement/schema.ts'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

const addDatabase = (a: Agreement, id: string, personalData: boolean) =>
  a.spec.environment!.databases!.push({ id, engine: 'PostgreSQL', personalData })

describe('environment.personal-data-backed-up', () => {
  const rule = ruleById('environment.personal-data-backed-up')
  test('fires for a database with personal data and no backup', () => {
    assertFindings(
      rule,
      agreementWith((a) => addDatabase(a, 'db-audit', true)),
      [
        {
          path: ['spec', 'environment', 'databases', 1],
          message: 'database "db-audit" (PostgreSQL) holds personal data but has no backup',
        },
      ],
    )
  })
  test('is quiet when a backup names the database as its scope', () => {
    const a = agreementWith((a) => {
      addDatabase(a, 'db-audit', true)
      a.spec.backups!.push({
        id: 'b-audit',
        scope: 'db-audit',
        type: 'full',
        interval: '15m',
        retention: 'P30D',
        offsite: true,
      })
    })
    assertFindings(rule, a, [])
  })
})

describe('environment.database-backed-up', () => {
  const rule = ruleById('environment.database-backed-up')
  test('fires for a database without personal data and no backup', () => {
    assertFindings(
      rule,
      agreementWith((a) => addDatabase(a, 'db-cache', false)),
      [
        {
          path: ['spec', 'environment', 'databases', 1],
          message: 'database "db-cache" (PostgreSQL) has no backup',
        },
      ],
    )
  })
  test('leaves databases with personal data to the error rule', () => {
    assertFindings(
      rule,
      agreementWith((a) => addDatabase(a, 'db-audit', true)),
      [],
    )
  })
})

describe('environment.exchange-encrypted', () => {
  const rule = ruleById('environment.exchange-encrypted')
  type Exchange = NonNullable<NonNullable<Agreement['spec']['environment']>['dataExchange']>[number]
  const exchange = (patch: (dx: Exchange) => void) =>
    agreementWith((a) => patch(a.spec.environment!.dataExchange![0]!))
  test('fires when personal data travels unencrypted', () => {
    assertFindings(
      rule,
      exchange((dx) => {
        dx.encryptedInTransit = false
      }),
      [
        {
          path: ['spec', 'environment', 'dataExchange', 0, 'encryptedInTransit'],
          message:
            'data exchange "dx-stats" with Statistics office carries personal data but is not encrypted in transit',
        },
      ],
    )
  })
  test('fires for restricted data', () => {
    const a = exchange((dx) => {
      dx.personalData = false
      dx.classification = 'restricted'
      dx.encryptedInTransit = false
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'environment', 'dataExchange', 0, 'encryptedInTransit'],
        message:
          'data exchange "dx-stats" with Statistics office carries restricted data but is not encrypted in transit',
      },
    ])
  })
  test('is quiet for internal data without personal data', () => {
    const a = exchange((dx) => {
      dx.personalData = false
      dx.classification = 'internal'
      dx.encryptedInTransit = false
    })
    assertFindings(rule, a, [])
  })
})

describe('environment.software-eol-within-term', () => {
  const rule = ruleById('environment.software-eol-within-term')
  const eol = (date: string) =>
    agreementWith((a) => {
      a.spec.environment!.software![0]!.eolDate = date
    })
  test('fires when software reaches end of life before the term ends', () => {
    assertFindings(rule, eol('2027-12-30'), [
      {
        path: ['spec', 'environment', 'software', 0, 'eolDate'],
        message:
          'software "sw-app" (Application server) reaches end of life on 2027-12-30, before the agreement ends on 2027-12-31',
      },
    ])
  })
  test('is quiet when it is supported to the end of the term', () => {
    assertFindings(rule, eol('2027-12-31'), [])
  })
})

describe('environment.hardware-warranty-within-term', () => {
  const rule = ruleById('environment.hardware-warranty-within-term')
  test('fires when a warranty ends inside the term', () => {
    const a = agreementWith((a) => {
      a.spec.environment!.hardware![0]!.warrantyExpiry = '2027-06-30'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'environment', 'hardware', 0, 'warrantyExpiry'],
        message:
          'hardware "hw-1" (Database server) goes out of warranty on 2027-06-30, before the agreement ends on 2027-12-31',
      },
    ])
  })
  test('is quiet when no warranty date is given', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.environment!.hardware![0]!.warrantyExpiry),
      [],
    )
  })
})
