// Security and privacy: personal data has a processing agreement, breach notification within
// the 72 hours of the GDPR and similar laws, sensitive data is encrypted, and certifications,
// access reviews and penetration tests are kept current.
import { formatDuration } from '../duration.ts'
import { at, durationMs, indexed, lastDone, nextDue, quote } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

const NOTIFICATION_LIMIT = '72h'

const dpaForPersonalData = defineRule({
  id: 'security.dpa-for-personal-data',
  section: 'security',
  level: 'warning',
  when: 'submit',
  description: 'An agreement that processes personal data names its data processing agreement.',
  check: ({ spec }) =>
    spec.security?.personalData === true && spec.security.dpa === undefined
      ? [
          {
            path: at('security'),
            message: 'personal data is processed but no data processing agreement (dpa) is named',
            hint: 'name the DPA in security.dpa, or record why none is needed (for example, a statute)',
          },
        ]
      : [],
})

const breachNotification = defineRule({
  id: 'security.breach-notification',
  section: 'security',
  level: 'warning',
  when: 'submit',
  description: `When personal data is processed, breaches are notified within ${NOTIFICATION_LIMIT}.`,
  check: ({ spec }): Problem[] => {
    const security = spec.security
    if (security?.personalData !== true) return []
    const within = security.incidentNotification
    if (within === undefined) {
      return [
        {
          path: at('security'),
          message: `personal data is processed but incidentNotification is not set: personal data breaches must be notified within ${NOTIFICATION_LIMIT} under the GDPR and similar laws`,
          hint: 'add incidentNotification, e.g. PT24H',
        },
      ]
    }
    if (durationMs(within) <= durationMs(NOTIFICATION_LIMIT)) return []
    return [
      {
        path: at('security', 'incidentNotification'),
        message: `security incidents are notified within ${formatDuration(durationMs(within))}, but personal data breaches must be notified within ${NOTIFICATION_LIMIT} under the GDPR and similar laws`,
      },
    ]
  },
})

/** Why the data needs protecting, if it does. */
function sensitivity(security: { classification: string; personalData: boolean }): string | undefined {
  if (security.personalData) return 'personal data'
  if (security.classification === 'confidential' || security.classification === 'restricted') {
    return `${security.classification} data`
  }
  return undefined
}

function encryptionRule(where: 'inTransit' | 'atRest', level: 'error' | 'warning') {
  const words = where === 'inTransit' ? 'in transit' : 'at rest'
  return defineRule({
    id: `security.encrypted-${where === 'inTransit' ? 'in-transit' : 'at-rest'}`,
    section: 'security',
    level,
    when: 'submit',
    description: `Personal, confidential or restricted data is encrypted ${words}.`,
    check: ({ spec }) => {
      const security = spec.security
      const what = security === undefined ? undefined : sensitivity(security)
      if (what === undefined || security?.encryption?.[where] !== false) return []
      return [
        {
          path: at('security', 'encryption', where),
          message: `the service handles ${what}, but it is not encrypted ${words}`,
        },
      ]
    },
  })
}

const certificationExpired = defineRule({
  id: 'security.certification-expired',
  section: 'security',
  level: 'warning',
  when: 'both',
  description: 'No certification has expired.',
  check: ({ spec }, { today }) =>
    indexed(spec.security?.certifications)
      .filter(([c]) => c.expiry < today)
      .map(([c, i]) => ({
        path: at('security', 'certifications', i, 'expiry'),
        message: `certification ${quote(c.name)} expired on ${c.expiry}`,
        hint: 'renew it and record the new expiry',
      })),
})

const accessReviewOverdue = defineRule({
  id: 'security.access-review-overdue',
  section: 'security',
  level: 'warning',
  when: 'both',
  description: 'The last access review is not older than its cadence.',
  check: (agreement, { today }) => {
    const access = agreement.spec.security?.access
    if (access?.reviewEvery === undefined) return []
    const due = nextDue(agreement, access.lastReview, access.reviewEvery)
    if (due === undefined || due.due >= today) return []
    return [
      {
        path: at('security', 'access', ...(access.lastReview === undefined ? [] : ['lastReview'])),
        message: `access rights ${lastDone(due, 'were last reviewed', 'have not been reviewed')}; with a review every ${access.reviewEvery}, one was due by ${due.due}`,
        hint: 'review who has access and record the date in lastReview',
      },
    ]
  },
})

const pentestOverdue = defineRule({
  id: 'security.pentest-overdue',
  section: 'security',
  level: 'warning',
  when: 'both',
  description: 'The last penetration test is not older than its cadence.',
  check: (agreement, { today }) => {
    const pentest = agreement.spec.security?.pentest
    if (pentest === undefined) return []
    const due = nextDue(agreement, pentest.last, pentest.every)
    if (due === undefined || due.due >= today) return []
    return [
      {
        path: at('security', 'pentest', ...(pentest.last === undefined ? [] : ['last'])),
        message: `the service ${lastDone(due, 'was last penetration-tested', 'has not been penetration-tested')}; with a test every ${pentest.every}, one was due by ${due.due}`,
        hint: 'run a penetration test and record its date in pentest.last',
      },
    ]
  },
})

export const SECURITY_RULES = [
  dpaForPersonalData,
  breachNotification,
  encryptionRule('inTransit', 'error'),
  encryptionRule('atRest', 'warning'),
  certificationExpired,
  accessReviewOverdue,
  pentestOverdue,
]
