import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  escapeMarkdown,
  formatDate,
  formatDuration,
  formatList,
  formatMoney,
  formatPeriod,
  plainText,
} from './format.ts'

describe('formatDuration', () => {
  const cases: [string, string][] = [
    ['30m', '30 minutes'],
    ['1h', '1 hour'],
    ['1h30m', '1 hour 30 minutes'],
    ['PT4H', '4 hours'],
    ['PT72H', '72 hours'],
    ['40h', '40 hours'],
    ['P1D', '1 day'],
    ['2d', '2 days'],
    ['P1DT2H', '1 day 2 hours'],
    ['90s', '1 minute 30 seconds'],
  ]
  for (const [text, expected] of cases)
    test(`${text} → ${expected}`, () => assert.equal(formatDuration(text), expected))
})

describe('formatPeriod', () => {
  const cases: [string, string][] = [
    ['P6M', '6 months'],
    ['P1Y', '1 year'],
    ['P60D', '60 days'],
    ['P1Y6M', '1 year 6 months'],
    ['PT15M', '15 minutes'],
  ]
  for (const [text, expected] of cases)
    test(`${text} → ${expected}`, () => assert.equal(formatPeriod(text), expected))
})

describe('other values', () => {
  test('dates are written out without going through Date, so every zone agrees', () => {
    assert.equal(formatDate('2028-02-29'), '29 February 2028')
    assert.equal(formatDate('soon'), 'soon')
  })

  test('money is exact, from numbers and decimal strings', () => {
    assert.equal(formatMoney({ amount: 12000, currency: 'GBP' }), 'GBP 12,000.00')
    assert.equal(formatMoney({ amount: '1234567.5', currency: 'USD' }), 'USD 1,234,567.50')
    assert.equal(formatMoney({ amount: '0.1234', currency: 'EUR' }), 'EUR 0.1234')
  })

  test('lists read as prose', () => {
    assert.equal(formatList([]), '')
    assert.equal(formatList(['a']), 'a')
    assert.equal(formatList(['a', 'b', 'c']), 'a, b and c')
    assert.equal(formatList(['a', 'b'], 'or'), 'a or b')
  })

  test('Markdown escaping and stripping round-trip plain text', () => {
    const text = 'a_b *c* [d] <e> | f'
    assert.equal(escapeMarkdown(text), 'a\\_b \\*c\\* \\[d\\] \\<e> \\| f')
    assert.equal(plainText(escapeMarkdown(text)), text)
    assert.equal(escapeMarkdown('< 99.9% > 5'), '< 99.9% > 5')
    assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading')
    assert.equal(
      plainText('**Bold** and _em_ in [a link](https://x.example) with `code`'),
      'Bold and em in a link with code',
    )
    assert.equal(plainText('snake_case_name stays'), 'snake_case_name stays')
  })
})
