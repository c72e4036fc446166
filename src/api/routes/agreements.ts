// Agreements: uploaded as YAML or JSON text, kept as immutable versions; customers read theirs.

import { z } from 'zod'
import type { Deps } from '../../actions/deps.ts'
import { findAgreementsInForce } from '../../actions/find-agreements-in-force.ts'
import { getAgreement } from '../../actions/get-agreement.ts'
import { getAgreementVersion } from '../../actions/get-agreement-version.ts'
import {
  type AgreementRow,
  type AgreementStanding,
  listAgreementsStanding,
} from '../../actions/list-agreements.ts'
import { uploadAgreement } from '../../actions/upload-agreement.ts'
import type { EditionState } from '../../domain/lifecycle/states.ts'
import {
  presentAgreement,
  presentAgreementDetail,
  presentUpload,
  presentVersionDocument,
} from '../presenters.ts'
import { type Route, route } from '../route.ts'
import * as S from '../schemas/agreements.ts'
import { IdParam } from '../schemas/common.ts'

export const AGREEMENT_MEDIA_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'application/json',
]
const NOT_FOUND = { 404: { description: 'no such agreement among those you may read' } }

export function agreementRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/agreements',
      operationId: 'uploadAgreement',
      tag: 'Agreements',
      summary: 'Upload an agreement (admin, agent)',
      description:
        'The body is the agreement as YAML or JSON. New content becomes the next version (201); content ' +
        'stored before returns that version (200). Every problem is reported at once, with line and column.',
      query: S.UploadQuerySchema,
      body: { text: AGREEMENT_MEDIA_TYPES, doc: { $ref: '#/components/schemas/Agreement' } },
      responses: {
        200: { description: 'this content was stored before', schema: S.UploadResultSchema },
        201: { description: 'stored as a new version', schema: S.UploadResultSchema },
        403: { description: 'customers cannot upload agreements' },
      },
      handle: async (c, { query, body }) => {
        const result = await uploadAgreement(deps, c.get('actor'), {
          text: body,
          effectiveFrom: query.effective_from,
        })
        return c.json(presentUpload(result), result.created ? 201 : 200)
      },
    }),
    route({
      method: 'get',
      path: '/api/agreements',
      operationId: 'listAgreements',
      tag: 'Agreements',
      summary: 'List agreements',
      description:
        'A customer sees their own organisation’s; staff see all, or one customer’s. Each with where it ' +
        'stands: the state of its current edition, the version in force and its open health findings.',
      query: z.object({ customer: z.string().min(1).optional() }),
      responses: { 200: { description: 'agreements, by id', schema: S.AgreementListSchema } },
      handle: async (c, { query }) =>
        c.json({
          items: (await listAgreementsStanding(deps, c.get('actor'), query.customer)).map(
            presentListedAgreement,
          ),
        }),
    }),
    route({
      method: 'get',
      path: '/api/agreements/in-force',
      operationId: 'findAgreementsInForce',
      tag: 'Agreements',
      summary: 'Which agreement versions are in force for a customer (and service) at an instant',
      description:
        'Per agreement, the newest version that had taken effect by `at`, unless the term had ended; ' +
        'an agreement that lists no services covers them all.',
      query: S.InForceQuerySchema,
      responses: { 200: { description: 'the versions in force', schema: S.InForceSchema } },
      handle: async (c, { query }) => {
        const at = query.at ?? deps.now()
        const found = await findAgreementsInForce(deps, c.get('actor'), { ...query, at })
        return c.json({
          customer: found.customerId,
          service: query.service ?? null,
          at: new Date(at).toISOString(),
          items: found.items.map(({ agreement, version }) => ({
            ...presentAgreement(agreement),
            version: version.version,
            content_hash: version.content_hash,
            effective_from: version.effective_from.toISOString(),
          })),
        })
      },
    }),
    route({
      method: 'get',
      path: '/api/agreements/:id',
      operationId: 'getAgreement',
      tag: 'Agreements',
      summary: 'An agreement and its versions',
      params: IdParam,
      responses: { 200: { description: 'the agreement', schema: S.AgreementDetailSchema }, ...NOT_FOUND },
      handle: async (c, { params }) =>
        c.json(presentAgreementDetail(await getAgreement(deps, c.get('actor'), params.id))),
    }),
    route({
      method: 'get',
      path: '/api/agreements/:id/versions/:version',
      operationId: 'getAgreementVersion',
      tag: 'Agreements',
      summary: 'One version of an agreement, with its document',
      params: S.VersionParams,
      responses: { 200: { description: 'the version', schema: S.VersionDocumentSchema }, ...NOT_FOUND },
      handle: async (c, { params }) =>
        c.json(
          presentVersionDocument(await getAgreementVersion(deps, c.get('actor'), params.id, params.version)),
        ),
    }),
  ]
}

function presentListedAgreement(
  a: AgreementRow & { standing: AgreementStanding },
): z.output<typeof S.AgreementListSchema>['items'][number] {
  const s = a.standing
  return {
    ...presentAgreement(a),
    standing: {
      edition: s.edition,
      state: s.state as EditionState | null,
      version_in_force: s.version,
      in_force_since: s.version_from?.toISOString() ?? null,
      review_due: s.review_due,
      open_findings: { errors: s.errors, warnings: s.warnings },
    },
  }
}
