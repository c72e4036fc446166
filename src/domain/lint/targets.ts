// The target matrix: every severity has the metrics its kind needs, a first response comes
// before the resolution, the most severe work is measured around the clock, and more severe
// means less time. Severities have distinct, gapless ranks and every one can be reported.
import type { AgreementKind } from '../agreement/schema.ts'
import type { Metric } from '../agreement/sections-service-levels.ts'
import { formatDuration } from '../duration.ts'
import {
  at,
  durationMs,
  hasTarget,
  indexed,
  isRoundTheClock,
  mostSevere,
  quote,
  type Target,
  targetMs,
} from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

const REQUIRED_METRICS: Record<AgreementKind, Metric[]> = {
  ServiceLevelAgreement: ['first_response', 'resolution'],
  SupportPlan: ['first_response', 'resolution'],
  OperationalLevelAgreement: ['resolution'],
  UnderpinningContract: ['resolution'],
}

const requiredMetrics = defineRule({
  id: 'target.required-metrics',
  section: 'targets',
  level: 'error',
  when: 'submit',
  description: 'Every severity has a target for each metric its kind of agreement requires.',
  check: ({ kind, spec }) => {
    const required = REQUIRED_METRICS[kind]
    return indexed(spec.severities).flatMap(([severity, i]) =>
      required
        .filter((metric) => !hasTarget(spec, severity.id, metric))
        .map((metric) => ({
          path: at('severities', i),
          message: `severity ${quote(severity.id)} has no ${metric} target; ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind} needs ${required.join(' and ')} targets for every severity`,
          hint: `add { severity: ${severity.id}, metric: ${metric}, within: …, calendar: … } to spec.targets`,
        })),
    )
  },
})

const sameSeverityAndType = (a: Target, b: Target) =>
  a.severity === b.severity && a.requestType === b.requestType
const label = (t: Target) => `severity ${quote(t.severity)}${t.requestType ? ` (${t.requestType})` : ''}`

const responseBeforeResolution = defineRule({
  id: 'target.response-before-resolution',
  section: 'targets',
  level: 'error',
  when: 'submit',
  description: 'For each severity, the first response is due sooner than the resolution.',
  check: ({ spec }) =>
    indexed(spec.targets).flatMap(([response, i]): Problem[] => {
      if (response.metric !== 'first_response' || response.within === undefined) return []
      const resolution = (spec.targets ?? []).find(
        (t) => t.metric === 'resolution' && sameSeverityAndType(t, response),
      )
      if (resolution?.within === undefined || durationMs(response.within) < durationMs(resolution.within))
        return []
      return [
        {
          path: at('targets', i, 'within'),
          message: `${label(response)}: first response within ${formatDuration(durationMs(response.within))} is not shorter than resolution within ${formatDuration(durationMs(resolution.within))}`,
          hint: 'a first response must come before the resolution; shorten it or lengthen the resolution',
        },
      ]
    }),
})

const mostSevereRoundTheClock = defineRule({
  id: 'target.most-severe-round-the-clock',
  section: 'targets',
  level: 'warning',
  when: 'submit',
  description: 'The targets of the most severe severity run on a calendar that is open around the clock.',
  check: ({ spec }) => {
    const top = new Set(mostSevere(spec).map((s) => s.id))
    return indexed(spec.targets)
      .filter(([t]) => top.has(t.severity) && !isRoundTheClock(spec, t.calendar))
      .map(([t, i]) => ({
        path: at('targets', i, 'calendar'),
        message: `the most severe severity ${quote(t.severity)} has its ${t.metric} target on calendar ${quote(t.calendar)}, which is not open around the clock: a critical incident outside its hours waits for the next opening`,
        hint: `put the ${t.severity} targets on a 24x7 calendar, or confirm that critical incidents may wait`,
      }))
  },
})

const tighterForMoreSevere = defineRule({
  id: 'target.tighter-for-more-severe',
  section: 'targets',
  level: 'warning',
  when: 'submit',
  description: 'For each metric, a more severe severity never gets a longer target than a less severe one.',
  check: ({ spec }) => {
    const rank = new Map((spec.severities ?? []).map((s) => [s.id, s.rank]))
    const byRank = indexed(spec.targets).sort(([a], [b]) => rank.get(a.severity)! - rank.get(b.severity)!)
    return byRank.flatMap(([t, i]): Problem[] => {
      const next = byRank.find(
        ([u]) =>
          u.metric === t.metric &&
          u.requestType === t.requestType &&
          rank.get(u.severity)! > rank.get(t.severity)!,
      )
      const [mine, theirs] = [targetMs(t), next ? targetMs(next[0]) : undefined]
      if (!next || mine === undefined || theirs === undefined || mine <= theirs) return []
      return [
        {
          path: at('targets', i, t.within === undefined ? 'every' : 'within'),
          message: `${t.severity} ${t.metric} within ${formatDuration(mine)} is longer than ${next[0].severity} ${t.metric} within ${formatDuration(theirs)}: the more severe ticket gets more time`,
        },
      ]
    })
  },
})

const ranksContiguous = defineRule({
  id: 'severity.ranks-contiguous',
  section: 'severities',
  level: 'error',
  when: 'submit',
  description: 'Severity ranks are distinct and run 1, 2, 3 … without gaps.',
  check: ({ spec }) => {
    const problems: Problem[] = []
    const seen = new Map<number, string>()
    let previous = 0
    for (const [s, i] of indexed(spec.severities).sort(([a], [b]) => a.rank - b.rank)) {
      const holder = seen.get(s.rank)
      if (holder !== undefined) {
        problems.push({
          path: at('severities', i, 'rank'),
          message: `severity ${quote(s.id)} has rank ${s.rank}, the same as ${quote(holder)}: each severity needs its own rank`,
        })
        continue
      }
      if (s.rank > previous + 1) {
        problems.push({
          path: at('severities', i, 'rank'),
          message: `severity ${quote(s.id)} has rank ${s.rank}, but no severity has rank ${previous + 1}: ranks run 1, 2, 3 … without gaps`,
        })
      }
      seen.set(s.rank, s.id)
      previous = s.rank
    }
    return problems
  },
})

const everySeverityReachable = defineRule({
  id: 'channel.cover-every-severity',
  section: 'channels',
  level: 'error',
  when: 'submit',
  description: 'When channels list the severities they take, every severity is taken by at least one.',
  check: ({ spec }) => {
    const channels = spec.channels ?? []
    if (channels.length === 0) return []
    return indexed(spec.severities)
      .filter(([s]) => !channels.some((c) => c.severities === undefined || c.severities.includes(s.id)))
      .map(([s, i]) => ({
        path: at('severities', i),
        message: `no channel takes severity ${quote(s.id)}: every channel lists its severities and none lists ${s.id}`,
        hint: `add ${s.id} to a channel's severities, or leave severities out so that a channel takes them all`,
      }))
  },
})

export const TARGET_RULES = [
  requiredMetrics,
  responseBeforeResolution,
  mostSevereRoundTheClock,
  tighterForMoreSevere,
  ranksContiguous,
  everySeverityReachable,
]
