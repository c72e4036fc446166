import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { percentValue } from '../agreement/primitives.ts'
import { burnRate, errorBudgetMs, floorPercent, meetsTarget } from './exact-figures.ts'

const MONTH_31 = 2_678_400_000

describe('floorPercent', () => {
  const cases: [number, number, string | null][] = [
    [1, 1, '100.0000'],
    [MONTH_31 - 1, MONTH_31, '99.9999'],
    [MONTH_31 - 1_800_000, MONTH_31, '99.9327'],
    [2, 3, '66.6666'],
    [0, 5, '0.0000'],
    [1, 1_000_000, '0.0001'],
    [1, 1_000_001, '0.0000'],
    [0, 0, null],
  ]
  for (const [part, whole, expected] of cases) {
    test(`${part} / ${whole}`, () => assert.equal(floorPercent(part, whole), expected))
  }

  test('is the largest four-decimal figure not above the exact percentage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 * 86_400_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (whole, share) => {
          const part = Math.floor(whole * share)
          const figure = BigInt(floorPercent(part, whole)!.replace('.', ''))
          // figure / 10^6 ≤ part / whole < (figure + 1) / 10^6
          assert.ok(figure * BigInt(whole) <= BigInt(part) * 1_000_000n)
          assert.ok(BigInt(part) * 1_000_000n < (figure + 1n) * BigInt(whole))
        },
      ),
    )
  })
})

describe('targets and budgets, exactly', () => {
  const target = percentValue('99.9%')

  test('met exactly at the target, missed a millisecond below it', () => {
    // 99.9% of 1,000,000 ms is 999,000 ms.
    assert.equal(meetsTarget(999_000, 1_000_000, target), true)
    assert.equal(meetsTarget(998_999, 1_000_000, target), false)
    assert.equal(meetsTarget(0, 0, target), null)
  })

  test('a target float arithmetic gets wrong: 0.1% of 30 days', () => {
    assert.equal(errorBudgetMs(2_592_000_000, percentValue('99.9%')), 2_592_000)
    assert.equal(errorBudgetMs(2_592_000_000, percentValue('99.99%')), 259_200)
    assert.equal(errorBudgetMs(1_000, percentValue('99.95%')), 0)
    assert.equal(errorBudgetMs(MONTH_31, percentValue('100%')), 0)
  })

  test('burn rate: down over what the target allows', () => {
    assert.equal(burnRate(2_592_000, 2_592_000_000, target), '1.0000')
    assert.equal(burnRate(0, 2_592_000_000, target), '0.0000')
    assert.equal(burnRate(1, 2_592_000_000, target), '0.0000')
    assert.equal(burnRate(5_184_000, 2_592_000_000, target), '2.0000')
    assert.equal(burnRate(1, 1, percentValue('100%')), null)
    assert.equal(burnRate(0, 0, target), null)
  })
})
