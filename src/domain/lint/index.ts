// The lint rules of an agreement, and running them: pure functions over an agreement and a
// given date. At submission, errors block and warnings need an acknowledgement; while the
// agreement is in force, the lifecycle runs the rules for 'continuous' every day.
import type { Agreement } from '../agreement/schema.ts'
import type { PathSegment } from '../issues.ts'
import { parseLocalDate } from '../local-date.ts'
import { AVAILABILITY_RULES } from './availability.ts'
import { BACKUP_RULES } from './backups.ts'
import { BUDGET_RULES } from './budget.ts'
import { CONTACT_RULES } from './contacts.ts'
import { CREDIT_RULES } from './credits.ts'
import { ENVIRONMENT_RULES } from './environment.ts'
import { ESCALATION_RULES } from './escalation.ts'
import { LICENCE_RULES } from './licences.ts'
import { MONITORING_RULES } from './monitoring.ts'
import { RELEASE_RULES } from './release.ts'
import type { Finding, LintRule } from './rule.ts'
import { SECURITY_RULES } from './security.ts'
import { TARGET_RULES } from './targets.ts'
import { TERM_RULES } from './term.ts'

export type { Finding, LintContext, LintLevel, LintRule, LintWhen } from './rule.ts'

export const LINT_RULES: readonly LintRule[] = [
  ...TERM_RULES,
  ...CONTACT_RULES,
  ...TARGET_RULES,
  ...ESCALATION_RULES,
  ...AVAILABILITY_RULES,
  ...CREDIT_RULES,
  ...ENVIRONMENT_RULES,
  ...LICENCE_RULES,
  ...SECURITY_RULES,
  ...MONITORING_RULES,
  ...BACKUP_RULES,
  ...RELEASE_RULES,
  ...BUDGET_RULES,
]

/** The rules to run at submission (`submit` and `both`) or each day in force (`continuous` and `both`). */
export function rulesFor(
  moment: 'submit' | 'continuous',
  rules: readonly LintRule[] = LINT_RULES,
): LintRule[] {
  return rules.filter((r) => r.when === moment || r.when === 'both')
}

/** Every finding of the rules (all by default) on `today`, a local date `YYYY-MM-DD`, sorted by path. */
export function lintAgreement(
  agreement: Agreement,
  options: { today: string; rules?: readonly LintRule[] },
): Finding[] {
  if (parseLocalDate(options.today) === null) {
    throw new RangeError(`today must be a date written YYYY-MM-DD, not ${JSON.stringify(options.today)}`)
  }
  const findings = (options.rules ?? LINT_RULES).flatMap((rule) =>
    rule.check(agreement, { today: options.today }),
  )
  return findings.sort(
    (a, b) =>
      comparePaths(a.path, b.path) || compareText(a.rule, b.rule) || compareText(a.message, b.message),
  )
}

function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!]
    if (x === y) continue
    if (typeof x === 'number' && typeof y === 'number') return x - y
    // A field of an object sorts before the items of a list at the same place.
    if (typeof x !== typeof y) return typeof x === 'number' ? 1 : -1
    return compareText(String(x), String(y))
  }
  return a.length - b.length
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
