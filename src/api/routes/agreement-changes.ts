// What changed between two versions of an agreement, and what its daily health check found.
// Both read one agreement, so a customer sees only its own (another's is a 404).
import type { Deps } from '../../actions/deps.ts'
import { type AgreementDiff, diffAgreementVersions } from '../../actions/diff-agreement-versions.ts'
import { type AgreementHealth, getAgreementHealth } from '../../actions/get-agreement-health.ts'
import { type Route, route } from '../route.ts'
import * as S from '../schemas/agreement-changes.ts'
import { IdParam } from '../schemas/common.ts'

const NOT_FOUND = { 404: { description: 'no such agreement (or version) among those you may read' } }

export function agreementChangeRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/agreements/:id/diff',
      operationId: 'diffAgreementVersions',
      tag: 'Agreements',
      summary: 'What changed between two versions of an agreement',
      description:
        'Field by field over the whole document. List items are matched by id (or natural key), so a ' +
        'reordering is a move; a changed text of several words carries a word-level diff.',
      params: IdParam,
      query: S.DiffQuerySchema,
      responses: { 200: { description: 'the changes', schema: S.AgreementDiffSchema }, ...NOT_FOUND },
      handle: async (c, { params, query }) =>
        c.json(presentDiff(await diffAgreementVersions(deps, c.get('actor'), params.id, query))),
    }),
    route({
      method: 'get',
      path: '/api/agreements/:id/health',
      operationId: 'getAgreementHealth',
      tag: 'Agreements',
      summary: 'The health list of an agreement: what the daily checks found',
      description:
        'While an agreement is in force, the lint rules marked continuous run every day (review due, ' +
        'renewal notice, licence renewal lead time, restore and DR tests overdue, certifications ' +
        'expired). Each finding is kept with when it was first and last seen and when it was resolved.',
      params: IdParam,
      query: S.HealthQuerySchema,
      responses: { 200: { description: 'the findings', schema: S.AgreementHealthSchema }, ...NOT_FOUND },
      handle: async (c, { params, query }) =>
        c.json(presentHealth(await getAgreementHealth(deps, c.get('actor'), params.id, query.state))),
    }),
  ]
}

function presentDiff(diff: AgreementDiff) {
  const ref = (v: AgreementDiff['from']) => ({ ...v, effective_from: v.effective_from.toISOString() })
  return { ...diff, from: ref(diff.from), to: ref(diff.to) }
}

function presentHealth(health: AgreementHealth) {
  return {
    agreement: health.agreement,
    customer: health.customer,
    items: health.findings.map((f) => ({
      rule: f.rule,
      level: f.level,
      path: f.path,
      message: f.message,
      hint: f.hint,
      version: f.version,
      owners: f.owners,
      first_seen: f.first_seen.toISOString(),
      last_seen: f.last_seen.toISOString(),
      resolved_at: f.resolved_at?.toISOString() ?? null,
    })),
  }
}
