// The report and what the agreement adds to it (names, maintenance, outage times) → the view
// that the HTML and the PDF both draw.
import type { Agreement } from '../../domain/agreement/schema.ts'
import type { Report } from '../../domain/reports/report-schema.ts'
import { agreementSections } from './detail-agreement.ts'
import { ticketSections } from './detail-tickets.ts'
import { periodTitle } from './format.ts'
import { type Parties, summarySections } from './summary.ts'
import { objectiveTimelines, type TimelineSources } from './timelines.ts'
import type { ReportView } from './view.ts'

export function reportView(report: Report, sources: TimelineSources): ReportView {
  const parties = partiesOf(report, sources.agreement)
  return {
    title: `Service level report, ${periodTitle(report.period.label)}`,
    subtitle: `${parties.agreement} · ${parties.customer}`,
    summary: summarySections(report, parties),
    detail: [...ticketSections(report), ...agreementSections(report, objectiveTimelines(report, sources))],
  }
}

function partiesOf(report: Report, agreement: Agreement | undefined): Parties {
  // Names are taken only from the agreement the report was made from.
  if (!agreement || agreement.metadata.id !== report.agreement)
    return { agreement: report.agreement, customer: report.customer }
  const { customer, provider } = agreement.spec.parties
  return {
    agreement: `${agreement.metadata.title} (${report.agreement})`,
    customer: customer.id === report.customer ? `${customer.name} (${customer.id})` : report.customer,
    provider: provider.name,
  }
}
