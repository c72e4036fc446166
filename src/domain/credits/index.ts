// The service-credit computation, for the report: build the period, pass what was measured,
// and compute the statement. The rules are docs/credits.md.
export type { ObjectiveFigures } from './availability-credit.ts'
export {
  type CreditInput,
  type CreditLine,
  type CreditStatement,
  type CreditsSection,
  computeCredits,
} from './compute-credits.ts'
export { type CreditPeriod, creditPeriod } from './credit-period.ts'
export { goalMet, type TargetTally } from './target-credit.ts'
