// Service credits: worse performance never earns a smaller credit, no credit exceeds the cap,
// credits apply to targets that exist, and a tier pays only when its objective is missed.
import { at, comparePercent, hasTarget, indexed, quote, type Spec } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

type Tier = NonNullable<NonNullable<Spec['credits']>['availability']>[number]

const bound = (t: Tier) => (t.below ?? t.atOrBelow)!
const tierLabel = (t: Tier) => (t.below !== undefined ? `below ${t.below}` : `at or below ${t.atOrBelow}`)

/** Positive when tier a covers worse availability than tier b (its range is inside b's). */
function worse(a: Tier, b: Tier): number {
  const byBound = comparePercent(bound(b), bound(a))
  if (byBound !== 0) return byBound
  return (a.below !== undefined ? 1 : 0) - (b.below !== undefined ? 1 : 0)
}

const tiersMonotonic = defineRule({
  id: 'credit.tiers-monotonic',
  section: 'credits',
  level: 'error',
  when: 'submit',
  description: 'For each objective, worse availability earns at least the credit of better availability.',
  check: ({ spec }) => {
    const tiers = indexed(spec.credits?.availability)
    return tiers.flatMap(([tier, i]): Problem[] => {
      const milder = tiers.filter(([t]) => t.objective === tier.objective && worse(tier, t) > 0)
      const best = milder.find(([t]) => comparePercent(t.credit, tier.credit) > 0)
      if (best === undefined) return []
      return [
        {
          path: at('credits', 'availability', i, 'credit'),
          message: `credit tier ${tierLabel(tier)} for ${quote(tier.objective)} gives ${tier.credit}, less than the ${best[0].credit} of the milder tier ${tierLabel(best[0])}: worse availability must not earn a smaller credit`,
        },
      ]
    })
  },
})

const withinCap = defineRule({
  id: 'credit.within-cap',
  section: 'credits',
  level: 'error',
  when: 'submit',
  description: 'No credit is larger than the cap.',
  check: ({ spec }) => {
    const cap = spec.credits?.cap
    if (cap === undefined) return []
    const over = (credit: string) => comparePercent(credit, cap) > 0
    const tiers = indexed(spec.credits?.availability)
      .filter(([t]) => over(t.credit))
      .map(([t, i]) => ({
        path: at('credits', 'availability', i, 'credit'),
        message: `credit tier ${tierLabel(t)} for ${quote(t.objective)} gives ${t.credit}, above the cap of ${cap}: it can never be paid in full`,
      }))
    const targets = indexed(spec.credits?.targets)
      .filter(([t]) => over(t.credit))
      .map(([t, i]) => ({
        path: at('credits', 'targets', i, 'credit'),
        message: `the credit for ${t.severity} ${t.metric} gives ${t.credit}, above the cap of ${cap}: it can never be paid in full`,
      }))
    return [...tiers, ...targets]
  },
})

const targetExists = defineRule({
  id: 'credit.target-exists',
  section: 'credits',
  level: 'error',
  when: 'submit',
  description: 'A credit for a missed target refers to a target the agreement sets.',
  check: ({ spec }) =>
    indexed(spec.credits?.targets)
      .filter(([c]) => !hasTarget(spec, c.severity, c.metric))
      .map(([c, i]) => ({
        path: at('credits', 'targets', i),
        message: `the credit for ${c.severity} ${c.metric} can never apply: ${quote(c.severity)} has no ${c.metric} target`,
      })),
})

const paysOnlyOnMiss = defineRule({
  id: 'credit.tier-below-objective',
  section: 'credits',
  level: 'warning',
  when: 'submit',
  description: 'A credit tier applies only when availability misses its objective.',
  check: ({ spec }) =>
    indexed(spec.credits?.availability).flatMap(([tier, i]): Problem[] => {
      const objective = (spec.availability ?? []).find((o) => o.id === tier.objective)
      if (objective === undefined) return []
      const against = comparePercent(bound(tier), objective.target)
      if (against < 0 || (against === 0 && tier.below !== undefined)) return []
      return [
        {
          path: at('credits', 'availability', i),
          message: `credit tier ${tierLabel(tier)} pays out even when objective ${quote(objective.id)} meets its target of ${objective.target}`,
          hint: `use below: ${objective.target} or a lower bound`,
        },
      ]
    }),
})

export const CREDIT_RULES = [tiersMonotonic, withinCap, targetExists, paysOnlyOnMiss]
