import { describe, test } from 'node:test'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

describe('target.required-metrics', () => {
  const rule = ruleById('target.required-metrics')
  test('fires when a severity of an SLA has no resolution target', () => {
    const a = agreementWith((a) => void a.spec.targets!.splice(5, 1))
    assertFindings(rule, a, [
      {
        path: ['spec', 'severities', 2],
        message:
          'severity "P3" has no resolution target; a ServiceLevelAgreement needs first_response and resolution targets for every severity',
      },
    ])
  })
  test('fires for an underpinning contract without a resolution target', () => {
    const a = agreementWith((a) => {
      a.kind = 'UnderpinningContract'
      a.spec.targets!.splice(1, 1)
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'severities', 0],
        message:
          'severity "P1" has no resolution target; an UnderpinningContract needs resolution targets for every severity',
      },
    ])
  })
  test('is quiet when an OLA has resolution targets only', () => {
    const a = agreementWith((a) => {
      a.kind = 'OperationalLevelAgreement'
      a.spec.targets!.splice(4, 1)
    })
    assertFindings(rule, a, [])
  })
})

describe('target.response-before-resolution', () => {
  const rule = ruleById('target.response-before-resolution')
  test('fires when the first response is as long as the resolution', () => {
    const a = agreementWith((a) => {
      a.spec.targets![2]!.within = '8h'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'targets', 2, 'within'],
        message: 'severity "P2": first response within 8h is not shorter than resolution within 8h',
      },
    ])
  })
  test('compares targets of the same request type only', () => {
    const a = agreementWith((a) => {
      a.spec.targets!.push(
        {
          severity: 'P3',
          metric: 'first_response',
          within: '2d',
          calendar: 'office',
          requestType: 'feature-request',
        },
        {
          severity: 'P3',
          metric: 'resolution',
          within: '1d',
          calendar: 'office',
          requestType: 'feature-request',
        },
      )
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'targets', 6, 'within'],
        message:
          'severity "P3" (feature-request): first response within 2d is not shorter than resolution within 1d',
      },
    ])
  })
  test('is quiet when the first response is a minute shorter', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.targets![2]!.within = '7h59m'
      }),
      [],
    )
  })
})

describe('target.most-severe-round-the-clock', () => {
  const rule = ruleById('target.most-severe-round-the-clock')
  test('fires when a P1 target runs on office hours', () => {
    const a = agreementWith((a) => {
      a.spec.targets![0]!.calendar = 'office'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'targets', 0, 'calendar'],
        message:
          'the most severe severity "P1" has its first_response target on calendar "office", which is not open around the clock: a critical incident outside its hours waits for the next opening',
      },
    ])
  })
  test('fires when a 24x7 calendar closes on a holiday', () => {
    const a = agreementWith((a) => {
      a.spec.calendars![1]!.holidays = ['12-25']
    })
    const message = (metric: string) =>
      `the most severe severity "P1" has its ${metric} target on calendar "always", which is not open around the clock: a critical incident outside its hours waits for the next opening`
    assertFindings(rule, a, [
      { path: ['spec', 'targets', 0, 'calendar'], message: message('first_response') },
      { path: ['spec', 'targets', 1, 'calendar'], message: message('resolution') },
    ])
  })
  test('is quiet when every day is covered, in pieces and past midnight', () => {
    const a = agreementWith((a) => {
      const day = [
        ['08:00', '02:00'],
        ['02:00', '08:00'],
      ]
      a.spec.calendars!.push({
        id: 'shifts',
        timezone: 'Europe/London',
        week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      })
      a.spec.targets![0]!.calendar = 'shifts'
      a.spec.targets![1]!.calendar = 'shifts'
    })
    assertFindings(rule, a, [])
  })
  test('fires when one hour a week is missing', () => {
    const a = agreementWith((a) => {
      const day = [['00:00', '24:00']]
      a.spec.calendars!.push({
        id: 'almost',
        timezone: 'UTC',
        week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: [['01:00', '24:00']] },
      })
      a.spec.targets![1]!.calendar = 'almost'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'targets', 1, 'calendar'],
        message:
          'the most severe severity "P1" has its resolution target on calendar "almost", which is not open around the clock: a critical incident outside its hours waits for the next opening',
      },
    ])
  })
})

describe('target.tighter-for-more-severe', () => {
  const rule = ruleById('target.tighter-for-more-severe')
  test('fires when P1 gets longer to resolve than P2', () => {
    const a = agreementWith((a) => {
      a.spec.targets![1]!.within = '10h'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'targets', 1, 'within'],
        message:
          'P1 resolution within 10h is longer than P2 resolution within 8h: the more severe ticket gets more time',
      },
    ])
  })
  test('is quiet when they are equal', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.targets![1]!.within = '8h'
      }),
      [],
    )
  })
})

describe('severity.ranks-contiguous', () => {
  const rule = ruleById('severity.ranks-contiguous')
  test('fires on a gap', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.severities![2]!.rank = 4
      }),
      [
        {
          path: ['spec', 'severities', 2, 'rank'],
          message: 'severity "P3" has rank 4, but no severity has rank 3: ranks run 1, 2, 3 … without gaps',
        },
      ],
    )
  })
  test('fires on a rank used twice', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.severities![2]!.rank = 2
      }),
      [
        {
          path: ['spec', 'severities', 2, 'rank'],
          message: 'severity "P3" has rank 2, the same as "P2": each severity needs its own rank',
        },
      ],
    )
  })
  test('is quiet when the ranks are listed out of order', () => {
    assertFindings(
      rule,
      agreementWith((a) => void a.spec.severities!.reverse()),
      [],
    )
  })
})

describe('channel.cover-every-severity', () => {
  const rule = ruleById('channel.cover-every-severity')
  test('fires when no channel takes P3', () => {
    const a = agreementWith((a) => {
      a.spec.channels![0]!.severities = ['P1', 'P2']
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'severities', 2],
        message: 'no channel takes severity "P3": every channel lists its severities and none lists P3',
      },
    ])
  })
  test('is quiet when another channel takes every severity', () => {
    const a = agreementWith((a) => {
      a.spec.channels![0]!.severities = ['P1', 'P2']
      a.spec.channels!.push({ id: 'phone', kind: 'phone', address: '+442079460000', calendar: 'office' })
    })
    assertFindings(rule, a, [])
  })
})
