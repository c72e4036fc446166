import { describe, test } from 'node:test'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

describe('escalation.increasing', () => {
  const rule = ruleById('escalation.increasing')
  test('fires when level 2 is not later than level 1', () => {
    const a = agreementWith((a) => {
      a.spec.escalation![1]!.at = '50%'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'escalation', 1, 'at'],
        message: 'escalation level 2 for P1 resolution is at 50%, not later than level 1 at 50%',
      },
    ])
  })
  test('is quiet when the levels are listed in reverse but increase', () => {
    const a = agreementWith((a) => {
      a.spec.escalation!.reverse()
      a.spec.escalation![0]!.at = '50.01%'
    })
    assertFindings(rule, a, [])
  })
})

describe('escalation.metric-has-target', () => {
  const rule = ruleById('escalation.metric-has-target')
  test('fires when a level watches a metric its severities have no target for', () => {
    const a = agreementWith((a) => {
      a.spec.escalation![0]!.metric = 'periodic_update'
    })
    const message = (s: string) =>
      `escalation level 1 watches the periodic_update of "${s}", which has no periodic_update target: it can never fire`
    assertFindings(rule, a, [
      { path: ['spec', 'escalation', 0, 'severities', 0], message: message('P1') },
      { path: ['spec', 'escalation', 0, 'severities', 1], message: message('P2') },
    ])
  })
  test('is quiet when the targets exist', () => {
    const a = agreementWith((a) => {
      a.spec.escalation![0]!.metric = 'periodic_update'
      for (const severity of ['P1', 'P2']) {
        a.spec.targets!.push({ severity, metric: 'periodic_update', every: '1h', calendar: 'always' })
      }
    })
    assertFindings(rule, a, [])
  })
})

describe('escalation.first-before-breach', () => {
  const rule = ruleById('escalation.first-before-breach')
  test('fires when the first level comes after the breach', () => {
    const a = agreementWith((a) => {
      a.spec.escalation![0]!.at = '150%'
      a.spec.escalation![1]!.at = '200%'
    })
    const message = (s: string) =>
      `the first escalation for ${s} resolution is at 150%: nobody is told before the target is breached`
    assertFindings(rule, a, [
      { path: ['spec', 'escalation', 0, 'at'], message: message('P1') },
      { path: ['spec', 'escalation', 0, 'at'], message: message('P2') },
    ])
  })
  test('is quiet when the first level fires at the breach', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.escalation![0]!.at = '100%'
      }),
      [],
    )
  })
})

describe('escalation.most-severe-covered', () => {
  const rule = ruleById('escalation.most-severe-covered')
  test('fires when no level includes P1', () => {
    const a = agreementWith((a) => {
      a.spec.escalation![0]!.severities = ['P2']
      a.spec.escalation![1]!.severities = ['P2']
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'severities', 0],
        message:
          'the most severe severity "P1" has no escalation level: nobody is called in when its targets are at risk',
      },
    ])
  })
  test('is quiet when only a later level includes P1', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.escalation![0]!.severities = ['P2']
      }),
      [],
    )
  })
})

describe('referral.levels-ordered', () => {
  const rule = ruleById('referral.levels-ordered')
  test('fires when L1 is listed after L2', () => {
    assertFindings(
      rule,
      agreementWith((a) => void a.spec.referral!.reverse()),
      [
        {
          path: ['spec', 'referral', 1, 'level'],
          message: 'referral level "L1" is listed after "L2": list the levels in order, lowest first',
        },
      ],
    )
  })
  test('is quiet with a named level after the numbered ones', () => {
    const a = agreementWith((a) => void a.spec.referral!.push({ level: 'vendor', contact: 'c-prov' }))
    assertFindings(rule, a, [])
  })
})
