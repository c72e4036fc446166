// A small agreement that every lint rule passes on TODAY, and a way for a test to change it.
// A changed agreement is validated again, so every case is an agreement the parser accepts.
import { parseAgreement, validateAgreement } from '../../agreement/parse-agreement.ts'
import type { Agreement } from '../../agreement/schema.ts'
import { formatIssue, formatPath, type PathSegment } from '../../issues.ts'
import type { LintRule } from '../rule.ts'

export const TODAY = '2026-06-01'

const office = '[["09:00", "17:00"]]'

export const BASE_YAML = `
apiVersion: upheld/v1
kind: ServiceLevelAgreement
metadata: { id: base, title: Base agreement }
spec:
  parties:
    provider: { id: prov, name: Provider Ltd, signatory: c-prov }
    customer: { id: cust, name: Customer plc, signatory: c-cust }
  term:
    effectiveFrom: 2026-01-01
    effectiveTo: 2027-12-31
    renewal: { type: express, notice: P60D, renewalTerm: P12M }
    review: { every: P6M, last: 2026-04-01 }
  services:
    - { id: app, name: Application }
  environments:
    - { id: production, purpose: Live service }
  environment:
    software:
      - { id: sw-app, name: Application server, eolDate: 2029-01-31 }
    hardware:
      - { id: hw-1, name: Database server, warrantyExpiry: 2029-01-31 }
    databases:
      - { id: db-main, engine: PostgreSQL, environment: production, personalData: true, backup: b-daily }
    dataExchange:
      - { id: dx-stats, counterpart: Statistics office, direction: out, protocol: sftp, personalData: true, encryptedInTransit: true }
  responsibilities:
    - { area: software-maintenance, contact: c-lead }
    - { area: system-administration, contact: c-lead }
    - { area: operational-support, contact: c-desk }
    - { area: database-administration, contact: c-lead }
  licenses:
    - { id: l-db, product: Database, type: subscription, expiry: 2028-06-30, autoRenew: false, renewalOwner: c-prov, renewalLeadTime: P60D }
  security:
    classification: confidential
    personalData: true
    dpa: DPA-2026-01
    encryption: { atRest: true, inTransit: true }
    access: { mfaRequired: true, reviewEvery: P6M, lastReview: 2026-03-01 }
    incidentNotification: PT24H
    certifications: [{ name: ISO 27001, expiry: 2027-06-30 }]
    pentest: { every: P1Y, last: 2025-10-01 }
  calendars:
    - id: office
      timezone: Europe/London
      week: { mon: ${office}, tue: ${office}, wed: ${office}, thu: ${office}, fri: ${office} }
    - { id: always, timezone: UTC, week: 24x7 }
  channels:
    - { id: email, kind: email, address: support@prov.example, calendar: always }
  severities:
    - { id: P1, rank: 1, name: Critical, definition: The service is down. }
    - { id: P2, rank: 2, name: High, definition: A major function fails. }
    - { id: P3, rank: 3, name: Low, definition: A minor fault with a workaround. }
  targets:
    - { severity: P1, metric: first_response, within: 15m, calendar: always }
    - { severity: P1, metric: resolution, within: 4h, calendar: always }
    - { severity: P2, metric: first_response, within: 1h, calendar: office }
    - { severity: P2, metric: resolution, within: 8h, calendar: office }
    - { severity: P3, metric: first_response, within: 4h, calendar: office }
    - { severity: P3, metric: resolution, within: 40h, calendar: office }
  availability:
    - { id: app-uptime, service: app, target: 99.9%, period: month, noData: exclude }
  maintenance:
    - { id: monthly, services: [app], rrule: "FREQ=MONTHLY;BYDAY=1SU;BYHOUR=2", timezone: UTC, duration: 30m, notice: P5D }
  monitoring:
    - { id: m-http, target: app, kind: uptime, tool: upheld, interval: 1m, objective: app-uptime }
  backups:
    - { id: b-daily, scope: db-main, type: full, interval: P1D, retention: P30D, offsite: true, encrypted: true, restoreTestEvery: P3M, lastRestoreTest: 2026-04-15, lastSuccessAt: 2026-05-31 }
    - { id: b-wal, scope: db-main, type: incremental, interval: 15m, retention: P7D, offsite: false, encrypted: true, restoreTestEvery: P3M, lastRestoreTest: 2026-04-15 }
  disasterRecovery: { rto: 8h, rpo: 15m, testEvery: P1Y, lastTest: 2025-11-01 }
  release:
    cadence: P3M
    noticeLeadTime: 5d
    changeApproval: { cabRequired: true, approver: c-prov }
    path: [production]
    acceptanceCriteria:
      - { id: ac-core, description: Core journeys work end to end., method: test, owner: c-prov, suite: rt-core }
  regressionTests:
    - { id: rt-core, name: Core journeys, automated: true, trigger: per-release, covers: [ac-core] }
  credits:
    basis: { monthlyFee: { amount: 1000, currency: GBP } }
    cap: 20%
    availability:
      - { objective: app-uptime, below: 99.9%, credit: 5% }
      - { objective: app-uptime, below: 99%, credit: 10% }
    targets:
      - { severity: P1, metric: resolution, missedGoal: true, credit: 5% }
  escalation:
    - { level: 1, severities: [P1, P2], metric: resolution, at: 50%, notify: [c-lead] }
    - { level: 2, severities: [P1], metric: resolution, at: 100%, notify: [c-prov] }
  contacts:
    - { id: c-prov, name: Pat Provider, org: prov, role: service-owner, email: pat@prov.example }
    - { id: c-cust, name: Casey Customer, org: cust, role: customer-representative, email: casey@cust.example }
    - { id: c-lead, name: Lee Lead, org: prov, role: support-lead, phone: "+442079460001" }
    - { id: c-desk, name: Service desk, org: prov, role: service-desk, email: desk@prov.example }
  referral:
    - { level: L1, contact: c-desk }
    - { level: L2, contact: c-lead }
  budget:
    - { id: bud-staff, category: labour, amount: 1000, currency: GBP, period: { from: 2026-01-01, to: 2026-12-31 } }
`

