// What the availability pages read: the customers staff may pick (from the agreements, with the
// organisations' names for admins), each objective's period figures with its timeline, the
// services' current status, and the services' names from the agreement versions measured.
import { useQueries, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AgreementListSchema, VersionDocumentSchema } from '../../../api/schemas/agreements.ts'
import type { AvailabilityReportSchema, ServiceStatusListSchema } from '../../../api/schemas/availability.ts'
import type { OrganisationListSchema } from '../../../api/schemas/people.ts'
import { get, query } from '../../api.ts'
import { useUser } from '../../session.tsx'

export type AvailabilityReport = z.infer<typeof AvailabilityReportSchema>
export type Objective = AvailabilityReport['objectives'][number]
export type ServiceStatus = z.infer<typeof ServiceStatusListSchema>['items'][number]
export type Customer = { id: string; name: string }

/** The customers with an agreement, by name; admins see the organisations' names. */
export function useCustomers() {
  const user = useUser()
  const agreements = useQuery({
    queryKey: ['staff-pages', 'agreements'],
    queryFn: ({ signal }) => get<z.infer<typeof AgreementListSchema>>('/api/agreements', signal),
  })
  const organisations = useQuery({
    queryKey: ['staff-pages', 'organisations'],
    queryFn: ({ signal }) =>
      get<z.infer<typeof OrganisationListSchema>>('/api/organisations', signal).then((r) => r.items),
    enabled: user.role === 'admin',
  })
  const ids = [...new Set(agreements.data?.items.map((a) => a.customer) ?? [])]
  const customers: Customer[] = ids
    .map((id) => ({ id, name: organisations.data?.find((o) => o.id === id)?.name ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name))
  return { ...agreements, customers }
}

export function useAvailability(customer: string, period: string, objective?: string) {
  return useQuery({
    queryKey: ['staff-pages', 'availability', customer, period, objective ?? null],
    queryFn: ({ signal }) =>
      get<AvailabilityReport>(
        `/api/availability${query({ customer, period, objective, timeline: 1 })}`,
        signal,
      ),
    enabled: customer !== '',
  })
}

export function useServiceStatus(customer: string) {
  return useQuery({
    queryKey: ['staff-pages', 'status', customer],
    queryFn: ({ signal }) =>
      get<z.infer<typeof ServiceStatusListSchema>>(`/api/status${query({ customer })}`, signal).then(
        (r) => r.items,
      ),
    enabled: customer !== '',
    refetchInterval: 60_000,
  })
}

type ServiceSpec = { id: string; name?: string }

/** Service names as the agreements measured write them; the id where one has no name. */
export function useServiceNames(objectives: readonly Objective[]): (service: string) => string {
  const versions = [...new Set(objectives.map((o) => `${o.agreement}\u0000${o.agreement_version}`))]
  const documents = useQueries({
    queries: versions.map((key) => {
      const [id, version] = key.split('\u0000') as [string, string]
      return {
        queryKey: ['staff-pages', 'agreement-version', id, version],
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          get<z.infer<typeof VersionDocumentSchema>>(
            `/api/agreements/${encodeURIComponent(id)}/versions/${version}`,
            signal,
          ),
        staleTime: Number.POSITIVE_INFINITY,
      }
    }),
  })
  const names = new Map<string, string>()
  for (const d of documents) {
    const spec = d.data?.document.spec as { services?: ServiceSpec[] } | undefined
    for (const s of spec?.services ?? []) if (s.name) names.set(s.id, s.name)
  }
  return (service) => names.get(service) ?? service
}
