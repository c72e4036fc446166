import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatDuration, parseDuration } from './duration.ts'

describe('parseDuration', () => {
  const valid: [string, number][] = [
    ['4h', 14_400_000],
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['90s', 90_000],
    ['250ms', 250],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
    ['1.5h', 5_400_000],
    ['PT4H', 14_400_000],
    ['pt30m', 1_800_000],
    ['P1DT2H', 93_600_000],
    ['P2W', 1_209_600_000],
    ['PT0.5S', 500],
    ['P30D', 2_592_000_000],
  ]
  for (const [text, ms] of valid) {
    test(`"${text}" is ${ms} ms`, () => assert.deepEqual(parseDuration(text), { ok: true, ms }))
  }

  const invalid: [string, string][] = [
    ['', 'a duration is required'],
    ['4', '"4" is not a duration'],
    ['4x', '"4x" is not a duration'],
    ['h', '"h" is not a duration'],
    ['1h1h', '"1h1h" gives "h" twice'],
    ['P1M', '"P1M" counts months or years, which have no fixed length'],
    ['P1Y', '"P1Y" counts months or years, which have no fixed length'],
    ['P', '"P" is not a duration'],
    ['PT', '"PT" is not a duration'],
    ['0.0001s', '"0.0001s" is not a whole number of milliseconds'],
  ]
  for (const [text, message] of invalid) {
    test(`"${text}" is refused: ${message}`, () => {
      const result = parseDuration(text)
      assert.equal(result.ok, false)
      if (!result.ok) assert.equal(result.issue.message, message)
    })
  }
})

describe('formatDuration', () => {
  const cases: [number, string][] = [
    [0, '0m'],
    [14_400_000, '4h'],
    [5_400_000, '1h 30m'],
    [93_600_000, '1d 2h'],
    [-1_800_000, '-30m'],
    [90_500, '1m 30s 500ms'],
  ]
  for (const [ms, text] of cases) test(`${ms} ms is "${text}"`, () => assert.equal(formatDuration(ms), text))

  test('formats what it parses back to the same value', () => {
    for (const ms of [1, 999, 60_000, 3_600_001, 86_400_000 * 3 + 7]) {
      const parsed = parseDuration(formatDuration(ms))
      assert.deepEqual(parsed, { ok: true, ms })
    }
  })
})
