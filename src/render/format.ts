// Values of an agreement written for people: dates, durations, periods, money, lists.
// Everything is formatted from the text as written, never through Date or floats, so a
// rendering is the same in every time zone and every amount is exact.
import { Lexer, type Token } from 'marked'
import { parseDuration } from '../domain/duration.ts'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `2026-03-01` → `1 March 2026`; anything else is returned as written. */
export function formatDate(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : text
}

/** `12-25` (a yearly date) → `25 December`. */
export function formatMonthDay(text: string): string {
  const m = /^(\d{2})-(\d{2})$/.exec(text)
  const month = m ? MONTHS[Number(m[1]) - 1] : undefined
  return m && month ? `${Number(m[2])} ${month}` : text
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}

/**
 * `30m` → `30 minutes`, `PT4H` → `4 hours`, `1h30m` → `1 hour 30 minutes`. Hours are not
 * turned into days unless the text counted days: 40 business hours are not 1 day 16 hours.
 */
export function formatDuration(text: string): string {
  const parsed = parseDuration(text)
  if (!parsed.ok) return text
  let rest = parsed.ms
  const parts: string[] = []
  const units: [number, string][] = [
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ]
  if (/\d[dw]/i.test(text)) units.unshift([86_400_000, 'day'])
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size)
    if (n > 0) parts.push(plural(n, unit))
    rest -= n * size
  }
  if (rest > 0) parts.push(`${rest} ms`)
  return parts.length > 0 ? parts.join(' ') : '0 minutes'
}

const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$/

/** `P6M` → `6 months`, `P1Y` → `1 year`, `P60D` → `60 days`; fixed durations as above. */
export function formatPeriod(text: string): string {
  const m = PERIOD.exec(text.trim())
  if (!m || text.includes('T')) return formatDuration(text)
  const units = ['year', 'month', 'week', 'day']
  const parts = units.flatMap((unit, i) => {
    const n = m[i + 1]
    return n === undefined ? [] : [plural(Number(n), unit)]
  })
  return parts.length > 0 ? parts.join(' ') : text
}

/** `{ amount: 12000, currency: 'GBP' }` → `GBP 12,000.00`, exact for decimal strings too. */
export function formatMoney(money: { amount: number | string; currency: string }): string {
  return `${money.currency} ${formatAmount(money.amount)}`
}

export function formatAmount(amount: number | string): string {
  const text = typeof amount === 'number' ? String(amount) : amount
  const [whole = '0', fraction = ''] = text.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${grouped}.${fraction.padEnd(2, '0')}`
}

/** `['a', 'b', 'c']` → `a, b and c`. */
export function formatList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`
}

/** `waiting_on_customer` or `head-of-service` → `waiting on customer`, `head of service`. */
export function words(id: string): string {
  return id.replace(/[_-]+/g, ' ')
}

/** First letter upper case, for labels. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'yes' : 'no'
}

/** Escapes text that is placed inside Markdown so that it reads literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|]|<(?=[A-Za-z/!?])/g, (c) => `\\${c}`).replace(/^([#>])/, '\\$1')
}

/** Inline Markdown reduced to its text, for table cells and other plain-text places. */
export function plainText(markdown: string | undefined): string {
  if (!markdown) return ''
  return inlineText(Lexer.lexInline(markdown.replace(/\s+/g, ' ').trim())).trim()
}

function inlineText(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) return inlineText(t.tokens)
      if (t.type === 'br') return ' '
      return 'text' in t && typeof t.text === 'string' ? t.text : ''
    })
    .join('')
}
