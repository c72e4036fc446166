// Whether a severity's metric met its compliance goal: exact, and undecided without a goal or tickets.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { goalMet } from './target-credit.ts'

const CASES: [met: number, total: number, goal: string | null | undefined, expected: boolean | null][] = [
  [11, 12, '95%', false],
  [11, 12, '90%', true],
  [9, 10, '90%', true],
  [8, 9, '88.9%', false],
  [8, 9, '88.88%', true],
  [2, 3, '66.67%', false],
  [2, 3, '66.66%', true],
  [12, 12, '100%', true],
  [0, 0, '90%', null],
  [5, 5, null, null],
  [4, 5, undefined, null],
]

for (const [met, total, goal, expected] of CASES) {
  test(`${met} of ${total} against ${goal ?? 'no goal'}: ${expected}`, () => {
    assert.equal(goalMet({ met, total, goal }), expected)
  })
}
