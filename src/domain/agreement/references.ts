// Ids are unique within their list and every reference names an item that exists.
import { didYouMean, formatPath, type Issue, type PathSegment } from '../issues.ts'

type Lists = Record<string, string>

// Where the items of each kind live (each `[]` is a list).
const KINDS: Lists = {
  contact: 'spec.contacts[].id',
  calendar: 'spec.calendars[].id',
  severity: 'spec.severities[].id',
  service: 'spec.services[].id',
  channel: 'spec.channels[].id',
  environment: 'spec.environments[].id',
  database: 'spec.environment.databases[].id',
  backup: 'spec.backups[].id',
  license: 'spec.licenses[].id',
  objective: 'spec.availability[].id',
  criterion: 'spec.release.acceptanceCriteria[].id',
  suite: 'spec.regressionTests[].id',
}

// Every reference, by the kinds it may name.
const REFERENCES: [string, string[]][] = [
  ['spec.parties.provider.signatory', ['contact']],
  ['spec.parties.customer.signatory', ['contact']],
  ['spec.term.review.owner', ['contact']],
  ['spec.objectives[].owner', ['contact']],
  ['spec.assumptions[].owner', ['contact']],
  ['spec.scope.inScope[].service', ['service']],
  ['spec.environment.software[].license', ['license']],
  ['spec.environment.hardware[].owner', ['contact']],
  ['spec.environment.databases[].environment', ['environment']],
  ['spec.environment.databases[].backup', ['backup']],
  ['spec.environment.dataExchange[].owner', ['contact']],
  ['spec.responsibilities[].contact', ['contact']],
  ['spec.stakeholders[].contact', ['contact']],
  ['spec.departments[].contact', ['contact']],
  ['spec.thirdParties[].contact', ['contact']],
  ['spec.approvals.management[]', ['contact']],
  ['spec.approvals.legal[]', ['contact']],
  ['spec.approvals.final[]', ['contact']],
  ['spec.licenses[].renewalOwner', ['contact']],
  ['spec.channels[].calendar', ['calendar']],
  ['spec.channels[].severities[]', ['severity']],
  ['spec.targets[].severity', ['severity']],
  ['spec.targets[].calendar', ['calendar']],
  ['spec.clock.qualifyingResponse.channels[]', ['channel']],
  ['spec.vip[].severity', ['severity']],
  ['spec.availability[].service', ['service']],
  ['spec.maintenance[].services[]', ['service']],
  ['spec.monitoring[].target', ['service']],
  ['spec.monitoring[].objective', ['objective']],
  ['spec.monitoring[].notify[]', ['contact']],
  ['spec.monitoring[].openIncident.severity', ['severity']],
  ['spec.backups[].scope', ['database', 'service']],
  ['spec.backups[].owner', ['contact']],
  ['spec.disasterRecovery.contacts[]', ['contact']],
  ['spec.release.changeApproval.approver', ['contact']],
  ['spec.release.path[]', ['environment']],
  ['spec.release.acceptanceCriteria[].owner', ['contact']],
  ['spec.release.acceptanceCriteria[].suite', ['suite']],
  ['spec.regressionTests[].covers[]', ['criterion']],
  ['spec.regressionTests[].owner', ['contact']],
  ['spec.credits.availability[].objective', ['objective']],
  ['spec.credits.targets[].severity', ['severity']],
  ['spec.credits.formula.objective', ['objective']],
  ['spec.escalation[].severities[]', ['severity']],
  ['spec.escalation[].notify[]', ['contact']],
  ['spec.contacts[].calendar', ['calendar']],
  ['spec.contacts[].deputy', ['contact']],
  ['spec.referral[].contact', ['contact']],
  ['spec.referral[].channel', ['channel']],
  ['spec.referral[].calendar', ['calendar']],
  ['spec.budget[].owner', ['contact']],
  ['spec.reporting.to[]', ['contact']],
]

// Lists whose items are told apart by something other than `id`.
const NATURAL_KEYS: [string, (item: Record<string, unknown>) => string | undefined, string][] = [
  [
    'spec.targets',
    (t) => `${t.severity}/${t.metric}/${t.requestType ?? ''}`,
    'a target for this severity and metric',
  ],
  ['spec.escalation', (e) => `${e.level}`, 'escalation level'],
  ['spec.referral', (r) => `${r.level}`, 'referral level'],
]

type Found = { path: PathSegment[]; value: unknown }

/** Every value at a pattern such as `spec.targets[].severity`. */
export function valuesAt(root: unknown, pattern: string): Found[] {
  let found: Found[] = [{ path: [], value: root }]
  for (const part of pattern.split('.')) {
    const list = part.endsWith('[]')
    const key = list ? part.slice(0, -2) : part
    const next: Found[] = []
    for (const { path, value } of found) {
      const child = key === '' ? value : (value as Record<string, unknown> | undefined)?.[key]
      const here = key === '' ? path : [...path, key]
      if (child === undefined || child === null) continue
      if (!list) next.push({ path: here, value: child })
      else if (Array.isArray(child)) {
        for (const [i, item] of child.entries()) next.push({ path: [...here, i], value: item })
      }
    }
    found = next
  }
  return found
}

export function checkReferences(agreement: unknown): Issue[] {
  const issues: Issue[] = []
  const ids: Record<string, Set<string>> = {}
  for (const [kind, pattern] of Object.entries(KINDS)) {
    const seen = new Map<string, PathSegment[]>()
    for (const { path, value } of valuesAt(agreement, pattern)) {
      if (typeof value !== 'string') continue
      const first = seen.get(value)
      if (first) {
        issues.push({
          path,
          message: `the id "${value}" is used twice in this list`,
          hint: `first at ${formatPath(first)}`,
        })
      } else seen.set(value, path)
    }
    ids[kind] = new Set(seen.keys())
  }
  for (const [list, keyOf, what] of NATURAL_KEYS) {
    const seen = new Set<string>()
    for (const { path, value } of valuesAt(agreement, `${list}[]`)) {
      const key = keyOf(value as Record<string, unknown>)
      if (key === undefined) continue
      if (seen.has(key)) issues.push({ path, message: `${what} appears twice` })
      seen.add(key)
    }
  }
  for (const [pattern, kinds] of REFERENCES) {
    for (const { path, value } of valuesAt(agreement, pattern)) {
      if (typeof value !== 'string') continue
      if (kinds.some((k) => ids[k]?.has(value))) continue
      const known = kinds.flatMap((k) => [...(ids[k] ?? [])])
      issues.push({
        path,
        message: `"${value}" names no ${kinds.join(' or ')} in this agreement`,
        hint:
          didYouMean(value, known) ??
          (known.length > 0
            ? `known: ${known.join(', ')}`
            : `add it to ${KINDS[kinds[0]!]!.replace('[].id', '')}`),
      })
    }
  }
  return issues
}
