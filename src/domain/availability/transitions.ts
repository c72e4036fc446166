// When a service's contacts are told: on a confirmed outage and on its recovery, once each.
// Only down and up (or degraded, which is up for this purpose) move the state: time without
// data says nothing new, so a lapsed probe neither ends an outage nor starts one.
import type { Status } from './status-intervals.ts'

export type ServiceState = { state: 'up' | 'down'; since: number }
export type Transition = { to: 'up' | 'down'; since: number }

/**
 * The transition the current status makes from the known state, if any. `since` is when the
 * current status began. A service first seen down is an outage; first seen up is nothing to
 * tell (it becomes the known state).
 */
export function serviceTransition(
  known: ServiceState | null,
  current: { status: Status; since: number },
): { next: ServiceState | null; transition: Transition | null } {
  if (current.status === 'unknown') return { next: known, transition: null }
  const state = current.status === 'down' ? 'down' : 'up'
  if (known?.state === state) return { next: known, transition: null }
  const next = { state, since: current.since } as const
  if (known === null && state === 'up') return { next, transition: null }
  return { next, transition: { to: state, since: current.since } }
}
