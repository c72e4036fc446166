import { describe, test } from 'node:test'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

describe('backup.interval-within-rpo', () => {
  const rule = ruleById('backup.interval-within-rpo')
  test('fires when the most frequent backup of a scope is less frequent than the RPO', () => {
    const a = agreementWith((a) => {
      a.spec.backups!.splice(1, 1)
      a.spec.backups![0]!.interval = '7d'
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'backups', 0, 'interval'],
        message:
          'backup "b-daily" runs every 7d, longer than the RPO of 15m: a disaster could lose more data than agreed',
      },
    ])
  })
  test('is quiet when another backup of the scope runs exactly as often as the RPO', () => {
    assertFindings(rule, agreementWith(), [])
  })
})

describe('backup.offsite-copy', () => {
  const rule = ruleById('backup.offsite-copy')
  test('fires when no backup of a scope is off site', () => {
    assertFindings(
      rule,
      agreementWith((a) => {
        a.spec.backups![0]!.offsite = false
      }),
      [
        {
          path: ['spec', 'backups', 0, 'offsite'],
          message:
            'no backup of "db-main" is kept off site: one fire, flood or break-in at the site could take the data and every copy',
        },
      ],
    )
  })
  test('is quiet when one of the backups of the scope is off site', () => {
    assertFindings(rule, agreementWith(), [])
  })
})

describe('backup.restore-test-cadence', () => {
  const rule = ruleById('backup.restore-test-cadence')
  test('fires when a backup has no restore test cadence', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.backups![1]!.restoreTestEvery),
      [
        {
          path: ['spec', 'backups', 1],
          message:
            'backup "b-wal" has no restoreTestEvery: a backup that is never restored in a test may fail when it is needed',
        },
      ],
    )
  })
  test('is quiet when every backup has one', () => {
    assertFindings(rule, agreementWith(), [])
  })
})

describe('backup.restore-test-overdue', () => {
  const rule = ruleById('backup.restore-test-overdue')
  const lateWal = agreementWith((a) => {
    a.spec.backups![1]!.lastRestoreTest = '2026-07-01'
  })
  test('fires the day after the test was due', () => {
    assertFindings(
      rule,
      lateWal,
      [
        {
          path: ['spec', 'backups', 0, 'lastRestoreTest'],
          message:
            'backup "b-daily" was last restored in a test on 2026-04-15; with a test every P3M, one was due by 2026-07-15',
        },
      ],
      '2026-07-16',
    )
  })
  test('is quiet on the day it is due', () => {
    assertFindings(rule, lateWal, [], '2026-07-15')
  })
  test('counts from the start of the term when there was never a test', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.backups![0]!.lastRestoreTest),
      [
        {
          path: ['spec', 'backups', 0],
          message:
            'backup "b-daily" has not been restored in a test since the agreement took effect on 2026-01-01; with a test every P3M, one was due by 2026-04-01',
        },
      ],
    )
  })
})

describe('backup.retention-covers-interval', () => {
  const rule = ruleById('backup.retention-covers-interval')
  const monthly = (interval: string) =>
    agreementWith((a) => {
      a.spec.backups![0]!.retention = 'P1M'
      a.spec.backups![0]!.interval = interval
    })
  test('fires when a month of retention can be shorter than the interval', () => {
    assertFindings(rule, monthly('30d'), [
      {
        path: ['spec', 'backups', 0, 'retention'],
        message: 'backup "b-daily" is kept for P1M but runs every 30d: for part of each cycle no copy exists',
      },
    ])
  })
  test('is quiet when even February keeps a copy until the next run', () => {
    assertFindings(rule, monthly('28d'), [])
  })
})

describe('backup.last-success-recent', () => {
  const rule = ruleById('backup.last-success-recent')
  const lastSuccess = (date: string) =>
    agreementWith((a) => {
      a.spec.backups![0]!.lastSuccessAt = date
    })
  test('fires when a daily backup last succeeded three days ago', () => {
    assertFindings(rule, lastSuccess('2026-05-29'), [
      {
        path: ['spec', 'backups', 0, 'lastSuccessAt'],
        message:
          'backup "b-daily" last succeeded on 2026-05-29, 3 days before 2026-06-01, though it runs every 1d: runs are failing or not being recorded',
      },
    ])
  })
  test('is quiet two days after, twice its interval', () => {
    assertFindings(rule, lastSuccess('2026-05-30'), [])
  })
})

describe('backup.encrypted-personal-data', () => {
  const rule = ruleById('backup.encrypted-personal-data')
  test('fires when a backup of personal data is not marked encrypted', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.backups![1]!.encrypted),
      [
        {
          path: ['spec', 'backups', 1],
          message: 'backup "b-wal" holds personal data from "db-main" but is not marked encrypted',
        },
      ],
    )
  })
  test('fires for a backup of a service when the agreement processes personal data', () => {
    const a = agreementWith((a) => {
      a.spec.backups!.push({
        id: 'b-app',
        scope: 'app',
        type: 'snapshot',
        interval: '1d',
        retention: 'P7D',
        offsite: true,
      })
    })
    assertFindings(rule, a, [
      {
        path: ['spec', 'backups', 2],
        message: 'backup "b-app" holds personal data from "app" but is not marked encrypted',
      },
    ])
  })
  test('is quiet for an unencrypted backup of a database without personal data', () => {
    const a = agreementWith((a) => {
      a.spec.environment!.databases![0]!.personalData = false
      a.spec.backups![1]!.encrypted = false
    })
    assertFindings(rule, a, [])
  })
})

describe('disaster-recovery.test-cadence', () => {
  const rule = ruleById('disaster-recovery.test-cadence')
  test('fires when the plan has no test cadence', () => {
    assertFindings(
      rule,
      agreementWith((a) => void delete a.spec.disasterRecovery!.testEvery),
      [
        {
          path: ['spec', 'disasterRecovery'],
          message:
            'the disaster recovery plan has no testEvery: a plan that is never tested may fail when it is needed',
        },
      ],
    )
  })
  test('is quiet when it has one', () => {
    assertFindings(rule, agreementWith(), [])
  })
})

describe('disaster-recovery.test-overdue', () => {
  const rule = ruleById('disaster-recovery.test-overdue')
  const lastTest = (date: string) =>
    agreementWith((a) => {
      a.spec.disasterRecovery!.lastTest = date
    })
  test('fires the day after a yearly test was due', () => {
    assertFindings(rule, lastTest('2025-05-31'), [
      {
        path: ['spec', 'disasterRecovery', 'lastTest'],
        message:
          'the disaster recovery plan was last tested on 2025-05-31; with a test every P1Y, one was due by 2026-05-31',
      },
    ])
  })
  test('is quiet on the day it is due', () => {
    assertFindings(rule, lastTest('2025-06-01'), [])
  })
})
