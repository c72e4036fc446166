// Escalation and problem referral: levels call in more people later, on clocks that exist,
// before the breach, and the most severe incidents escalate at all.
import type { Metric } from '../agreement/sections-service-levels.ts'
import { at, comparePercent, hasTarget, indexed, mostSevere, quote, type Spec } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

type Level = NonNullable<Spec['escalation']>[number]
type Chain = { severity: string; metric: Metric; levels: [Level, number][] }

/** The escalation levels that watch each severity's metric, lowest level first. */
function chains(spec: Spec): Chain[] {
  const found = new Map<string, Chain>()
  for (const [level, i] of indexed(spec.escalation)) {
    for (const severity of level.severities) {
      const key = `${severity}\u0000${level.metric}`
      const chain = found.get(key) ?? { severity, metric: level.metric, levels: [] }
      chain.levels.push([level, i])
      found.set(key, chain)
    }
  }
  for (const chain of found.values()) chain.levels.sort(([a], [b]) => a.level - b.level)
  return [...found.values()]
}

const increasing = defineRule({
  id: 'escalation.increasing',
  section: 'escalation',
  level: 'error',
  when: 'submit',
  description: 'For each severity and metric, each escalation level comes later than the one before.',
  check: ({ spec }) =>
    chains(spec).flatMap(({ severity, metric, levels }) =>
      levels.slice(1).flatMap(([level, i], k): Problem[] => {
        const [before] = levels[k]!
        if (comparePercent(level.at, before.at) > 0) return []
        return [
          {
            path: at('escalation', i, 'at'),
            message: `escalation level ${level.level} for ${severity} ${metric} is at ${level.at}, not later than level ${before.level} at ${before.at}`,
            hint: 'each level must fire at a higher percentage of the target than the one before',
          },
        ]
      }),
    ),
})

const watchesATarget = defineRule({
  id: 'escalation.metric-has-target',
  section: 'escalation',
  level: 'error',
  when: 'submit',
  description:
    'An escalation level watches only clocks that exist: the severity has a target for the metric.',
  check: ({ spec }) =>
    indexed(spec.escalation).flatMap(([level, i]) =>
      indexed(level.severities)
        .filter(([severity]) => !hasTarget(spec, severity, level.metric))
        .map(([severity, j]) => ({
          path: at('escalation', i, 'severities', j),
          message: `escalation level ${level.level} watches the ${level.metric} of ${quote(severity)}, which has no ${level.metric} target: it can never fire`,
        })),
    ),
})

const firstBeforeBreach = defineRule({
  id: 'escalation.first-before-breach',
  section: 'escalation',
  level: 'warning',
  when: 'submit',
  description: 'The first escalation of each severity and metric fires before the target is breached.',
  check: ({ spec }) =>
    chains(spec).flatMap(({ severity, metric, levels }): Problem[] => {
      const [first, i] = levels[0]!
      if (comparePercent(first.at, '100%') <= 0) return []
      return [
        {
          path: at('escalation', i, 'at'),
          message: `the first escalation for ${severity} ${metric} is at ${first.at}: nobody is told before the target is breached`,
          hint: 'add a level that fires before 100%, e.g. at: 75%',
        },
      ]
    }),
})

const mostSevereEscalates = defineRule({
  id: 'escalation.most-severe-covered',
  section: 'escalation',
  level: 'warning',
  when: 'submit',
  description: 'The most severe severity has at least one escalation level.',
  check: ({ spec }) => {
    const top = new Set(mostSevere(spec).map((s) => s.id))
    return indexed(spec.severities)
      .filter(([s]) => top.has(s.id) && !(spec.escalation ?? []).some((l) => l.severities.includes(s.id)))
      .map(([s, i]) => ({
        path: at('severities', i),
        message: `the most severe severity ${quote(s.id)} has no escalation level: nobody is called in when its targets are at risk`,
        hint: `add a level to spec.escalation with severities: [${s.id}]`,
      }))
  },
})

const referralOrdered = defineRule({
  id: 'referral.levels-ordered',
  section: 'referral',
  level: 'error',
  when: 'submit',
  description: 'Problem referral levels numbered L1, L2, L3 … are listed in that order.',
  check: ({ spec }) => {
    const problems: Problem[] = []
    let previous: { level: string; n: number } | undefined
    for (const [r, i] of indexed(spec.referral)) {
      const n = /^L(\d+)$/i.exec(r.level)?.[1]
      if (n === undefined) continue
      if (previous && Number(n) <= previous.n) {
        problems.push({
          path: at('referral', i, 'level'),
          message: `referral level ${quote(r.level)} is listed after ${quote(previous.level)}: list the levels in order, lowest first`,
        })
      }
      previous = { level: r.level, n: Number(n) }
    }
    return problems
  },
})

export const ESCALATION_RULES = [
  increasing,
  watchesATarget,
  firstBeforeBreach,
  mostSevereEscalates,
  referralOrdered,
]
