// Fixed durations, as written in agreements and on the command line: ISO 8601 (`PT4H`,
// `P1DT2H`) or short (`4h`, `30m`, `1h30m`, `90s`, `250ms`). A day is 24 hours and a week
// 7 days of whatever the calendar counts; months and years have no fixed length and are refused.
import type { Issue } from './issues.ts'

const UNIT_MS: Record<string, number> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
}
const SHORT = /^(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/
const ISO =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/
const HINT = 'write it as 4h, 30m, 1h30m, 2d or ISO 8601 such as PT4H'

export type DurationResult = { ok: true; ms: number } | { ok: false; issue: Issue }

export function parseDuration(text: string): DurationResult {
  const input = text.trim()
  const fail = (message: string, hint = HINT): DurationResult => ({
    ok: false,
    issue: { path: [], message, hint },
  })
  if (input === '') return fail('a duration is required')
  if (/^P/i.test(input)) {
    const iso = ISO.exec(input.toUpperCase())
    if (!iso || input.toUpperCase() === 'P' || input.toUpperCase().endsWith('T')) {
      return /^P[^T]*[YM]/i.test(input)
        ? fail(
            `"${text}" counts months or years, which have no fixed length`,
            'use days, hours or minutes, e.g. P30D',
          )
        : fail(`"${text}" is not a duration`)
    }
    const [, w, d, h, m, s] = iso
    return whole(
      text,
      [w, d, h, m, s].reduce(
        (sum, v, i) => sum + Number(v ?? 0) * [604_800_000, 86_400_000, 3_600_000, 60_000, 1_000][i]!,
        0,
      ),
    )
  }
  let rest = input.replace(/\s+/g, '')
  let total = 0
  let seen = ''
  while (rest !== '') {
    const part = SHORT.exec(rest)
    if (!part) return fail(`"${text}" is not a duration`)
    const unit = part[2]!
    if (seen.includes(`,${unit},`)) return fail(`"${text}" gives "${unit}" twice`)
    seen += `,${unit},`
    total += Number(part[1]) * UNIT_MS[unit]!
    rest = rest.slice(part[0].length)
  }
  return whole(text, total)
}

function whole(text: string, ms: number): DurationResult {
  if (!Number.isSafeInteger(Math.round(ms)) || Math.abs(ms - Math.round(ms)) > 1e-6) {
    return { ok: false, issue: { path: [], message: `"${text}" is not a whole number of milliseconds` } }
  }
  return { ok: true, ms: Math.round(ms) }
}

/** `5400000` → `1h 30m`; exact down to the millisecond, largest units first. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0m'
  const sign = ms < 0 ? '-' : ''
  let rest = Math.abs(ms)
  const parts: string[] = []
  for (const unit of ['d', 'h', 'm', 's', 'ms']) {
    const size = UNIT_MS[unit]!
    const n = Math.floor(rest / size)
    if (n > 0) parts.push(`${n}${unit}`)
    rest -= n * size
  }
  return sign + parts.join(' ')
}
