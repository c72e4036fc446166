import { describe, test } from 'node:test'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

describe('security.dpa-for-personal-data', () => {
  const rule = ruleById('security.dpa-for-personal-data')
  test('fires when personal data has no processing agreement', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.security!.dpa),
      [
        {
          path: ['spec', 'security'],
          message: 'personal data is processed but no data processing agreement (dpa) is named',
        },
      ],
    )
  })
  test('is quiet without personal data', () => {
    const a = agreementWith((a) => {
      a.spec.security!.personalData = false
      delete a.spec.security!.dpa
    })
    assertFindings(rule, a, [])
  })
})

describe('security.breach-notification', () => {
  const rule = ruleById('security.breach-notification')
  const notify = (within: string | undefined) =>
    agreementWith((a) => {
      if (within === undefined) delete a.spec.security!.incidentNotification
      else a.spec.security!.incidentNotification = within
    })
  test('fires when breaches are notified later than 72 hours', () => {
    assertFindings(rule, notify('P4D'), [
      {
        path: ['spec', 'security', 'incidentNotification'],
        message:
          'security incidents are notified within 4d, but personal data breaches must be notified within 72h under the GDPR and similar laws',
      },
    ])
  })
  test('fires when the notification time is not set', () => {
    assertFindings(rule, notify(undefined), [
      {
        path: ['spec', 'security'],
        message:
          'personal data is processed but incidentNotification is not set: personal data breaches must be notified within 72h under the GDPR and similar laws',
      },
    ])
  })
  test('is quiet at exactly 72 hours', () => {
    assertFindings(rule, notify('PT72H'), [])
  })
})

describe('security.encrypted-in-transit', () => {
  const rule = ruleById('security.encrypted-in-transit')
  test('fires when personal data travels unencrypted', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.security!.encryption!.inTransit = false
      }),
      [
        {
          path: ['spec', 'security', 'encryption', 'inTransit'],
          message: 'the service handles personal data, but it is not encrypted in transit',
        },
      ],
    )
  })
  test('fires for confidential data without personal data', () => {
    const a = agreementWith((a) => {
      a.spec.security!.personalData = false
      a.spec.security!.encryption!.inTransit = false
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'security', 'encryption', 'inTransit'],
        message: 'the service handles confidential data, but it is not encrypted in transit',
      },
    ])
  })
  test('is quiet for internal data', () => {
    const a = agreementWith((a) => {
      a.spec.security!.personalData = false
      a.spec.security!.classification = 'internal'
      a.spec.security!.encryption!.inTransit = false
    })
    assertFindings(rule, a, [])
  })
})

describe('security.encrypted-at-rest', () => {
  const rule = ruleById('security.encrypted-at-rest')
  test('fires when personal data is stored unencrypted', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.security!.encryption!.atRest = false
      }),
      [
        {
          path: ['spec', 'security', 'encryption', 'atRest'],
          message: 'the service handles personal data, but it is not encrypted at rest',
        },
      ],
    )
  })
  test('is quiet when the agreement does not say', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.security!.encryption),
      [],
    )
  })
})

describe('security.certification-expired', () => {
  const rule = ruleById('security.certification-expired')
  test('fires the day after expiry', () => {
    assertFindings(
      rule,
      agreementWith(),
      [
        {
          path: ['spec', 'security', 'certifications', 0, 'expiry'],
          message: 'certification "ISO 27001" expired on 2027-06-30',
        },
      ],
      '2027-07-01',
    )
  })
  test('is quiet on the last day', () => {
    assertFindings(rule, agreementWith(), [], '2027-06-30')
  })
})

describe('security.access-review-overdue', () => {
  const rule = ruleById('security.access-review-overdue')
  test('fires the day after the review was due', () => {
    assertFindings(
      rule,
      agreementWith(),
      [
        {
          path: ['spec', 'security', 'access', 'lastReview'],
          message:
            'access rights were last reviewed on 2026-03-01; with a review every P6M, one was due by 2026-09-01',
        },
      ],
      '2026-09-02',
    )
  })
  test('is quiet on the day it is due', () => {
    assertFindings(rule, agreementWith(), [], '2026-09-01')
  })
})

describe('security.pentest-overdue', () => {
  const rule = ruleById('security.pentest-overdue')
  test('fires a year after the term began when there was never a test', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.security!.pentest!.last),
      [
        {
          path: ['spec', 'security', 'pentest'],
          message:
            'the service has not been penetration-tested since the agreement took effect on 2026-01-01; with a test every P1Y, one was due by 2027-01-01',
        },
      ],
      '2027-01-02',
    )
  })
  test('is quiet on the day it is due', () => {
    assertFindings(rule, agreementWith(), [], '2026-10-01')
  })
})
