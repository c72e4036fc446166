import { describe, test } from 'node:test'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

describe('licence.expiry-set', () => {
  const rule = ruleById('licence.expiry-set')
  test('fires when a subscription has no expiry', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.licenses![0]!.expiry),
      [
        {
          path: ['spec', 'licenses', 0],
          message:
            'licence "l-db" (Database) is a subscription licence but has no expiry: its renewal cannot be tracked',
        },
      ],
    )
  })
  test('is quiet for a perpetual licence without one', () => {
    const a = agreementWith((a) => {
      a.spec.licenses![0]!.type = 'perpetual'
      delete a.spec.licenses![0]!.expiry
    })
    assertFindings(rule, a, [])
  })
})

describe('licence.renewal-owner-set', () => {
  const rule = ruleById('licence.renewal-owner-set')
  test('fires when a subscription has nobody to renew it', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.licenses![0]!.renewalOwner),
      [
        {
          path: ['spec', 'licenses', 0],
          message: 'licence "l-db" (Database) has no renewalOwner: nobody is responsible for renewing it',
        },
      ],
    )
  })
  test('is quiet for an open-source licence', () => {
    const a = agreementWith((a) => {
      a.spec.licenses![0]!.type = 'oss'
      delete a.spec.licenses![0]!.renewalOwner
    })
    assertFindings(rule, a, [])
  })
})

describe('licence.expires-within-term', () => {
  const rule = ruleById('licence.expires-within-term')
  const expiring = (patch: (l: { expiry?: string; autoRenew?: boolean }) => void) =>
    agreementWith((a) => patch(a.spec.licenses![0]!))
  test('fires when a licence expires the day before the term ends', () => {
    assertFindings(
      rule,
      expiring((l) => {
        l.expiry = '2027-12-30'
      }),
      [
        {
          path: ['spec', 'licenses', 0, 'expiry'],
          message:
            'licence "l-db" (Database) expires on 2027-12-30, before the agreement ends on 2027-12-31, and does not renew automatically',
        },
      ],
    )
  })
  test('fires inside an open-ended term', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.term!.effectiveTo),
      [
        {
          path: ['spec', 'licenses', 0, 'expiry'],
          message:
            'licence "l-db" (Database) expires on 2028-06-30, inside the open-ended term, and does not renew automatically',
        },
      ],
    )
  })
  test('is quiet when it runs to the last day of the term', () => {
    assertFindings(
      rule,
      expiring((l) => {
        l.expiry = '2027-12-31'
      }),
      [],
    )
  })
  test('is quiet when it renews automatically', () => {
    const a = expiring((l) => {
      l.expiry = '2027-01-31'
      l.autoRenew = true
    })
    assertFindings(rule, a, [])
  })
})

describe('licence.renewal-due', () => {
  const rule = ruleById('licence.renewal-due')
  test('fires on the first day of the lead time', () => {
    assertFindings(
      rule,
      agreementWith(),
      [
        {
          path: ['spec', 'licenses', 0, 'expiry'],
          message:
            'licence "l-db" (Database) expires on 2028-06-30 and does not renew automatically; its renewal lead time of P60D began on 2028-05-01',
        },
      ],
      '2028-05-01',
    )
  })
  test('uses 30 days when the licence gives no lead time', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.licenses![0]!.renewalLeadTime),
      [
        {
          path: ['spec', 'licenses', 0, 'expiry'],
          message:
            'licence "l-db" (Database) expires on 2028-06-30 and does not renew automatically; its renewal lead time of P30D began on 2028-05-31',
        },
      ],
      '2028-05-31',
    )
  })
  test('is quiet the day before the lead time', () => {
    assertFindings(rule, agreementWith(), [], '2028-04-30')
  })
})

describe('licence.expired', () => {
  const rule = ruleById('licence.expired')
  test('fires the day after expiry', () => {
    assertFindings(
      rule,
      agreementWith(),
      [
        {
          path: ['spec', 'licenses', 0, 'expiry'],
          message: 'licence "l-db" (Database) expired on 2028-06-30',
        },
      ],
      '2028-07-01',
    )
  })
  test('is quiet on the last day', () => {
    assertFindings(rule, agreementWith(), [], '2028-06-30')
  })
})
