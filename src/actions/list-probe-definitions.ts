// The probes to run now: every monitor with a probe in the agreement versions in force (for
// each customer), and the probes configured through the API. A probe that cannot run is left
// out and said why, so that one bad entry does not stop the others.
import { contentHash } from '../domain/agreement/content-hash.ts'
import { MonitorSchema } from '../domain/agreement/sections-availability.ts'
import { parseDuration } from '../domain/duration.ts'
import { formatIssue } from '../domain/issues.ts'
import {
  compileProbe,
  DEFAULT_INTERVAL_MS,
  type ProbeCheck,
  type ProbeTiming,
} from '../domain/probe-definition.ts'
import { listOrganisations } from '../storage/organisations.ts'
import { listProbes } from '../storage/probes.ts'
import { type Deps, SYSTEM_ACTOR } from './deps.ts'
import { findAgreementsInForce } from './find-agreements-in-force.ts'

export type ProbeDefinition = {
  customerId: string
  /** The stream its results move: probe:<agreement>/<monitor> or probe:api/<probe>. */
  source: string
  service: string
  component: string
  check: ProbeCheck
  timing: ProbeTiming
  /** Changes whenever anything about the probe does. */
  version: string
}

type Candidate = Omit<ProbeDefinition, 'check' | 'timing' | 'version'> & {
  probe: Parameters<typeof compileProbe>[0]
  intervalMs: number
}

export async function listProbeDefinitions(
  deps: Deps,
): Promise<{ definitions: ProbeDefinition[]; problems: string[] }> {
  const candidates = [...(await agreementProbes(deps)), ...(await apiProbes(deps))]
  const definitions: ProbeDefinition[] = []
  const problems: string[] = []
  for (const { probe, intervalMs, ...where } of candidates) {
    const compiled = compileProbe(probe, intervalMs)
    if (!compiled.ok) {
      problems.push(`${where.customerId} ${where.source}: ${compiled.issues.map(formatIssue).join('; ')}`)
      continue
    }
    const { check, timing } = compiled.value
    definitions.push({ ...where, check, timing, version: contentHash({ ...where, check, timing }) })
  }
  return { definitions, problems }
}

async function agreementProbes(deps: Deps): Promise<Candidate[]> {
  const customers = (await listOrganisations(deps.db)).filter((o) => o.kind === 'customer')
  const out: Candidate[] = []
  for (const customer of customers) {
    const inForce = await findAgreementsInForce(deps, SYSTEM_ACTOR, { customer: customer.id, at: deps.now() })
    for (const { agreement, version } of inForce.items) {
      const monitoring = (JSON.parse(version.document) as { spec?: { monitoring?: unknown[] } }).spec
        ?.monitoring
      for (const entry of monitoring ?? []) {
        const monitor = MonitorSchema.safeParse(entry)
        if (!monitor.success || monitor.data.probe === undefined) continue
        const interval = monitor.data.interval === undefined ? null : parseDuration(monitor.data.interval)
        out.push({
          customerId: customer.id,
          source: `probe:${agreement.id}/${monitor.data.id}`,
          service: monitor.data.target,
          component: monitor.data.component ?? '',
          probe: monitor.data.probe,
          intervalMs: interval?.ok ? interval.ms : DEFAULT_INTERVAL_MS,
        })
      }
    }
  }
  return out
}

async function apiProbes(deps: Deps): Promise<Candidate[]> {
  return (await listProbes(deps.db)).map((p) => ({
    customerId: p.customer_id,
    source: `probe:api/${p.id}`,
    service: p.service,
    component: p.component,
    probe: p.config as Candidate['probe'],
    intervalMs: p.interval_ms,
  }))
}
