// Backups and disaster recovery: the most frequent backup of each scope meets the RPO, a copy
// is kept off site, restores are tested on a cadence, copies outlive the gap between runs,
// and backups of personal data are encrypted.
import { formatDuration } from '../duration.ts'
import { daysBetween, parsePeriod, shortestSpanDays } from '../period.ts'
import { DAY } from '../time-zone.ts'
import { at, durationMs, holdsPersonalData, indexed, lastDone, nextDue, quote, type Spec } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

type Backup = NonNullable<Spec['backups']>[number]

/** The backups of each scope (a database or a service), in the order listed. */
function byScope(spec: Spec): Map<string, [Backup, number][]> {
  const scopes = new Map<string, [Backup, number][]>()
  for (const entry of indexed(spec.backups)) {
    scopes.set(entry[0].scope, [...(scopes.get(entry[0].scope) ?? []), entry])
  }
  return scopes
}

const intervalWithinRpo = defineRule({
  id: 'backup.interval-within-rpo',
  section: 'backups',
  level: 'error',
  when: 'submit',
  description:
    'The most frequent backup of each scope runs at least as often as the recovery point objective.',
  check: ({ spec }) => {
    const rpo = spec.disasterRecovery?.rpo
    if (rpo === undefined) return []
    return [...byScope(spec)].flatMap(([scope, backups]): Problem[] => {
      const [best, i] = backups.reduce((a, b) =>
        durationMs(b[0].interval) < durationMs(a[0].interval) ? b : a,
      )
      if (durationMs(best.interval) <= durationMs(rpo)) return []
      return [
        {
          path: at('backups', i, 'interval'),
          message: `backup ${quote(best.id)} runs every ${formatDuration(durationMs(best.interval))}, longer than the RPO of ${formatDuration(durationMs(rpo))}: a disaster could lose more data than agreed`,
          hint: `no backup of ${quote(scope)} runs at least every ${formatDuration(durationMs(rpo))}; back it up more often or agree a longer RPO`,
        },
      ]
    })
  },
})

const offsiteCopy = defineRule({
  id: 'backup.offsite-copy',
  section: 'backups',
  level: 'warning',
  when: 'submit',
  description: 'Each scope has at least one backup kept off site.',
  check: ({ spec }) =>
    [...byScope(spec)]
      .filter(([, backups]) => !backups.some(([b]) => b.offsite))
      .map(([scope, backups]) => ({
        path: at('backups', backups[0]![1], 'offsite'),
        message: `no backup of ${quote(scope)} is kept off site: one fire, flood or break-in at the site could take the data and every copy`,
        hint: 'keep at least one copy off site (3-2-1: three copies, on two media, one off site)',
      })),
})

const restoreTestCadence = defineRule({
  id: 'backup.restore-test-cadence',
  section: 'backups',
  level: 'error',
  when: 'submit',
  description: 'Every backup says how often a restore from it is tested.',
  check: ({ spec }) =>
    indexed(spec.backups)
      .filter(([b]) => b.restoreTestEvery === undefined)
      .map(([b, i]) => ({
        path: at('backups', i),
        message: `backup ${quote(b.id)} has no restoreTestEvery: a backup that is never restored in a test may fail when it is needed`,
        hint: 'add restoreTestEvery, e.g. P3M',
      })),
})

const restoreTestOverdue = defineRule({
  id: 'backup.restore-test-overdue',
  section: 'backups',
  level: 'warning',
  when: 'both',
  description: 'The last restore test of each backup is not older than its cadence.',
  check: (agreement, { today }) =>
    indexed(agreement.spec.backups).flatMap(([b, i]): Problem[] => {
      if (b.restoreTestEvery === undefined) return []
      const due = nextDue(agreement, b.lastRestoreTest, b.restoreTestEvery)
      if (due === undefined || due.due >= today) return []
      const history = lastDone(due, 'was last restored in a test', 'has not been restored in a test')
      return [
        {
          path: at('backups', i, ...(b.lastRestoreTest === undefined ? [] : ['lastRestoreTest'])),
          message: `backup ${quote(b.id)} ${history}; with a test every ${b.restoreTestEvery}, one was due by ${due.due}`,
          hint: 'run a restore test and record its date in lastRestoreTest',
        },
      ]
    }),
})

