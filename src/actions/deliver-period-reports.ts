// When a reporting period closes, each agreement's report for it is frozen and sent to the
// contacts its `reporting.to` names, through the notifications outbox. Run by the worker every
// few minutes, in any number of processes: the freeze and the notifications are each keyed,
// so a period's report is frozen once and told once, whoever gets there first.
import type { AgreementSpec } from '../domain/agreement/schema.ts'
import {
  calendarPeriod,
  formatPeriodLabel,
  labelAt,
  type PeriodLabel,
} from '../domain/availability/reporting-period.ts'
import { namedContacts } from '../domain/notifications/message.ts'
import { buildReportMessage } from '../domain/notifications/report-message.ts'
import { listAgreements, listVersions } from '../storage/agreements.ts'
import { listEnabledChannels } from '../storage/notification-channels.ts'
import { insertNotifications } from '../storage/notifications.ts'
import { findOrganisation } from '../storage/organisations.ts'
import { type Actor, type Deps, SYSTEM_ACTOR } from './deps.ts'
import { outboxRows } from './enqueue-notification.ts'
import { specOf } from './find-agreements-in-force.ts'
import { DEFAULT_BASE_URL } from './fire-timers.ts'
import { frozenReport, storedReport } from './frozen-reports.ts'

export type ReportDelivery = { agreement: string; period: string; enqueued: number }

/** Freezes and sends the reports of the periods that have closed; returns what was new. */
export async function deliverClosedReports(
  deps: Deps,
  actor: Actor = SYSTEM_ACTOR,
): Promise<ReportDelivery[]> {
  const now = deps.now()
  const done: ReportDelivery[] = []
  for (const agreement of await listAgreements(deps.db)) {
    const versions = (await listVersions(deps.db, agreement.id)).filter(
      (v) => v.effective_from.getTime() <= now,
    )
    const current = versions.at(-1)
    const first = versions[0]
    if (!current || !first) continue
    const spec = specOf(current)
    const label = closedPeriod(spec, now)
    // No report for a period that ended before the agreement took effect.
    if (!label || periodEnd(spec, label) <= first.effective_from.getTime()) continue
    // The snapshot alone: what arrived late is for readers, not for the sending.
    const made = await frozenReport(deps, actor, { agreementId: agreement.id, period: label })
    if (!('snapshot' in made)) continue
    const { snapshot } = made
    const enqueued = await enqueueReport(
      deps,
      spec,
      storedReport(snapshot),
      snapshot.revision,
      agreement.title,
    )
    if (enqueued > 0) done.push({ agreement: agreement.id, period: formatPeriodLabel(label), enqueued })
  }
  return done
}

/** The reporting period that ended last before `now`, in the reporting zone. */
function closedPeriod(spec: AgreementSpec, now: number): PeriodLabel | null {
  const reporting = spec.reporting
  if (!reporting) return null
  const months = reporting.every === 'quarter' ? 3 : 1
  const running = labelAt(months, now, reporting.timezone ?? 'UTC')
  const month = running.month - months
  return month >= 1
    ? { ...running, month }
    : { year: running.year - 1, month: month + 12, months: running.months }
}

function periodEnd(spec: AgreementSpec, label: PeriodLabel): number {
  return calendarPeriod(label, spec.reporting?.timezone ?? 'UTC').end
}

async function enqueueReport(
  deps: Deps,
  spec: AgreementSpec,
  report: Parameters<typeof buildReportMessage>[0]['report'],
  revision: number,
  title: string,
): Promise<number> {
  const channels = await listEnabledChannels(deps.db)
  if (channels.length === 0) return 0
  const contacts = namedContacts(spec.contacts, spec.reporting?.to ?? [])
  const customerName = (await findOrganisation(deps.db, report.customer))?.name ?? report.customer
  const message = buildReportMessage({
    report,
    title,
    customerName,
    revision,
    contacts,
    baseUrl: deps.publicUrl ?? DEFAULT_BASE_URL,
  })
  const key = ['report.ready', report.customer, report.agreement, report.period.label]
  const rows = outboxRows(
    { customerId: report.customer, event: 'report.ready', message, contacts, key },
    channels,
    new Date(deps.now()),
  )
  return insertNotifications(deps.db, rows)
}
