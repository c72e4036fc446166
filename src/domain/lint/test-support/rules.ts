// Finding a rule by id in a test, so that a renamed rule fails loudly.
import { LINT_RULES } from '../index.ts'
import type { LintRule } from '../rule.ts'

export function ruleById(id: string): LintRule {
  const rule = LINT_RULES.find((r) => r.id === id)
  if (!rule) throw new Error(`no lint rule "${id}"`)
  return rule
}
