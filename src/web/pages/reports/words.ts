// Report figures in words, shared by the report's parts: metric names, checklist states, money.
import type { Report } from '../../../domain/reports/report-schema.ts'

export { metricName } from '../../components/words.ts'

export const CHECK_WORDS = {
  met: { text: 'Met', tone: 'ok' },
  missed: { text: 'Missed', tone: 'bad' },
  measured: { text: 'Measured', tone: 'neutral' },
  no_data: { text: 'No data', tone: 'neutral' },
  not_measured: { text: 'Not measured', tone: 'neutral' },
} as const

/** `GBP` and `1200.00` → `GBP 1,200.00`, from the exact string. */
export function money(currency: string, amount: string): string {
  const [whole = '0', fraction] = amount.split('.')
  return `${currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`
}

export const isZero = (amount: string) => /^0(\.0+)?$/.test(amount)

/** The target rows the report's sections include (as the PDF shows them). */
export const shownTargets = (report: Report) =>
  report.targets.filter((t) => report.sections.includes(t.metric))

export const has = (report: Report, section: Report['sections'][number]) => report.sections.includes(section)
