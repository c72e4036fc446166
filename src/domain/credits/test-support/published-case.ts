// Worked examples of published cloud SLAs: each agreement is YAML through the real agreement
// schema, and each example pins the line, the total and the claim date worked out by hand.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Agreement } from '../../agreement/schema.ts'
import { measureObjective } from '../../availability/measure-objective.ts'
import { parsePeriodLabel } from '../../availability/reporting-period.ts'
import type { StatusInterval } from '../../availability/status-intervals.ts'
import type { ObjectiveFigures } from '../availability-credit.ts'
import { computeCredits } from '../compute-credits.ts'
import type { CreditPeriod } from '../credit-period.ts'
import { creditsOf } from './credit-case.ts'

export type WorkedExample = {
  name: string
  period: CreditPeriod
  /** The objective's down time in ms, all of the period eligible; or its figures as measured. */
  down: number | ObjectiveFigures
  /** The one line the schedule gives: percent of the basis, amount, and why. */
  line: [percent: string, amount: string, reason: string]
  total: string
  minimumApplied?: boolean
  claimBy?: string | null
}

/** One test per example; the examples' figures are those of the one objective the credits name. */
export function workedExamples(agreement: Agreement, examples: readonly WorkedExample[]): void {
  const credits = creditsOf(agreement)
  const objective = credits.availability?.[0]?.objective ?? credits.formula?.objective
  if (objective === undefined) throw new Error('the credits name no objective')
  for (const e of examples) {
    test(e.name, () => {
      const s = computeCredits({
        credits,
        period: e.period,
        availability: new Map([[objective, figuresOf(e)]]),
        targets: [],
      })
      assert.deepEqual(
        s.lines.map((l) => [l.percent, l.amount, l.reason]),
        [e.line],
      )
      assert.equal(s.total, e.total)
      assert.equal(s.minimum_applied, e.minimumApplied ?? false)
      if (e.claimBy !== undefined) assert.equal(s.claim_by, e.claimBy)
    })
  }
}

function figuresOf(e: WorkedExample): ObjectiveFigures {
  if (typeof e.down !== 'number') return e.down
  return { eligibleMs: e.period.end - e.period.start, downMs: e.down }
}

/** An objective's figures over a month or quarter, measured by the availability engine from status intervals. */
export function measured(
  agreement: Agreement,
  objective: string,
  label: string,
  intervals: readonly StatusInterval[],
): ObjectiveFigures {
  const choice = { label: parsePeriodLabel(label), asOf: Date.parse('2100-01-01T00:00Z') }
  const result = measureObjective(agreement.spec, objective, choice, intervals)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.value.figures
}
