// The months and quarters a person may pick for a report or an availability view, named the way
// people say them ("October 2026", "Q4 2026"), newest first. "Now" is the browser's clock.
import {
  formatPeriodLabel,
  type PeriodLabel,
  parsePeriodLabel,
} from '../../../domain/availability/reporting-period.ts'

export type PeriodOption = { value: string; label: string; running: boolean }

const MONTHS = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const SHORT = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' })

/** "October 2026", "Q4 2026 (Oct–Dec)"; the text as given when it is not a period. */
export function periodName(text: string): string {
  const label = parsePeriodLabel(text)
  if (!label) return text
  const first = Date.UTC(label.year, label.month - 1, 1)
  if (label.months === 1) return MONTHS.format(first)
  const last = Date.UTC(label.year, label.month + 1, 1)
  return `Q${(label.month + 2) / 3} ${label.year} (${SHORT.format(first)}–${SHORT.format(last)})`
}

/** `1 October 2026 to 31 October 2026`: the days of a half-open span on the calendar of `zone`. */
export function dayRange(start: string, end: string, zone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  })
  const last = Math.max(Date.parse(start), Date.parse(end) - 1)
  return `${day.format(Date.parse(start))} to ${day.format(last)}`
}

function labelOf(year: number, month: number, months: 1 | 3): PeriodLabel {
  const index = year * 12 + month - 1
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return { year: y, month: months === 3 ? m - ((m - 1) % 3) : m, months }
}

/** The month that `now` falls in (in the viewer's calendar). */
export function currentMonth(now: number): string {
  const d = new Date(now)
  return formatPeriodLabel(labelOf(d.getFullYear(), d.getMonth() + 1, 1))
}

/** The last month that has ended: what a monthly report is usually about. */
export function lastClosedMonth(now: number): string {
  const d = new Date(now)
  return formatPeriodLabel(labelOf(d.getFullYear(), d.getMonth(), 1))
}

/** The last `months` months and `quarters` quarters up to the current ones, newest first. */
export function periodOptions(
  now: number,
  months = 13,
  quarters = 5,
): { months: PeriodOption[]; quarters: PeriodOption[] } {
  const d = new Date(now)
  const [year, month] = [d.getFullYear(), d.getMonth() + 1]
  const option = (label: PeriodLabel, running: boolean): PeriodOption => {
    const value = formatPeriodLabel(label)
    return { value, label: `${periodName(value)}${running ? ', so far' : ''}`, running }
  }
  return {
    months: Array.from({ length: months }, (_, i) => option(labelOf(year, month - i, 1), i === 0)),
    quarters: Array.from({ length: quarters }, (_, i) => option(labelOf(year, month - 3 * i, 3), i === 0)),
  }
}

/** A `<select>`'s options: months, then quarters, with `value` kept even when it is older. */
export function PeriodSelect({
  id,
  value,
  now,
  onChange,
}: {
  id: string
  value: string
  now: number
  onChange: (value: string) => void
}) {
  const { months, quarters } = periodOptions(now)
  const known = [...months, ...quarters].some((o) => o.value === value)
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {!known && <option value={value}>{periodName(value)}</option>}
      <optgroup label="Months">
        {months.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </optgroup>
      <optgroup label="Quarters">
        {quarters.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </optgroup>
    </select>
  )
}
