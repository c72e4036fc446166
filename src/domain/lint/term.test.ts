import { describe, test } from 'node:test'
import type { Agreement } from '../agreement/schema.ts'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

type Term = NonNullable<Agreement['spec']['term']>
const withTerm = (patch: (term: Term) => void) => agreementWith((a) => patch(a.spec.term!))

describe('term.effective-order', () => {
  const rule = ruleById('term.effective-order')
  test('fires when the term ends before it begins', () => {
    assertFindings(
      rule,
      withTerm((t) => {
        t.effectiveTo = '2025-12-31'
      }),
      [
        {
          path: ['spec', 'term', 'effectiveTo'],
          message: 'the term ends on 2025-12-31, before it begins on 2026-01-01',
        },
      ],
    )
  })
  test('is quiet for a term of one day', () => {
    assertFindings(
      rule,
      withTerm((t) => {
        t.effectiveTo = '2026-01-01'
      }),
      [],
    )
  })
})

describe('term.review-within-cadence', () => {
  const rule = ruleById('term.review-within-cadence')
  test('fires when the next review is planned later than one period after the last', () => {
    assertFindings(
      rule,
      withTerm((t) => {
        t.review!.next = '2026-10-02'
      }),
      [
        {
          path: ['spec', 'term', 'review', 'next'],
          message:
            'the next review on 2026-10-02 is later than 2026-10-01, one review period (P6M) after the last review on 2026-04-01',
        },
      ],
    )
  })
  test('counts from the start of the term when there was no review yet', () => {
    const a = withTerm((t) => {
      delete t.review!.last
      t.review!.next = '2026-08-01'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'term', 'review', 'next'],
        message:
          'the next review on 2026-08-01 is later than 2026-07-01, one review period (P6M) after the agreement takes effect on 2026-01-01',
      },
    ])
  })
  test('is quiet when it is exactly one period after', () => {
    assertFindings(
      rule,
      withTerm((t) => {
        t.review!.next = '2026-10-01'
      }),
      [],
    )
  })
})

describe('term.review-due', () => {
  const rule = ruleById('term.review-due')
  test('fires on the day a review falls due', () => {
    assertFindings(
      rule,
      agreementWith(),
      [
        {
          path: ['spec', 'term', 'review'],
          message:
            'the agreement was last reviewed on 2026-04-01 and is reviewed every P6M: a review has been due since 2026-10-01',
        },
      ],
      '2026-10-01',
    )
  })
  test('fires on the planned date', () => {
    assertFindings(
      rule,
      withTerm((t) => {
        t.review!.next = '2026-08-01'
      }),
      [{ path: ['spec', 'term', 'review'], message: 'the review planned for 2026-08-01 is due' }],
      '2026-08-01',
    )
  })
  test('is quiet the day before', () => {
    assertFindings(rule, agreementWith(), [], '2026-09-30')
  })
  test('is quiet once the term has ended', () => {
    assertFindings(rule, agreementWith(), [], '2028-01-01')
  })
  test('keeps firing after a tacit renewal', () => {
    assertFindings(
      rule,
      withTerm((t) => {
        t.renewal!.type = 'tacit'
      }),
      [
        {
          path: ['spec', 'term', 'review'],
          message:
            'the agreement was last reviewed on 2026-04-01 and is reviewed every P6M: a review has been due since 2026-10-01',
        },
      ],
      '2028-01-01',
    )
  })
})

describe('term.renewal-notice-reached', () => {
  const rule = ruleById('term.renewal-notice-reached')
  test('fires on the notice date of an express renewal', () => {
    assertFindings(
      rule,
      agreementWith(),
      [
        {
          path: ['spec', 'term', 'renewal', 'notice'],
          message:
            'the agreement ends on 2027-12-31 unless it is renewed; its renewal notice date (P60D before the end) was 2027-11-01',
        },
      ],
      '2027-11-01',
    )
  })
  test('is quiet the day before', () => {
    assertFindings(rule, agreementWith(), [], '2027-10-31')
  })
  const tacit = withTerm((t) => {
    t.renewal!.type = 'tacit'
  })
  test('fires 30 days before the deadline to stop a tacit renewal', () => {
    assertFindings(
      rule,
      tacit,
      [
        {
          path: ['spec', 'term', 'renewal', 'notice'],
          message:
            'the agreement renews by itself after 2027-12-31 unless notice not to renew is given by 2027-11-01 (P60D before the end)',
        },
      ],
      '2027-10-02',
    )
  })
  test('is quiet once that deadline has passed', () => {
    assertFindings(rule, tacit, [], '2027-11-02')
  })
})

describe('term.ended', () => {
  const rule = ruleById('term.ended')
  test('fires the day after the term ends', () => {
    assertFindings(
      rule,
      agreementWith(),
      [
        {
          path: ['spec', 'term', 'effectiveTo'],
          message: 'the agreement ended on 2027-12-31 and does not renew by itself',
        },
      ],
      '2028-01-01',
    )
  })
  test('is quiet when it renews tacitly', () => {
    assertFindings(
      rule,
      withTerm((t) => {
        t.renewal!.type = 'tacit'
      }),
      [],
      '2028-01-01',
    )
  })
})

describe('term.notice-within-term', () => {
  const rule = ruleById('term.notice-within-term')
  test('fires when notice would be due before the agreement takes effect', () => {
    assertFindings(
      rule,
      withTerm((t) => {
        t.effectiveTo = '2026-02-15'
      }),
      [
        {
          path: ['spec', 'term', 'renewal', 'notice'],
          message:
            'the renewal notice of P60D is longer than the term (2026-01-01 to 2026-02-15): notice would be due on 2025-12-17, before the agreement takes effect',
        },
      ],
    )
  })
  test('is quiet when notice falls on the first day', () => {
    assertFindings(
      rule,
      withTerm((t) => {
        t.effectiveTo = '2026-03-02'
      }),
      [],
    )
  })
})