function parseBase(): Agreement {
  const result = parseAgreement(BASE_YAML, { filename: 'base.yaml' })
  if (!result.ok)
    throw new Error(`the base agreement is invalid:\n${result.issues.map(formatIssue).join('\n')}`)
  return result.agreement
}

const base = parseBase()

/** The base agreement, changed by `patch` (which may mutate it) and validated again. */
export function agreementWith(patch: (a: Agreement) => void = () => {}): Agreement {
  const draft = structuredClone(base)
  patch(draft)
  const result = validateAgreement(draft)
  if (!result.ok)
    throw new Error(`the changed agreement is invalid:\n${result.issues.map(formatIssue).join('\n')}`)
  return result.agreement
}

type Expected = { path: PathSegment[]; message: string }

/**
 * Runs one rule and checks what it finds: rule id, level, path and exact message. (Domain
 * code, test support included, imports no node:* module, so this compares by itself.)
 */
export function assertFindings(
  rule: LintRule,
  agreement: Agreement,
  expected: Expected[],
  today = TODAY,
): void {
  const line = (f: { rule: string; level: string; path: PathSegment[]; message: string }) =>
    `${f.level} ${f.rule} ${formatPath(f.path)}: ${f.message}`
  const actual = rule.check(agreement, { today }).map(line)
  const wanted = expected.map((e) => line({ rule: rule.id, level: rule.level, ...e }))
  if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
    throw new Error(
      `findings differ\nexpected:\n${wanted.join('\n') || '(none)'}\nactual:\n${actual.join('\n') || '(none)'}`,
    )
  }
}