/** The shortest time a copy is kept, in ms: months are at their shortest. */
function retentionMs(retention: string): number {
  const period = parsePeriod(retention)!
  return period.months === 0 ? period.days * DAY + period.ms : shortestSpanDays(period) * DAY
}

const retentionCoversInterval = defineRule({
  id: 'backup.retention-covers-interval',
  section: 'backups',
  level: 'error',
  when: 'submit',
  description: 'A backup is kept at least until the next one runs.',
  check: ({ spec }) =>
    indexed(spec.backups)
      .filter(([b]) => retentionMs(b.retention) < durationMs(b.interval))
      .map(([b, i]) => ({
        path: at('backups', i, 'retention'),
        message: `backup ${quote(b.id)} is kept for ${b.retention} but runs every ${formatDuration(durationMs(b.interval))}: for part of each cycle no copy exists`,
      })),
})

const lastSuccessRecent = defineRule({
  id: 'backup.last-success-recent',
  section: 'backups',
  level: 'warning',
  when: 'both',
  description:
    'A backup whose last success is recorded succeeded within twice its interval (at least a day).',
  check: ({ spec }, { today }) =>
    indexed(spec.backups).flatMap(([b, i]): Problem[] => {
      if (b.lastSuccessAt === undefined) return []
      // The date has no time of day, so a day's slack is allowed.
      const allowed = Math.max(1, Math.ceil((2 * durationMs(b.interval)) / DAY))
      const age = daysBetween(b.lastSuccessAt, today)
      if (age <= allowed) return []
      return [
        {
          path: at('backups', i, 'lastSuccessAt'),
          message: `backup ${quote(b.id)} last succeeded on ${b.lastSuccessAt}, ${age} days before ${today}, though it runs every ${formatDuration(durationMs(b.interval))}: runs are failing or not being recorded`,
        },
      ]
    }),
})

const encryptedPersonalData = defineRule({
  id: 'backup.encrypted-personal-data',
  section: 'backups',
  level: 'warning',
  when: 'submit',
  description: 'Backups of personal data are encrypted.',
  check: ({ spec }) =>
    indexed(spec.backups)
      .filter(([b]) => b.encrypted !== true && holdsPersonalData(spec, b.scope))
      .map(([b, i]) => ({
        path: at('backups', i),
        message: `backup ${quote(b.id)} holds personal data from ${quote(b.scope)} but is not marked encrypted`,
        hint: 'encrypt it and set encrypted: true',
      })),
})

const drTestCadence = defineRule({
  id: 'disaster-recovery.test-cadence',
  section: 'disasterRecovery',
  level: 'warning',
  when: 'submit',
  description: 'The disaster recovery plan says how often it is tested.',
  check: ({ spec }) =>
    spec.disasterRecovery !== undefined && spec.disasterRecovery.testEvery === undefined
      ? [
          {
            path: at('disasterRecovery'),
            message:
              'the disaster recovery plan has no testEvery: a plan that is never tested may fail when it is needed',
            hint: 'add testEvery, e.g. P1Y',
          },
        ]
      : [],
})

const drTestOverdue = defineRule({
  id: 'disaster-recovery.test-overdue',
  section: 'disasterRecovery',
  level: 'warning',
  when: 'both',
  description: 'The last disaster recovery test is not older than its cadence.',
  check: (agreement, { today }) => {
    const dr = agreement.spec.disasterRecovery
    if (dr?.testEvery === undefined) return []
    const due = nextDue(agreement, dr.lastTest, dr.testEvery)
    if (due === undefined || due.due >= today) return []
    return [
      {
        path: at('disasterRecovery', ...(dr.lastTest === undefined ? [] : ['lastTest'])),
        message: `the disaster recovery plan ${lastDone(due, 'was last tested', 'has not been tested')}; with a test every ${dr.testEvery}, one was due by ${due.due}`,
        hint: 'run a disaster recovery test and record its date in lastTest',
      },
    ]
  },
})

export const BACKUP_RULES = [
  intervalWithinRpo,
  offsiteCopy,
  restoreTestCadence,
  restoreTestOverdue,
  retentionCoversInterval,
  lastSuccessRecent,
  encryptedPersonalData,
  drTestCadence,
  drTestOverdue,
]
