// A lint rule: a pure check over an agreement and a given date that finds what the schema
// cannot (a backup interval longer than the RPO, escalations that do not increase, a licence
// expiring inside the term). Errors block a submission; warnings need an acknowledgement.
import type { Agreement } from '../agreement/schema.ts'
import type { PathSegment } from '../issues.ts'

export type LintLevel = 'error' | 'warning'
/**
 * When the rule runs: at submission (`submit`), daily while the agreement is in force
 * (`continuous`: reminders that depend on today), or both.
 */
export type LintWhen = 'submit' | 'continuous' | 'both'
/** `today` is a local date `YYYY-MM-DD`; rules never read the clock. */
export type LintContext = { today: string }

export type Finding = { rule: string; level: LintLevel; path: PathSegment[]; message: string; hint?: string }
/** What a check reports; the rule adds its id and level. */
export type Problem = { path: PathSegment[]; message: string; hint?: string }

export type LintRule = {
  id: string
  /** The spec section the rule is about, e.g. `backups`. */
  section: string
  level: LintLevel
  when: LintWhen
  description: string
  check(agreement: Agreement, ctx: LintContext): Finding[]
}

export type RuleDefinition = Omit<LintRule, 'check'> & {
  check(agreement: Agreement, ctx: LintContext): Problem[]
}

export function defineRule(definition: RuleDefinition): LintRule {
  const { check, ...meta } = definition
  return {
    ...meta,
    check: (agreement, ctx) =>
      check(agreement, ctx).map(({ path, message, hint }) => ({
        rule: meta.id,
        level: meta.level,
        path,
        message,
        ...(hint === undefined ? {} : { hint }),
      })),
  }
}
