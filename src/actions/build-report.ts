// An agreement's compliance report for a month or quarter, from the database: its versions,
// the clocks of its tickets (aggregated, replaying only what must be), the ratings given and
// the status intervals of its availability objectives, composed by the pure report.
import { AppError } from '../domain/app-error.ts'
import type { PeriodLabel } from '../domain/availability/reporting-period.ts'
import type { StatusInterval } from '../domain/availability/status-intervals.ts'
import type { AgreementVersion } from '../domain/clocks/selection.ts'
import { didYouMean, type Result } from '../domain/issues.ts'
import { objectiveReaches } from '../domain/reports/availability-rows.ts'
import { composeReport } from '../domain/reports/compose-report.ts'
import { historySelector } from '../domain/reports/replay-tally.ts'
import {
  type AgreementHistory,
  closingVersion,
  type ReportPeriod,
  reportPeriod,
} from '../domain/reports/report-period.ts'
import type { Report } from '../domain/reports/report-schema.ts'
import { compiledVersion } from './customer-policies.ts'
import type { Actor, Deps } from './deps.ts'
import { getAgreement } from './get-agreement.ts'
import { listAgreements } from './list-agreements.ts'
import { loadReportTally } from './load-report-tally.ts'
import { loadServiceIntervals } from './load-service-intervals.ts'

export type ReportQuery = {
  agreementId: string
  period: PeriodLabel
  /** The instant the report is made as of; default now. A period not yet over is reported so far. */
  at?: number
}

export async function buildReport(deps: Deps, actor: Actor, query: ReportQuery): Promise<Report> {
  const { customerId, history } = await loadHistory(deps, actor, query.agreementId)
  const period = orThrow(reportPeriod(history, query.period, query.at ?? deps.now()), 'the period')
  const select = orThrow(historySelector(history), `agreement ${history.id}`)
  const { tally } = await loadReportTally(deps.db, { customerId, agreementId: history.id }, period, select)
  const intervals = await loadIntervals(deps, customerId, history, period)
  return orThrow(composeReport({ history, period, tally, intervals }), `agreement ${history.id}`)
}

async function loadHistory(
  deps: Deps,
  actor: Actor,
  agreementId: string,
): Promise<{ customerId: string; history: AgreementHistory }> {
  const found = await getAgreement(deps, actor, agreementId).catch(async (error: unknown) => {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error
    const ids = (await listAgreements(deps, actor)).map((a) => a.id)
    const hint = didYouMean(agreementId, ids) ?? (ids.length > 0 ? `there are ${ids.join(', ')}` : undefined)
    throw new AppError('not_found', `no agreement "${agreementId}"`, [
      { path: ['agreement'], message: `no agreement "${agreementId}"`, hint },
    ])
  })
  const versions: AgreementVersion[] = []
  for (const row of found.versions) {
    const label = `${row.agreement_id}@${row.version}`
    const compiled = await compiledVersion(deps.db, label)
    if (!compiled) throw new Error(`agreement version ${label} disappeared`)
    versions.push({ ...compiled, version: label, effectiveFrom: row.effective_from.getTime() })
  }
  versions.sort((a, b) => a.effectiveFrom - b.effectiveFrom)
  return { customerId: found.agreement.customer_id, history: { id: found.agreement.id, versions } }
}

// Each objective reads its service's intervals over its own period, widened by its minimum.
async function loadIntervals(
  deps: Deps,
  customerId: string,
  history: AgreementHistory,
  period: ReportPeriod,
): Promise<Map<string, StatusInterval[]>> {
  const intervals = new Map<string, StatusInterval[]>()
  for (const { id, service, reach } of objectiveReaches(closingVersion(history, period).agreement, period))
    intervals.set(id, await loadServiceIntervals(deps, customerId, service, reach, period.asOf))
  return intervals
}

function orThrow<T>(result: Result<T>, what: string): T {
  if (result.ok) return result.value
  throw new AppError('invalid_input', `${what} cannot be reported on`, result.issues)
}
