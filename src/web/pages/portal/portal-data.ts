// What the portal's pages read from the API, each under one query key: the agreements in force
// (parsed and compiled in the browser), the organisation's open tickets with their running
// clocks, an agreement's versions and a period's compliance report.
import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  AgreementDetailSchema,
  InForceSchema,
  VersionDocumentSchema,
} from '../../../api/schemas/agreements.ts'
import type { ClockPageSchema, TicketPageSchema, TicketSchema } from '../../../api/schemas/tickets.ts'
import type { Report } from '../../../domain/reports/report-schema.ts'
import { get, query } from '../../api.ts'
import { type PlanAgreement, planAgreement } from './plan.ts'

type InForce = z.infer<typeof InForceSchema>
type VersionDocument = z.infer<typeof VersionDocumentSchema>
type AgreementDetail = z.infer<typeof AgreementDetailSchema>
export type Ticket = z.infer<typeof TicketSchema>
export type Clock = z.infer<typeof ClockPageSchema>['items'][number]

export type Plan = { customer: string; agreements: PlanAgreement[] }

/** The customer's agreements in force now, customer-facing ones, in the order clocks select them. */
export function usePlan() {
  return useQuery({
    queryKey: ['portal', 'plan'],
    queryFn: async ({ signal }): Promise<Plan> => {
      const inForce = await get<InForce>('/api/agreements/in-force', signal)
      const documents = await Promise.all(
        inForce.items.map((item) =>
          get<VersionDocument>(
            `/api/agreements/${encodeURIComponent(item.id)}/versions/${item.version}`,
            signal,
          ).then((v) => planAgreement(item, v.document)),
        ),
      )
      return {
        customer: inForce.customer,
        agreements: documents.filter((a): a is PlanAgreement => a !== null),
      }
    },
    staleTime: 5 * 60_000,
  })
}

const SHOWN_OPEN = 100

export type OpenTicket = Ticket & { clocks: Clock[] }
export type OpenTickets = { tickets: OpenTicket[]; more: boolean }

/** The organisation's tickets not yet resolved, newest first, each with its running clocks. */
export function useOpenTickets() {
  return useQuery({
    queryKey: ['portal', 'open-tickets'],
    queryFn: async ({ signal }): Promise<OpenTickets> => {
      const [page, clocks] = await Promise.all([
        get<z.infer<typeof TicketPageSchema>>(
          `/api/tickets${query({ status: 'open', limit: SHOWN_OPEN })}`,
          signal,
        ),
        get<z.infer<typeof ClockPageSchema>>('/api/clocks?limit=500', signal),
      ])
      const byTicket = new Map<string, Clock[]>()
      for (const c of clocks.items) byTicket.set(c.ticket, [...(byTicket.get(c.ticket) ?? []), c])
      return {
        tickets: page.items.map((t): OpenTicket => ({ ...t, clocks: byTicket.get(t.id) ?? [] })),
        more: page.next_cursor !== null,
      }
    },
    refetchInterval: 60_000,
  })
}

export function useAgreementDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['portal', 'agreement', id],
    queryFn: ({ signal }) => get<AgreementDetail>(`/api/agreements/${encodeURIComponent(id!)}`, signal),
    enabled: id !== undefined,
  })
}

export type Frozen = {
  revision: number
  frozen_at: string
  reason: string | null
  late_events: number
}
export type ReportView = { report: Report; frozen: Frozen | null }

/** A period's report: as it stands while the period runs (refreshed), frozen once it closed. */
export function useReport(agreementId: string | undefined, period: string | undefined, live: boolean) {
  return useQuery({
    queryKey: ['portal', 'report', agreementId, period],
    queryFn: ({ signal }) =>
      get<ReportView>(`/api/agreements/${encodeURIComponent(agreementId!)}/reports/${period}`, signal),
    enabled: agreementId !== undefined && period !== undefined,
    refetchInterval: live ? 60_000 : false,
  })
}
