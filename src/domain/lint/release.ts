// Releases, acceptance and regression tests: every tested criterion has a suite and an owner,
// a change board gets time to meet, scheduled releases have a per-release suite, and suites
// run as often as they promise.
import { formatDuration } from '../duration.ts'
import { daysBetween } from '../period.ts'
import { HOUR } from '../time-zone.ts'
import { at, durationMs, indexed, quote } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

const testCriteriaCovered = defineRule({
  id: 'release.test-criteria-covered',
  section: 'release',
  level: 'error',
  when: 'submit',
  description: 'Every acceptance criterion met by a test is covered by a regression suite.',
  check: ({ spec }) =>
    indexed(spec.release?.acceptanceCriteria)
      .filter(
        ([c]) =>
          c.method === 'test' &&
          c.suite === undefined &&
          !(spec.regressionTests ?? []).some((s) => s.covers?.includes(c.id)),
      )
      .map(([c, i]) => ({
        path: at('release', 'acceptanceCriteria', i),
        message: `acceptance criterion ${quote(c.id)} is checked by a test, but no regression suite covers it`,
        hint: `set suite on the criterion, or add ${c.id} to a suite's covers`,
      })),
})

const criterionOwner = defineRule({
  id: 'release.criterion-owner',
  section: 'release',
  level: 'error',
  when: 'submit',
  description: 'Every acceptance criterion names who judges it.',
  check: ({ spec }) =>
    indexed(spec.release?.acceptanceCriteria)
      .filter(([c]) => c.owner === undefined)
      .map(([c, i]) => ({
        path: at('release', 'acceptanceCriteria', i),
        message: `acceptance criterion ${quote(c.id)} has no owner: nobody is named to judge whether it is met`,
        hint: 'add owner: the id of a contact',
      })),
})

const CAB_LEAD_TIME = 24 * HOUR

const cabNotice = defineRule({
  id: 'release.cab-notice',
  section: 'release',
  level: 'warning',
  when: 'submit',
  description: `When a change board must approve releases, they are announced at least ${formatDuration(CAB_LEAD_TIME)} ahead.`,
  check: ({ spec: { release } }): Problem[] => {
    if (release?.changeApproval?.cabRequired !== true || release.noticeLeadTime === undefined) return []
    const lead = durationMs(release.noticeLeadTime)
    if (lead >= CAB_LEAD_TIME) return []
    return [
      {
        path: at('release', 'noticeLeadTime'),
        message: `releases need change board approval but are announced only ${formatDuration(lead)} ahead: the board cannot meet in time`,
        hint: `give at least ${formatDuration(CAB_LEAD_TIME)} of notice`,
      },
    ]
  },
})

const perReleaseSuite = defineRule({
  id: 'release.per-release-suite',
  section: 'regressionTests',
  level: 'warning',
  when: 'submit',
  description: 'Scheduled releases have a regression suite that runs for each release or change.',
  check: ({ spec }): Problem[] => {
    const cadence = spec.release?.cadence
    if (cadence === undefined || cadence === 'on-demand') return []
    const suites = spec.regressionTests ?? []
    if (suites.some((s) => s.trigger === 'per-release' || s.trigger === 'per-change')) return []
    return [
      {
        path: at('release', 'cadence'),
        message: `releases are made every ${cadence}, but no regression suite runs per release or per change`,
        hint: 'add a suite with trigger: per-release',
      },
    ]
  },
})

/** Days a suite may go without a run; the date has no time of day, so a day's slack. */
const ALLOWED_DAYS = { nightly: 2, weekly: 8 } as const

const lastRunRecent = defineRule({
  id: 'regression.last-run-recent',
  section: 'regressionTests',
  level: 'warning',
  when: 'both',
  description: 'A nightly or weekly regression suite has run within its period.',
  check: ({ spec }, { today }) =>
    indexed(spec.regressionTests).flatMap(([s, i]): Problem[] => {
      if (s.lastRunAt === undefined || (s.trigger !== 'nightly' && s.trigger !== 'weekly')) return []
      const age = daysBetween(s.lastRunAt, today)
      if (age <= ALLOWED_DAYS[s.trigger]) return []
      return [
        {
          path: at('regressionTests', i, 'lastRunAt'),
          message: `regression suite ${quote(s.id)} runs ${s.trigger} but last ran on ${s.lastRunAt}, ${age} days before ${today}`,
        },
      ]
    }),
})

export const RELEASE_RULES = [testCriteriaCovered, criterionOwner, cabNotice, perReleaseSuite, lastRunRecent]
