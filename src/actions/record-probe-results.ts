// Writing a batch of probe results in one transaction: the raw rows (kept for a number of
// days) and the reports they make, which continue each stream's status intervals.

import type { CheckResult } from '../domain/probe-verdict.ts'
import type { StatusReport } from '../domain/status-runs.ts'
import { insertProbeResults, pruneProbeResults } from '../storage/probe-results.ts'
import type { StreamKey } from '../storage/status-intervals.ts'
import type { Deps } from './deps.ts'
import type { ProbeDefinition } from './list-probe-definitions.ts'
import { appendReports, streamId } from './record-status.ts'
import { trackTouchedServices } from './track-service-transitions.ts'

export type ProbeObservation = {
  probe: Pick<ProbeDefinition, 'customerId' | 'source' | 'service' | 'component'>
  /** When the check started, and how far past its scheduled instant. */
  at: number
  lateMs: number
  /** Consecutive failed checks, this one included. */
  failures: number
  result: CheckResult
  /** What the check means for the service, if anything yet (see probe-state). */
  report: StatusReport | null
}

export async function recordProbeResults(
  deps: Deps,
  observations: readonly ProbeObservation[],
): Promise<void> {
  if (observations.length === 0) return
  const streams = new Map<string, { key: StreamKey; reports: StatusReport[] }>()
  for (const o of observations) {
    if (o.report === null) continue
    const key = {
      customer_id: o.probe.customerId,
      service: o.probe.service,
      component: o.probe.component,
      source: o.probe.source,
    }
    const stream = streams.get(streamId(key)) ?? { key, reports: [] }
    stream.reports.push(o.report)
    streams.set(streamId(key), stream)
  }
  await deps.db.transaction(async (tx) => {
    await insertProbeResults(
      tx,
      observations.map((o) => ({
        customer_id: o.probe.customerId,
        probe: o.probe.source,
        at: new Date(o.at),
        late_ms: o.lateMs,
        outcome: o.result.outcome,
        failures: o.failures,
        latency_ms: o.result.latencyMs,
        http_status: o.result.httpStatus,
        error: o.result.error?.slice(0, 1000) ?? null,
        cert_expires_at: o.result.certExpiresAt === null ? null : new Date(o.result.certExpiresAt),
        warning: o.result.warning,
      })),
    )
    await appendReports(tx, [...streams.values()])
    await trackTouchedServices(
      { ...deps, db: tx },
      [...streams.values()].map((s) => s.key),
    )
  })
}

/** Deletes raw results older than `retentionDays`; returns how many. */
export async function pruneOldProbeResults(deps: Deps, retentionDays: number): Promise<number> {
  return pruneProbeResults(deps.db, new Date(deps.now() - retentionDays * 86_400_000))
}
