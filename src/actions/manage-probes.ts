// Probes configured through the API, beside those written in agreements: staff only, since a
// probe's headers may carry the credentials of the service it checks.
import { AppError } from '../domain/app-error.ts'
import { parseDuration } from '../domain/duration.ts'
import type { Issue } from '../domain/issues.ts'
import { compileProbe, DEFAULT_INTERVAL_MS, type ProbeConfig } from '../domain/probe-definition.ts'
import { servicesOfCustomer } from '../storage/agreements.ts'
import { findOrganisation } from '../storage/organisations.ts'
import { deleteProbe, listProbes, type ProbeRow, upsertProbe } from '../storage/probes.ts'
import { customerScope, requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'
import { serviceIssue } from './known-services.ts'

export type ApiProbe = ProbeRow

export type ProbeInput = {
  customer: string
  id: string
  service: string
  component?: string
  interval?: string
  probe: ProbeConfig
}

/** Creates the probe, or replaces the customer's probe of that id. */
export async function saveProbe(
  deps: Deps,
  actor: Actor,
  input: ProbeInput,
): Promise<{ probe: ProbeRow; created: boolean }> {
  requireRole(actor, 'admin', 'agent')
  const issues: Issue[] = []
  const interval = input.interval === undefined ? null : parseDuration(input.interval)
  if (interval && !interval.ok) issues.push({ ...interval.issue, path: ['interval'] })
  const intervalMs = interval?.ok ? interval.ms : DEFAULT_INTERVAL_MS
  const compiled = compileProbe(input.probe, intervalMs)
  if (!compiled.ok)
    for (const issue of compiled.issues)
      issues.push(issue.path[0] === 'interval' ? issue : { ...issue, path: ['probe', ...issue.path] })
  const component = input.component ?? ''
  if (!(await findOrganisation(deps.db, input.customer))) {
    issues.push({ path: ['customer'], message: `no customer organisation "${input.customer}"` })
  } else {
    const known = await servicesOfCustomer(deps.db, input.customer)
    const issue = serviceIssue(known, input.customer, { service: input.service, component }, (f) => ({
      path: [f],
    }))
    if (issue) issues.push(issue)
  }
  if (issues.length > 0) throw new AppError('invalid_input', 'the probe cannot run', issues)
  return upsertProbe(deps.db, {
    customer_id: input.customer,
    id: input.id,
    service: input.service,
    component,
    interval_ms: intervalMs,
    config: input.probe as Record<string, unknown>,
    created_by: actor.userId,
  })
}

export async function listApiProbes(deps: Deps, actor: Actor, customer?: string): Promise<ProbeRow[]> {
  requireRole(actor, 'admin', 'agent')
  return listProbes(deps.db, customerScope(actor, customer))
}

export async function removeProbe(deps: Deps, actor: Actor, customer: string, id: string): Promise<void> {
  requireRole(actor, 'admin', 'agent')
  if (!(await deleteProbe(deps.db, customer, id)))
    throw new AppError('not_found', `no probe "${id}" of customer "${customer}"`)
}
