import { describe, test } from 'node:test'
import type { Agreement } from '../agreement/schema.ts'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

const criterion = (a: Agreement) => a.spec.release!.acceptanceCriteria![0]!
const suite = (a: Agreement) => a.spec.regressionTests![0]!

describe('release.test-criteria-covered', () => {
  const rule = ruleById('release.test-criteria-covered')
  test('fires when a tested criterion has no suite', () => {
    const a = agreementWith((a) => {
      delete criterion(a).suite
      delete suite(a).covers
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'release', 'acceptanceCriteria', 0],
        message: 'acceptance criterion "ac-core" is checked by a test, but no regression suite covers it',
      },
    ])
  })
  test('is quiet when a suite lists it in covers', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete criterion(a).suite),
      [],
    )
  })
})

describe('release.criterion-owner', () => {
  const rule = ruleById('release.criterion-owner')
  test('fires for a criterion without an owner', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete criterion(a).owner),
      [
        {
          path: ['spec', 'release', 'acceptanceCriteria', 0],
          message: 'acceptance criterion "ac-core" has no owner: nobody is named to judge whether it is met',
        },
      ],
    )
  })
  test('is quiet when it has one', () => {
    assertFindings(rule, agreementWith(), [])
  })
})

describe('release.cab-notice', () => {
  const rule = ruleById('release.cab-notice')
  const lead = (noticeLeadTime: string, cabRequired = true) =>
    agreementWith((a) => {
      a.spec.release!.noticeLeadTime = noticeLeadTime
      a.spec.release!.changeApproval!.cabRequired = cabRequired
    })
  test('fires when a change board gets four hours', () => {
    assertFindings(rule, lead('4h'), [
      {
        path: ['spec', 'release', 'noticeLeadTime'],
        message:
          'releases need change board approval but are announced only 4h ahead: the board cannot meet in time',
      },
    ])
  })
  test('is quiet at a day', () => {
    assertFindings(rule, lead('PT24H'), [])
  })
  test('is quiet without a change board', () => {
    assertFindings(rule, lead('4h', false), [])
  })
})

describe('release.per-release-suite', () => {
  const rule = ruleById('release.per-release-suite')
  test('fires when scheduled releases have only a nightly suite', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        suite(a).trigger = 'nightly'
      }),
      [
        {
          path: ['spec', 'release', 'cadence'],
          message: 'releases are made every P3M, but no regression suite runs per release or per change',
        },
      ],
    )
  })
  test('is quiet for releases on demand', () => {
    const a = agreementWith((a) => {
      suite(a).trigger = 'nightly'
      a.spec.release!.cadence = 'on-demand'
    })
    assertFindings(rule, a, [])
  })
})

describe('regression.last-run-recent', () => {
  const rule = ruleById('regression.last-run-recent')
  const lastRun = (trigger: 'nightly' | 'weekly', date: string) =>
    agreementWith((a) => {
      suite(a).trigger = trigger
      suite(a).lastRunAt = date
    })
  test('fires when a nightly suite last ran three days ago', () => {
    assertFindings(rule, lastRun('nightly', '2026-05-29'), [
      {
        path: ['spec', 'regressionTests', 0, 'lastRunAt'],
        message:
          'regression suite "rt-core" runs nightly but last ran on 2026-05-29, 3 days before 2026-06-01',
      },
    ])
  })
  test('is quiet two days after', () => {
    assertFindings(rule, lastRun('nightly', '2026-05-30'), [])
  })
  test('fires when a weekly suite last ran nine days ago, and is quiet at eight', () => {
    assertFindings(rule, lastRun('weekly', '2026-05-23'), [
      {
        path: ['spec', 'regressionTests', 0, 'lastRunAt'],
        message:
          'regression suite "rt-core" runs weekly but last ran on 2026-05-23, 9 days before 2026-06-01',
      },
    ])
    assertFindings(rule, lastRun('weekly', '2026-05-24'), [])
  })
})
