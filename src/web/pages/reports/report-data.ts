// What the report pages read: the agreements one may report on, and a period's report with
// whether it is frozen.
import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AgreementListSchema } from '../../../api/schemas/agreements.ts'
import type { Report } from '../../../domain/reports/report-schema.ts'
import { get } from '../../api.ts'

export type ListedAgreement = z.infer<typeof AgreementListSchema>['items'][number]
export type Frozen = {
  revision: number
  frozen_at: string
  frozen_by: string
  reason: string | null
  report_hash: string
  late_events: number
}
export type ReportView = { report: Report; frozen: Frozen | null }

export const reportKey = (agreement: string, period: string) => ['staff-pages', 'report', agreement, period]

/** Agreements with a version in force first, then by customer and title. */
export function useReportableAgreements() {
  return useQuery({
    queryKey: ['staff-pages', 'agreements'],
    queryFn: ({ signal }) => get<z.infer<typeof AgreementListSchema>>('/api/agreements', signal),
    select: (list) =>
      [...list.items].sort(
        (a, b) =>
          Number(b.standing.version_in_force !== null) - Number(a.standing.version_in_force !== null) ||
          a.customer.localeCompare(b.customer) ||
          a.title.localeCompare(b.title),
      ),
  })
}

export function useReport(agreement: string, period: string) {
  return useQuery({
    queryKey: reportKey(agreement, period),
    queryFn: ({ signal }) =>
      get<ReportView>(`/api/agreements/${encodeURIComponent(agreement)}/reports/${period}`, signal),
  })
}
