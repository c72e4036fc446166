// The agreement's values as a customer reads them: durations in words, metric names, Markdown
// definitions as plain sentences, percentages and money.

const METRIC_LABELS: Record<string, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  periodic_update: 'Updates',
  resolution: 'Resolution',
}
export const METRIC_ORDER = ['first_response', 'next_response', 'periodic_update', 'resolution']

export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? metric.replaceAll('_', ' ')
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`

/**
 * `1_800_000` → `30 minutes`, `5_400_000` → `1 hour 30 minutes`. Hours stay hours: 40 business
 * hours are not "1 day 16 hours". With `business`, the hours and minutes are business ones.
 */
export function durationWords(ms: number, business = false): string {
  const hours = Math.floor(ms / 3_600_000)
  const minutes = Math.floor((ms % 3_600_000) / 60_000)
  const b = business ? 'business ' : ''
  const parts = [hours > 0 ? plural(hours, `${b}hour`) : '', minutes > 0 ? plural(minutes, `${b}minute`) : '']
  const text = parts.filter(Boolean).join(' ')
  return text === '' ? plural(Math.round(ms / 1000), 'second') : text
}

/** Markdown as one plain sentence: emphasis, code marks and link targets dropped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** `99.5` (a decimal string from a report) → `99.5%`; null → `—`. */
export function percent(value: string | null): string {
  return value === null ? '—' : `${value}%`
}

export function money(amount: string, currency: string): string {
  const value = Number(amount)
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value)
  } catch {
    return `${amount} ${currency}`
  }
}

/** Contact roles as written in agreements (`service-desk`) in words (`Service desk`). */
export function roleWords(role: string): string {
  const text = role.replaceAll('-', ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const STATUS_WORDS: Record<string, string> = {
  open: 'Open',
  waiting_on_customer: 'Waiting on you',
  waiting_on_third_party: 'Waiting on a third party',
  scheduled: 'Scheduled',
  reopened: 'Reopened',
  resolved: 'Resolved',
  closed: 'Closed',
}

/** A ticket status in words; `waiting_on_customer` is the customer's turn: "Waiting on you". */
export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? roleWords(status.replaceAll('_', ' '))
}

const DATE = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** `2026-01-01` → `1 January 2026`: a date as written, the same wherever the reader is. */
export function dateWords(text: string): string {
  const t = Date.parse(`${text}T00:00:00Z`)
  return Number.isNaN(t) ? text : DATE.format(t)
}
