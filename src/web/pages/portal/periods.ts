// Reporting periods as the agreement counts them: months or quarters (`reporting.every`) in its
// reporting zone (`reporting.timezone`, else UTC), the same rule the server's reports follow.
import type { Agreement } from '../../../domain/agreement/schema.ts'
import {
  formatPeriodLabel,
  labelAt,
  type PeriodLabel,
  parsePeriodLabel,
} from '../../../domain/availability/reporting-period.ts'
import { canonicalTimeZone } from '../../../domain/time-zone.ts'

export function reportingOf(agreement: Agreement): { months: 1 | 3; zone: string } {
  const reporting = agreement.spec.reporting
  return {
    months: reporting?.every === 'quarter' ? 3 : 1,
    zone: canonicalTimeZone(reporting?.timezone ?? 'UTC') ?? 'UTC',
  }
}

export function currentPeriod(agreement: Agreement, now: number): string {
  const { months, zone } = reportingOf(agreement)
  return formatPeriodLabel(labelAt(months, now, zone))
}

/** The periods from the one `since` falls in to the current one, newest first (at most `limit`). */
export function periodsSince(agreement: Agreement, since: number, now: number, limit = 36): string[] {
  const { months, zone } = reportingOf(agreement)
  const first = labelAt(months, Math.min(since, now), zone)
  const out: string[] = []
  let label: PeriodLabel = labelAt(months, now, zone)
  while (out.length < limit) {
    out.push(formatPeriodLabel(label))
    if (label.year === first.year && label.month === first.month) break
    const month = label.month - months
    label = month < 1 ? { ...label, year: label.year - 1, month: month + 12 } : { ...label, month }
  }
  return out
}

const MONTHS = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** `2026-11` → `November 2026`; `2026-Q4` → `Q4 2026 (October–December)`. */
export function periodName(text: string): string {
  const label = parsePeriodLabel(text)
  if (!label) return text
  if (label.months === 1) return MONTHS.format(Date.UTC(label.year, label.month - 1, 1))
  const month = (m: number) =>
    new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(label.year, m - 1, 1),
    )
  return `Q${(label.month + 2) / 3} ${label.year} (${month(label.month)}–${month(label.month + 2)})`
}
