// The credits section of a report: the agreement's credit rules (the version in force at the
// period's end) over what the report measured. Targets are summed per severity and metric
// across the versions that measured them, and judged against the closing version's goal.
import type { Agreement } from '../agreement/schema.ts'
import { type CreditStatement, computeCredits, creditPeriod, type TargetTally } from '../credits/index.ts'
import type { ReportPeriod } from './report-period.ts'
import type { AvailabilityRow, TargetRow } from './report-schema.ts'

export function creditRows(
  agreement: Agreement,
  period: ReportPeriod,
  targets: readonly TargetRow[],
  availability: readonly AvailabilityRow[],
): CreditStatement | null {
  const credits = agreement.spec.credits
  if (!credits) return null
  return computeCredits({
    credits,
    period: creditPeriod({ start: period.start, end: period.end }, period.timeZone),
    availability: new Map(availability.map((a) => [a.id, { eligibleMs: a.eligible_ms, downMs: a.down_ms }])),
    targets: tallies(agreement, targets),
  })
}

function tallies(agreement: Agreement, rows: readonly TargetRow[]): TargetTally[] {
  const goals = new Map(
    (agreement.spec.targets ?? []).map((t) => [`${t.severity}/${t.metric}`, t.goal ?? null]),
  )
  const sums = new Map<string, TargetTally>()
  for (const row of rows) {
    const key = `${row.severity}/${row.metric}`
    const sum = sums.get(key) ?? {
      severity: row.severity,
      metric: row.metric,
      total: 0,
      met: 0,
      breached: 0,
      goal: goals.get(key) ?? null,
    }
    sums.set(key, {
      ...sum,
      total: sum.total + row.total,
      met: sum.met + row.met,
      breached: sum.breached + row.breached,
    })
  }
  return [...sums.values()]
}
