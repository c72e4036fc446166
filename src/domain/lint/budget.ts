// Budgets: one currency, and every line's period inside the term.
import { at, indexed, quote } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

const singleCurrency = defineRule({
  id: 'budget.single-currency',
  section: 'budget',
  level: 'error',
  when: 'submit',
  description: 'All budget lines are in one currency.',
  check: ({ spec }) => {
    const first = spec.budget?.[0]
    return indexed(spec.budget)
      .filter(([line]) => first !== undefined && line.currency !== first.currency)
      .map(([line, i]) => ({
        path: at('budget', i, 'currency'),
        message: `budget line ${quote(line.id)} is in ${line.currency}, but the budget is in ${first!.currency} (from ${quote(first!.id)}): totals cannot be added up`,
      }))
  },
})

const withinTerm = defineRule({
  id: 'budget.period-within-term',
  section: 'budget',
  level: 'error',
  when: 'submit',
  description: 'Every budget period runs forwards and falls inside the term.',
  check: ({ spec }) => {
    const term = spec.term
    return indexed(spec.budget).flatMap(([line, i]): Problem[] => {
      const { from, to } = line.period
      const path = at('budget', i, 'period')
      if (to < from)
        return [{ path, message: `budget line ${quote(line.id)} ends on ${to}, before it begins on ${from}` }]
      if (term === undefined) return []
      const end = term.effectiveTo
      if (from >= term.effectiveFrom && (end === undefined || to <= end)) return []
      return [
        {
          path,
          message: `budget line ${quote(line.id)} runs from ${from} to ${to}, outside the term (${term.effectiveFrom} to ${end ?? 'open-ended'})`,
        },
      ]
    })
  },
})

export const BUDGET_RULES = [singleCurrency, withinTerm]
