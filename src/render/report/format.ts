// Report figures written for people. Decimals and money are shown from their exact strings
// (never through a float), instants in the zone the report or the objective is kept in, so a
// rendering is the same on every machine and in every process time zone.
import type { Metric } from '../../domain/agreement/sections-service-levels.ts'
import { formatDuration } from '../../domain/duration.ts'
import { formatInZone } from '../../domain/time-zone.ts'
import { capitalise, formatDate, words } from '../format.ts'

/** How a figure reads against its goal: colours always come with one of these words. */
export type Tone = 'good' | 'bad' | 'neutral'

const NONE = '–'

export function percent(decimal: string | null): string {
  return decimal === null ? NONE : `${decimal}%`
}

/** Whole seconds from a second up (a budget of 44m 38.4s reads `44m 38s`); the JSON has the rest. */
export function duration(ms: number | null): string {
  if (ms === null) return NONE
  return formatDuration(Math.abs(ms) < 1000 ? ms : Math.trunc(ms / 1000) * 1000)
}

/** `12345` → `12,345`. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** `GBP` and `1200.00` → `GBP 1,200.00`: the digits after the point as the statement gives them. */
export function money(currency: string, amount: string): string {
  const [whole = '0', fraction] = amount.split('.')
  return `${currency} ${count(Number(whole))}${fraction === undefined ? '' : `.${fraction}`}`
}

/** `2026-10-02 10:30` on the zone's wall clock. */
export function localDateTime(timeZone: string, instant: string | number): string {
  return formatInZone(timeZone, toMs(instant)).slice(0, 16).replace('T', ' ')
}

/** `2 October 2026` on the zone's calendar. */
export function localDate(timeZone: string, instant: string | number): string {
  return formatDate(formatInZone(timeZone, toMs(instant)).slice(0, 10))
}

/** A half-open span as the days it covers: `1 October 2026 to 31 October 2026`. */
export function dayRange(timeZone: string, span: { start: string; end: string }): string {
  return `${localDate(timeZone, span.start)} to ${localDate(timeZone, Date.parse(span.end) - 1)}`
}

/** `2026-10` → `October 2026`, `2026-Q4` → `Q4 2026`. */
export function periodTitle(label: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label)
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`
  return /^\d{4}-\d{2}$/.test(label) ? formatDate(`${label}-01`).replace(/^1 /, '') : label
}

export function metricName(metric: Metric | string): string {
  return capitalise(words(metric))
}

/** A goal or target verdict as words and a tone. */
export function verdict(
  met: boolean | null,
  labels = { met: 'met', missed: 'missed', none: 'no data' },
): { text: string; tone: Tone } {
  if (met === null) return { text: labels.none, tone: 'neutral' }
  return met ? { text: labels.met, tone: 'good' } : { text: labels.missed, tone: 'bad' }
}

function toMs(instant: string | number): number {
  return typeof instant === 'number' ? instant : Date.parse(instant)
}
