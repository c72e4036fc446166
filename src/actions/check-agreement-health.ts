// Keeping the plan alive: every day, the lint rules that run while an agreement is in force
// (review due, renewal notice reached, licence renewal lead time, restore or DR test overdue,
// certification expired) run over each agreement in force. What they find goes into the
// agreement's health list; a new finding is told once to its owner through the outbox, and a
// finding no longer found (the agreement was revised, or left force) is resolved.
import type { Agreement } from '../domain/agreement/schema.ts'
import { agreementHealth, agreementToday, type HealthFinding } from '../domain/health/agreement-health.ts'
import { buildFindingMessage } from '../domain/notifications/agreement-messages.ts'
import {
  agreementsWithOpenFindings,
  type CheckedVersion,
  insertFinding,
  newestEffectiveVersions,
  openFindings,
  resolveFindings,
  type SeenFinding,
  touchFinding,
} from '../storage/agreement-health.ts'
import type { Db } from '../storage/db.ts'
import { listEnabledChannels } from '../storage/notification-channels.ts'
import { insertNotifications } from '../storage/notifications.ts'
import { findOrganisation } from '../storage/organisations.ts'
import type { Deps } from './deps.ts'
import { outboxRows } from './enqueue-notification.ts'
import { DEFAULT_BASE_URL } from './fire-timers.ts'

/**
 * Which of the candidates (per agreement, the newest version in effect) are in force. The
 * lifecycle narrows them (an agreement expired, terminated or withdrawn is not); without it,
 * every candidate is. A term that has ended does not by itself take an agreement out: the
 * `term.ended` rule is there to say that nobody renewed or closed it.
 */
export type InForceFilter = (db: Db, candidates: CheckedVersion[]) => Promise<CheckedVersion[]>
/** A finding first seen (`check.failed`) or resolved (`check.cleared`), for the agreement's audit log. */
export type HealthAuditEvent = {
  type: 'check.failed' | 'check.cleared'
  customerId: string
  agreementId: string
  at: number
  payload: { rule: string; path: string; version?: number; message?: string }
}
/** `audit` appends to the agreement's audit log in the transaction `db` it is given. */
export type HealthDeps = Deps & {
  inForce?: InForceFilter
  audit?: (db: Db, event: HealthAuditEvent) => Promise<void>
}
export type HealthReport = { checked: number; found: number; new: number; resolved: number; notified: number }

export async function checkAgreementHealth(deps: HealthDeps, now: number): Promise<HealthReport> {
  const at = new Date(now)
  const candidates = await newestEffectiveVersions(deps.db, at)
  const versions = deps.inForce ? await deps.inForce(deps.db, candidates) : candidates
  const report: HealthReport = { checked: versions.length, found: 0, new: 0, resolved: 0, notified: 0 }
  for (const version of versions)
    await deps.db.transaction((tx) => checkVersion({ ...deps, db: tx }, version, now, report))
  // An agreement no longer in force has no health to keep.
  const checked = new Set(versions.map((v) => `${v.customer_id}\u0000${v.agreement_id}`))
  for (const open of await agreementsWithOpenFindings(deps.db))
    if (!checked.has(`${open.customer_id}\u0000${open.agreement_id}`))
      await deps.db.transaction(async (tx) => {
        const gone = await resolveFindings(tx, open.customer_id, open.agreement_id, at)
        report.resolved += gone.length
        await tellAudit({ ...deps, db: tx }, 'check.cleared', open, now, gone)
      })
  return report
}

async function checkVersion(
  deps: HealthDeps,
  v: CheckedVersion,
  now: number,
  report: HealthReport,
): Promise<void> {
  const at = new Date(now)
  const agreement = JSON.parse(v.document) as Agreement
  const findings = uniqueByPlace(agreementHealth(agreement, now))
  const open = new Set((await openFindings(deps.db, v.customer_id, v.agreement_id)).map(placeOf))
  const fresh: HealthFinding[] = []
  for (const finding of findings) {
    const row = seen(v, finding)
    if (open.has(placeOf(finding))) await touchFinding(deps.db, row, at)
    else if (await insertFinding(deps.db, row, at)) fresh.push(finding)
  }
  const found = new Set(findings.map(placeOf))
  const gone = [...open].filter((place) => !found.has(place)).map(parsePlace)
  const resolved = await resolveFindings(deps.db, v.customer_id, v.agreement_id, at, gone)
  report.found += findings.length
  report.new += fresh.length
  report.resolved += resolved.length
  report.notified += await notifyOwners(deps, v, agreement, fresh, now)
  const failed = fresh.map((f) => ({ rule: f.rule, path: f.path, version: v.version, message: f.message }))
  await tellAudit(deps, 'check.failed', v, now, failed)
  await tellAudit(deps, 'check.cleared', v, now, resolved)
}

async function tellAudit(
  deps: HealthDeps,
  type: HealthAuditEvent['type'],
  of: { customer_id: string; agreement_id: string },
  at: number,
  payloads: readonly HealthAuditEvent['payload'][],
): Promise<void> {
  if (!deps.audit) return
  for (const payload of payloads)
    await deps.audit(deps.db, { type, customerId: of.customer_id, agreementId: of.agreement_id, at, payload })
}

/** Each new finding, to its owners (and every channel), keyed so that it is told once. */
async function notifyOwners(
  deps: Deps,
  v: CheckedVersion,
  agreement: Agreement,
  fresh: readonly HealthFinding[],
  now: number,
): Promise<number> {
  if (fresh.length === 0) return 0
  const channels = await listEnabledChannels(deps.db)
  if (channels.length === 0) return 0
  const customer = {
    id: v.customer_id,
    name: (await findOrganisation(deps.db, v.customer_id))?.name ?? v.customer_id,
  }
  const firstSeen = agreementToday(agreement, now)
  const rows = fresh.flatMap((finding) =>
    outboxRows(
      {
        customerId: v.customer_id,
        event: 'agreement.finding',
        message: buildFindingMessage({
          agreement: { id: v.agreement_id, version: v.version, title: v.title, contentHash: v.content_hash },
          customer,
          baseUrl: deps.publicUrl ?? DEFAULT_BASE_URL,
          finding,
          firstSeen: now,
          owners: finding.owners,
        }),
        contacts: finding.owners,
        key: ['agreement.finding', v.customer_id, v.agreement_id, finding.rule, finding.path, firstSeen],
      },
      channels,
      new Date(now),
    ),
  )
  return insertNotifications(deps.db, rows)
}

function seen(v: CheckedVersion, f: HealthFinding): SeenFinding {
  return {
    customer_id: v.customer_id,
    agreement_id: v.agreement_id,
    rule: f.rule,
    path: f.path,
    version: v.version,
    level: f.level,
    message: f.message,
    hint: f.hint,
    owners: f.owners.map((o) => ({ name: o.name, email: o.email ?? null, role: o.role ?? null })),
  }
}

// A finding is the same one while its rule and place are: its wording may change day by day.
const placeOf = (f: { rule: string; path: string }) => `${f.rule}\u0000${f.path}`

function parsePlace(place: string): { rule: string; path: string } {
  const [rule = '', path = ''] = place.split('\u0000')
  return { rule, path }
}

function uniqueByPlace(findings: readonly HealthFinding[]): HealthFinding[] {
  const byPlace = new Map<string, HealthFinding>()
  for (const f of findings) if (!byPlace.has(placeOf(f))) byPlace.set(placeOf(f), f)
  return [...byPlace.values()]
}
