// Reports of closed periods are frozen: the first time a closed period's report is made (when
// the scheduler closes the period, or on the first read after), it is stored with the
// high-water mark of the events it saw, and from then on that is the report. Events arriving
// later are counted and shown, never folded in silently; only a recomputation, by provider
// staff with a reason, stores a new revision, with what changed.
import { contentHash } from '../domain/agreement/content-hash.ts'
import { AppError } from '../domain/app-error.ts'
import { formatPeriodLabel, type PeriodLabel } from '../domain/availability/reporting-period.ts'
import { type ReportChange, reportChanges } from '../domain/reports/report-diff.ts'
import { type Report, ReportSchema } from '../domain/reports/report-schema.ts'
import {
  eventsSince,
  highWater,
  insertSnapshot,
  latestSnapshot,
  type SnapshotRow,
} from '../storage/report-snapshots.ts'
import { requireRole } from './access.ts'
import { buildReport } from './build-report.ts'
import type { Actor, Deps } from './deps.ts'
import { getAgreement } from './get-agreement.ts'

export type Frozen = {
  revision: number
  frozen_at: string
  frozen_by: string
  reason: string | null
  report_hash: string
  /** Events that arrived after the report was frozen and concern the period: not in it. */
  late_events: number
}
export type ReportView = { report: Report; frozen: Frozen | null }
export type Recomputation = { before: Frozen | null; after: Frozen; changes: ReportChange[]; report: Report }

type Query = { agreementId: string; period: PeriodLabel }

/** The period's report: the frozen one once the period has closed, else as of now. */
export async function getReport(deps: Deps, actor: Actor, query: Query): Promise<ReportView> {
  const made = await frozenReport(deps, actor, query)
  return 'snapshot' in made ? view(deps, made.snapshot) : { report: made.report, frozen: null }
}

/**
 * The stored snapshot of a closed period (freezing it if this is the first time it is made),
 * or, while the period runs, the report as of now, not stored.
 */
export async function frozenReport(
  deps: Deps,
  actor: Actor,
  query: Query,
): Promise<{ snapshot: SnapshotRow } | { report: Report }> {
  const customerId = (await getAgreement(deps, actor, query.agreementId)).agreement.customer_id
  const label = formatPeriodLabel(query.period)
  const stored = await latestSnapshot(deps.db, customerId, query.agreementId, label)
  if (stored) return { snapshot: stored }
  // The mark is taken first: whatever arrives while the report is made counts as late.
  const mark = await highWater(deps.db, customerId)
  const report = await buildReport(deps, actor, query)
  if (!report.complete) return { report }
  await insertSnapshot(deps.db, snapshotRow(deps, customerId, query.agreementId, label, report, mark, 1))
  // Another process may have frozen it a moment before: theirs is the report.
  return { snapshot: (await latestSnapshot(deps.db, customerId, query.agreementId, label))! }
}

/** Makes a closed period's report again from today's data, as a new revision with its reason. */
export async function recomputeReport(
  deps: Deps,
  actor: Actor,
  query: Query & { reason: string },
): Promise<Recomputation> {
  requireRole(actor, 'admin', 'agent')
  const reason = query.reason.trim()
  if (reason === '')
    throw new AppError('invalid_input', 'a recomputation needs a reason', [
      { path: ['reason'], message: 'is empty', hint: 'say why the frozen report is made again' },
    ])
  const customerId = (await getAgreement(deps, actor, query.agreementId)).agreement.customer_id
  const label = formatPeriodLabel(query.period)
  const mark = await highWater(deps.db, customerId)
  const report = await buildReport(deps, actor, query)
  if (!report.complete)
    throw new AppError('conflict', `${label} has not closed yet: its report is not frozen`, [
      { path: ['period'], message: `ends ${report.period.end}`, hint: 'read it as it stands instead' },
    ])
  const previous = await latestSnapshot(deps.db, customerId, query.agreementId, label)
  const changes = previous ? reportChanges(previous.report, report) : []
  const row = {
    ...snapshotRow(deps, customerId, query.agreementId, label, report, mark, (previous?.revision ?? 0) + 1),
    frozen_by: actor.userId,
    reason,
    changes,
  }
  if (!(await insertSnapshot(deps.db, row)))
    throw new AppError('conflict', `${label} was recomputed by someone else a moment ago; look again`)
  return {
    before: previous ? await frozenOf(deps, previous) : null,
    after: await frozenOf(deps, row),
    changes,
    report,
  }
}

function snapshotRow(
  deps: Deps,
  customerId: string,
  agreementId: string,
  period: string,
  report: Report,
  mark: { ticket_events_seq: number; status_events_seq: number },
  revision: number,
): SnapshotRow {
  return {
    customer_id: customerId,
    agreement_id: agreementId,
    period,
    revision,
    report,
    report_hash: contentHash(report),
    ...mark,
    frozen_at: new Date(deps.now()),
    frozen_by: 'system',
    reason: null,
    changes: [],
  }
}

// Parsed again, so the stored report reads with its keys in the schema's order (jsonb keeps
// them in its own) and as the same bytes as the report made afresh.
async function view(deps: Deps, row: SnapshotRow): Promise<ReportView> {
  return { report: storedReport(row), frozen: await frozenOf(deps, row) }
}

export function storedReport(row: SnapshotRow): Report {
  return ReportSchema.parse(row.report)
}

async function frozenOf(deps: Deps, row: SnapshotRow): Promise<Frozen> {
  const end = new Date((row.report as Report).period.end)
  return {
    revision: row.revision,
    frozen_at: row.frozen_at.toISOString(),
    frozen_by: row.frozen_by,
    reason: row.reason,
    report_hash: row.report_hash,
    late_events: await eventsSince(deps.db, row.customer_id, row, end),
  }
}
