// Credits sections written as agreement YAML and validated by the real agreement schema (inside
// the helpdesk agreement of the clock tests), and a short way to compute a statement from them.
import { parse } from 'yaml'
import type { Agreement } from '../../agreement/schema.ts'
import { calendarPeriod, parsePeriodLabel } from '../../availability/reporting-period.ts'
import { helpdeskAgreement } from '../../clocks/test-support/clock-fixture.ts'
import type { ObjectiveFigures } from '../availability-credit.ts'
import { type CreditStatement, type CreditsSection, computeCredits } from '../compute-credits.ts'
import { type CreditPeriod, creditPeriod } from '../credit-period.ts'
import type { TargetTally } from '../target-credit.ts'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/**
 * An agreement from YAML holding the sections that differ from the helpdesk agreement: usually
 * `services`, `availability` (the objectives) and `credits`. Throws with the schema's issues
 * when the YAML is not a valid agreement.
 */
export function agreementFrom(yaml: string): Agreement {
  return helpdeskAgreement(parse(yaml))
}

/** The credits section of an agreement, or of the YAML of one (see agreementFrom). */
export function creditsOf(agreement: Agreement | string): CreditsSection {
  if (typeof agreement === 'string') return creditsOf(agreementFrom(agreement))
  const credits = agreement.spec.credits
  if (credits === undefined) throw new Error('the agreement has no credits section')
  return credits
}

/** `2026-10` or `2026-Q4` in `timeZone`, or `[start, end)` written as ISO instants. */
export function periodOf(which: string | [string, string], timeZone = 'UTC'): CreditPeriod {
  if (Array.isArray(which))
    return creditPeriod({ start: Date.parse(which[0]), end: Date.parse(which[1]) }, timeZone)
  const label = parsePeriodLabel(which)
  if (label === null) throw new Error(`not a period: ${which}`)
  return creditPeriod(calendarPeriod(label, timeZone), timeZone)
}

export type Measured = {
  /** Per objective: [eligible ms, down ms]; eligible defaults to the whole period. */
  availability?: Record<string, number | [number, number]>
  targets?: TargetTally[]
}

/** The statement for `credits` over `period`, with down time per objective (eligible: the whole period). */
export function statementFor(
  credits: CreditsSection,
  period: CreditPeriod,
  measured: Measured = {},
): CreditStatement {
  const figures = Object.entries(measured.availability ?? {}).map(([id, v]): [string, ObjectiveFigures] => {
    const [eligibleMs, downMs] = typeof v === 'number' ? [period.end - period.start, v] : v
    return [id, { eligibleMs, downMs }]
  })
  return computeCredits({ credits, period, availability: new Map(figures), targets: measured.targets ?? [] })
}

/** The credits section of the helpdesk agreement with a portal objective, `portal-uptime` (99.9% a month). */
export function portalCredits(credits: string, fee = '{ amount: 12000, currency: GBP }'): CreditsSection {
  return creditsOf(`
availability:
  - { id: portal-uptime, service: portal, target: 99.9%, period: month, noData: exclude }
credits:
  basis: { monthlyFee: ${fee} }
${credits.replace(/^/gm, '  ')}`)
}

export const SEPTEMBER = periodOf('2026-09')
/** Tiers written out of order: 5% below 99.9%, 25% below 95.0%, 10% below 99.0%. */
export const TIERS = `availability:
  - { objective: portal-uptime, below: 99.9%, credit: 5% }
  - { objective: portal-uptime, below: 95.0%, credit: 25% }
  - { objective: portal-uptime, below: 99.0%, credit: 10% }`
export const P1 = { severity: 'P1', metric: 'resolution' }
