import { describe, test } from 'node:test'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

describe('credit.tiers-monotonic', () => {
  const rule = ruleById('credit.tiers-monotonic')
  test('fires when worse availability earns a smaller credit', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.credits!.availability![1]!.credit = '4%'
      }),
      [
        {
          path: ['spec', 'credits', 'availability', 1, 'credit'],
          message:
            'credit tier below 99% for "app-uptime" gives 4%, less than the 5% of the milder tier below 99.9%: worse availability must not earn a smaller credit',
        },
      ],
    )
  })
  test('compares "at or below" with "below" at the same bound', () => {
    const a = agreementWith((a) => {
      a.spec.credits!.availability!.push({ objective: 'app-uptime', atOrBelow: '99%', credit: '12%' })
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'credits', 'availability', 1, 'credit'],
        message:
          'credit tier below 99% for "app-uptime" gives 10%, less than the 12% of the milder tier at or below 99%: worse availability must not earn a smaller credit',
      },
    ])
  })
  test('is quiet when the tiers are listed worst first and never decrease', () => {
    const a = agreementWith((a) => {
      a.spec.credits!.availability!.reverse()
      a.spec.credits!.availability![0]!.credit = '5%'
    })
    assertFindings(rule, a, [])
  })
})

describe('credit.within-cap', () => {
  const rule = ruleById('credit.within-cap')
  test('fires for a tier and a target credit above the cap', () => {
    const a = agreementWith((a) => {
      a.spec.credits!.availability![1]!.credit = '25%'
      a.spec.credits!.targets![0]!.credit = '30%'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'credits', 'availability', 1, 'credit'],
        message:
          'credit tier below 99% for "app-uptime" gives 25%, above the cap of 20%: it can never be paid in full',
      },
      {
        path: ['spec', 'credits', 'targets', 0, 'credit'],
        message: 'the credit for P1 resolution gives 30%, above the cap of 20%: it can never be paid in full',
      },
    ])
  })
  test('is quiet at the cap', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.credits!.availability![1]!.credit = '20.0%'
      }),
      [],
    )
  })
})

describe('credit.target-exists', () => {
  const rule = ruleById('credit.target-exists')
  test('fires for a credit on a target the agreement does not set', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.credits!.targets![0]!.metric = 'periodic_update'
      }),
      [
        {
          path: ['spec', 'credits', 'targets', 0],
          message: 'the credit for P1 periodic_update can never apply: "P1" has no periodic_update target',
        },
      ],
    )
  })
  test('is quiet when the target exists', () => {
    assertFindings(rule, agreementWith(), [])
  })
})

describe('credit.tier-below-objective', () => {
  const rule = ruleById('credit.tier-below-objective')
  const firstTier = (atOrBelow: string) =>
    agreementWith((a) => {
      const tier = a.spec.credits!.availability![0]!
      delete tier.below
      tier.atOrBelow = atOrBelow
    })
  test('fires when a tier pays at exactly the target', () => {
    assertFindings(rule, firstTier('99.9%'), [
      {
        path: ['spec', 'credits', 'availability', 0],
        message:
          'credit tier at or below 99.9% pays out even when objective "app-uptime" meets its target of 99.9%',
      },
    ])
  })
  test('is quiet just below the target', () => {
    assertFindings(rule, firstTier('99.89%'), [])
  })
})
