// Properties of the statement on random schedules, fees and figures: the cap holds, less uptime
// never earns less, and the tier chosen is the one a slow, obvious reading of the schedule picks.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { CreditsSchema } from '../agreement/sections-availability.ts'
import { type CreditsSection, computeCredits } from './compute-credits.ts'
import { minorDigits } from './money.ts'
import { add, compare, decimalRatio, mul, percentRatio, ratio } from './rational.ts'
import { DAY, periodOf } from './test-support/credit-case.ts'

const PERIOD = periodOf('2026-10')
const PERIOD_MS = 31 * DAY

// Bounds from 90% to 100% in steps of 0.001%, as written in an agreement.
const bound = fc.integer({ min: 90_000, max: 100_000 }).map((n) => `${n / 1000}%`)
const credit = fc.constantFrom('2.5%', '5%', '10%', '25%', '30%', '50%', '100%')
const tier = fc.record({ atOrBelow: fc.boolean(), bound, credit }).map((t) => ({
  objective: 'up',
  ...(t.atOrBelow ? { atOrBelow: t.bound } : { below: t.bound }),
  credit: t.credit,
}))

const section = fc
  .record({
    fee: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2)),
    currency: fc.constantFrom('GBP', 'JPY', 'KWD'),
    tiers: fc.array(tier, { maxLength: 5 }),
    cap: fc.option(fc.integer({ min: 1, max: 100 }).map((n) => `${n}%`)),
    minimum: fc.option(fc.integer({ min: 1, max: 500 })),
    formula: fc.option(fc.record({ multiplier: fc.integer({ min: 1, max: 100 }), bound: fc.option(bound) })),
  })
  .map((s) =>
    CreditsSchema.parse({
      basis: { monthlyFee: { amount: s.fee, currency: s.currency } },
      ...(s.cap === null ? {} : { cap: s.cap }),
      ...(s.minimum === null ? {} : { minimum: { amount: s.minimum, currency: s.currency } }),
      availability: s.tiers,
      ...(s.formula === null
        ? {}
        : {
            formula: {
              objective: 'up',
              multiplier: s.formula.multiplier,
              of: 'downtime-fee',
              ...(s.formula.bound === null ? {} : { below: s.formula.bound }),
            },
          }),
    }),
  )

const downMs = fc.integer({ min: 0, max: PERIOD_MS })

function statement(credits: CreditsSection, down: number) {
  const availability = new Map([['up', { eligibleMs: PERIOD_MS, downMs: down }]])
  return computeCredits({ credits, period: PERIOD, availability, targets: [] })
}

const amount = (text: string) => decimalRatio(text)

describe('credit properties', () => {
  test('the total never exceeds the cap, and is the sum of the lines unless capped or under the minimum', () => {
    fc.assert(
      fc.property(section, downMs, (credits, down) => {
        const s = statement(credits, down)
        const total = amount(s.total)
        if (credits.cap !== undefined) {
          // The cap of a whole month: the fee × the cap, give or take half a minor unit of rounding.
          const fee = decimalRatio(String(credits.basis.monthlyFee.amount))
          const half = ratio(1, 2 * 10 ** minorDigits(s.currency))
          assert.ok(compare(total, add(mul(fee, percentRatio(credits.cap), ratio(1, 100)), half)) <= 0)
        }
        const sum = s.lines.map((l) => amount(l.amount)).reduce(add, ratio(0))
        if (!s.cap_applied && !s.minimum_applied) assert.deepEqual(total, sum)
        if (s.cap_applied) assert.ok(compare(total, sum) < 0)
        if (s.minimum_applied) assert.deepEqual(total, ratio(0))
      }),
    )
  })

  test('less uptime never earns less credit', () => {
    fc.assert(
      fc.property(section, downMs, downMs, (credits, a, b) => {
        const [less, more] = a < b ? [a, b] : [b, a]
        assert.ok(
          compare(amount(statement(credits, more).total), amount(statement(credits, less).total)) >= 0,
        )
      }),
    )
  })

  test('the tier paid is the largest credit whose downtime allowance is exceeded', () => {
    fc.assert(
      fc.property(section, downMs, (credits, down) => {
        // Slow and obvious: a tier "below b" applies when the downtime is more than the
        // (100 − b)% of the period it allows; "at or below b" when it is at least that.
        const applies = (t: NonNullable<CreditsSection['availability']>[number]) => {
          const b = decimalRatio((t.below ?? t.atOrBelow)!.slice(0, -1))
          const downTimes100 = BigInt(down) * 100n * b.den
          const allowedTimes100 = BigInt(PERIOD_MS) * (100n * b.den - b.num)
          return t.below !== undefined ? downTimes100 > allowedTimes100 : downTimes100 >= allowedTimes100
        }
        const paid = (credits.availability ?? [])
          .filter(applies)
          .map((t) => Number(t.credit.slice(0, -1)))
          .reduce((a, b) => Math.max(a, b), 0)
        const line = statement(credits, down).lines.find((l) => l.source === 'availability')
        assert.equal(Number(line?.percent ?? 0), paid)
      }),
    )
  })
})
