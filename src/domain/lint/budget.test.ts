import { describe, test } from 'node:test'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

const line = (currency: string) => ({
  id: 'bud-kit',
  category: 'hardware' as const,
  amount: 500,
  currency,
  period: { from: '2027-01-01', to: '2027-12-31' },
})

describe('budget.single-currency', () => {
  const rule = ruleById('budget.single-currency')
  test('fires for a line in another currency', () => {
    assertFindings(
      rule,
      agreementWith((a) => void a.spec.budget!.push(line('EUR'))),
      [
        {
          path: ['spec', 'budget', 1, 'currency'],
          message:
            'budget line "bud-kit" is in EUR, but the budget is in GBP (from "bud-staff"): totals cannot be added up',
        },
      ],
    )
  })
  test('is quiet when every line is in GBP', () => {
    assertFindings(
      rule,
      agreementWith((a) => void a.spec.budget!.push(line('GBP'))),
      [],
    )
  })
})

describe('budget.period-within-term', () => {
  const rule = ruleById('budget.period-within-term')
  const period = (from: string, to: string) =>
    agreementWith((a) => {
      a.spec.budget![0]!.period = { from, to }
    })
  test('fires for a line that runs past the term', () => {
    assertFindings(rule, period('2026-01-01', '2028-01-31'), [
      {
        path: ['spec', 'budget', 0, 'period'],
        message:
          'budget line "bud-staff" runs from 2026-01-01 to 2028-01-31, outside the term (2026-01-01 to 2027-12-31)',
      },
    ])
  })
  test('fires for a line that ends before it begins', () => {
    assertFindings(rule, period('2026-12-31', '2026-01-01'), [
      {
        path: ['spec', 'budget', 0, 'period'],
        message: 'budget line "bud-staff" ends on 2026-01-01, before it begins on 2026-12-31',
      },
    ])
  })
  test('is quiet for a line that spans the whole term', () => {
    assertFindings(rule, period('2026-01-01', '2027-12-31'), [])
  })
})
