// The report's arithmetic: mean, median and nearest-rank p90 in whole milliseconds, and
// percentages floored and compared exactly, checked against slow obvious oracles.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { floorDecimal, floorPercent, nearestRank, reachesPercent, timeFigures } from './statistics.ts'

describe('time figures', () => {
  const cases: [values: number[], expected: ReturnType<typeof timeFigures>][] = [
    [[], null],
    [[7], { mean: 7, median: 7, p90: 7 }],
    [[3, 1], { mean: 2, median: 2, p90: 3 }],
    [[1, 2], { mean: 1, median: 1, p90: 2 }], // 1.5 floored, both
    [[5, 1, 4, 2, 3], { mean: 3, median: 3, p90: 5 }],
    // Ten values: the 9th is the smallest with 90% at or below it.
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], { mean: 5, median: 5, p90: 9 }],
    // Eleven: ⌈9.9⌉ = 10th. Twelve: ⌈10.8⌉ = 11th.
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], { mean: 6, median: 6, p90: 10 }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { mean: 6, median: 6, p90: 11 }],
    // Sums past 2^53 stay exact.
    [[2 ** 52, 2 ** 52 + 2], { mean: 2 ** 52 + 1, median: 2 ** 52 + 1, p90: 2 ** 52 + 2 }],
  ]
  for (const [values, expected] of cases)
    test(`[${values.join(', ')}]`, () => assert.deepEqual(timeFigures(values), expected))

  test('nearest rank is ⌈n·q⌉ for every n, against a rational oracle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 99 }), (n, q) => {
        const rank = nearestRank(n, q, 100)
        // The smallest rank r with r / n ≥ q / 100.
        assert.ok(rank * 100 >= q * n && (rank - 1) * 100 < q * n)
      }),
    )
  })

  test('p90 has at least 90% of the values at or below it, and is the least such value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const { p90 } = timeFigures(values)!
          const atOrBelow = (x: number) => values.filter((v) => v <= x).length
          assert.ok(atOrBelow(p90) * 10 >= values.length * 9)
          const below = values.filter((v) => v < p90)
          assert.ok(below.length === 0 || atOrBelow(Math.max(...below)) * 10 < values.length * 9)
        },
      ),
    )
  })
})

describe('percentages', () => {
  const floors: [part: number, whole: number, expected: string | null][] = [
    [11, 12, '91.66'],
    [2, 3, '66.66'],
    [1, 1, '100.00'],
    [0, 7, '0.00'],
    [999, 1000, '99.90'],
    [99_999, 100_000, '99.99'],
    [1, 0, null],
  ]
  for (const [part, whole, expected] of floors)
    test(`${part}/${whole} → ${expected}`, () => assert.equal(floorPercent(part, whole), expected))

  test('floorDecimal never rounds up', () => {
    assert.equal(floorDecimal(2n, 3n, 2), '0.66')
    assert.equal(floorDecimal(8n, 1n, 2), '8.00')
    assert.equal(floorDecimal(7n, 2n, 0), '3')
  })

  const goals: [part: number, whole: number, goal: { num: number; den: number }, expected: boolean][] = [
    [9, 10, { num: 90, den: 1 }, true], // exactly the goal
    [899, 1000, { num: 90, den: 1 }, false],
    [999, 1000, { num: 999, den: 10 }, true], // 99.9%
    [9989, 10_000, { num: 999, den: 10 }, false],
    [11, 12, { num: 9166, den: 100 }, true], // 91.666…% ≥ 91.66%
    [11, 12, { num: 9167, den: 100 }, false],
  ]
  for (const [part, whole, goal, expected] of goals)
    test(`${part}/${whole} reaches ${goal.num}/${goal.den}%: ${expected}`, () =>
      assert.equal(reachesPercent(part, whole, goal), expected))
})
