// The filters of the board and of the ticket list, kept in the address's query so that a view
// can be shared: customer (staff), severity, agent, service and, on the list, open or closed.
import { useSearchParams } from 'react-router'
import type { Facets } from './ticket-data.ts'

export type FilterKey = 'customer' | 'severity' | 'agent' | 'service' | 'status'

/** The filters in the address, and a setter that keeps the rest of it. */
export function useFilterParams() {
  const [params, setParams] = useSearchParams()
  const value = (key: string) => params.get(key) || undefined
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    for (const [key, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(key)
      else next.set(key, v)
    }
    setParams(next)
  }
  return { params, value, set }
}

const LABELS: Record<FilterKey, [label: string, any: string]> = {
  customer: ['Customer', 'All customers'],
  severity: ['Severity', 'All severities'],
  agent: ['Agent', 'All agents'],
  service: ['Service', 'All services'],
  status: ['Status', 'Open and closed'],
}

const FACETS = { severity: 'severities', agent: 'agents', service: 'services' } as const

export function TicketFilters({
  keys,
  facets,
  idPrefix,
}: {
  keys: FilterKey[]
  facets: Facets | undefined
  idPrefix: string
}) {
  const { value, set } = useFilterParams()
  const options = (key: FilterKey): { value: string; label: string }[] => {
    const chosen = value(key)
    const known =
      key === 'status'
        ? [
            { value: 'open', label: 'Open' },
            { value: 'closed', label: 'Resolved or closed' },
          ]
        : key === 'customer'
          ? (facets?.customers ?? []).map((c) => ({ value: c.id, label: c.name }))
          : (facets?.[FACETS[key]] ?? []).map((v) => ({ value: v, label: v }))
    // A value from a shared address stays selectable even when no ticket has it now.
    return chosen && !known.some((o) => o.value === chosen)
      ? [...known, { value: chosen, label: chosen }]
      : known
  }
  const active = keys.filter((k) => value(k) !== undefined)
  return (
    <search className="filters tk-filters" aria-label="Filter the tickets">
      {keys.map((key) => (
        <div key={key}>
          <label htmlFor={`${idPrefix}-${key}`}>{LABELS[key][0]}</label>
          <select
            id={`${idPrefix}-${key}`}
            value={value(key) ?? ''}
            onChange={(e) => set({ [key]: e.target.value, cursor: undefined })}
          >
            <option value="">{LABELS[key][1]}</option>
            {options(key).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {active.length > 0 && (
        <div className="tk-clear">
          <button type="button" onClick={() => set(Object.fromEntries(active.map((k) => [k, undefined])))}>
            Clear filters
          </button>
        </div>
      )}
    </search>
  )
}
