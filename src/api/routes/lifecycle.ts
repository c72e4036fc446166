// The agreement lifecycle: draft revisions, negotiation by section, comments, submission,
// approvals, signatures, withdrawal, review and termination, the audit log and its
// verification. Every act answers with the edition it concerned and the entries it appended.
import { z } from 'zod'
import { commentOnAgreement } from '../../actions/comment-on-agreement.ts'
import { confirmAgreementReview } from '../../actions/confirm-agreement-review.ts'
import { approveAgreement, rejectAgreement } from '../../actions/decide-agreement-approval.ts'
import type { Actor, Deps } from '../../actions/deps.ts'
import type { SealConfig } from '../../actions/distribute-agreement.ts'
import { distributeOnSignature } from '../../actions/distribute-on-signature.ts'
import { terminateAgreement, withdrawAgreement } from '../../actions/end-agreement.ts'
import { lifecycleRecords } from '../../actions/lifecycle-records.ts'
import type { ActResult } from '../../actions/lifecycle-session.ts'
import { listAgreementActs } from '../../actions/list-agreement-acts.ts'
import {
  agreeToSections,
  openAgreementNegotiation,
  reopenAgreementSections,
} from '../../actions/negotiate-agreement.ts'
import {
  getAgreementHistory,
  getAgreementLifecycle,
  getAgreementRevision,
  verifyAgreementAudit,
} from '../../actions/read-agreement-lifecycle.ts'
import { renderAgreementRevision } from '../../actions/render-agreement-revision.ts'
import { saveAgreementDraft } from '../../actions/save-agreement-draft.ts'
import { signAgreement } from '../../actions/sign-agreement.ts'
import { submitAgreement } from '../../actions/submit-agreement.ts'
import { RENDER_FORMATS } from '../../render/formats.ts'
import { documentResponse } from '../agreement-document.ts'
import {
  presentActs,
  presentDraft,
  presentHistory,
  presentLifecycle,
  presentRevision,
  presentVerification,
} from '../lifecycle-presenters.ts'
import { type Route, route } from '../route.ts'
import { IdParam } from '../schemas/common.ts'
import * as L from '../schemas/lifecycle.ts'
import { AGREEMENT_MEDIA_TYPES } from './agreements.ts'

const TAG = 'Agreement lifecycle'
const NOT_FOUND = { 404: { description: 'no such agreement among those you may read' } }
const ACT_RESPONSES = {
  200: { description: 'done; the entries appended to the audit log', schema: L.ActResultSchema },
  403: { description: 'you are not one who may do this (the message says who is)' },
  409: { description: 'not now: the message says what stands in the way' },
  ...NOT_FOUND,
}

type Act<B extends z.ZodType> = {
  path: string
  operationId: string
  summary: string
  description?: string
  body: B
  run(actor: Actor, id: string, body: z.output<B>): Promise<ActResult>
}

// The acts share their shape: an agreement id in the path, a JSON body, one action.
function act<B extends z.ZodType>(spec: Act<B>): Route {
  return route({
    method: 'post',
    path: `/api/agreements/:id/${spec.path}`,
    operationId: spec.operationId,
    tag: TAG,
    summary: spec.summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    params: IdParam,
    body: { json: spec.body },
    responses: ACT_RESPONSES,
    handle: async (c, { params, body }) =>
      c.json(await spec.run(c.get('actor'), params.id, body as z.output<B>)),
  })
}

export function lifecycleRoutes(deps: Deps & { seal?: SealConfig }): Route[] {
  return [...revisionRoutes(deps), ...recordRoutes(deps), ...negotiationRoutes(deps), ...decisionRoutes(deps)]
}

function revisionRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/agreements/:id/revisions',
      operationId: 'saveAgreementRevision',
      tag: TAG,
      summary: 'Save a draft revision (admin, agent)',
      description:
        'The body is the agreement as YAML or JSON. It continues the edition being worked on (an edit after ' +
        'submission returns it to negotiation and voids its approvals and signatures), or starts a new edition ' +
        'of an agreement in force. It measures nothing until signed and in force.',
      params: IdParam,
      body: { text: AGREEMENT_MEDIA_TYPES, doc: { $ref: '#/components/schemas/Agreement' } },
      responses: {
        200: { description: 'the content is the current revision already', schema: L.DraftResultSchema },
        201: { description: 'saved as a new revision', schema: L.DraftResultSchema },
        403: { description: 'customers comment; they do not write revisions' },
        409: { description: 'a signed edition waits to take effect' },
      },
      handle: async (c, { params, body }) => {
        const result = await saveAgreementDraft(deps, c.get('actor'), { text: body, agreementId: params.id })
        return c.json(presentDraft(result), result.created ? 201 : 200)
      },
    }),
    route({
      method: 'get',
      path: '/api/agreements/:id/revisions/:revision',
      operationId: 'getAgreementRevision',
      tag: TAG,
      summary: 'One revision, with its document and section hashes',
      params: L.RevisionParams,
      responses: { 200: { description: 'the revision', schema: L.RevisionSchema }, ...NOT_FOUND },
      handle: async (c, { params }) =>
        c.json(presentRevision(await getAgreementRevision(deps, c.get('actor'), params.id, params.revision))),
    }),
    route({
      method: 'get',
      path: '/api/agreements/:id/revisions/:revision/document',
      operationId: 'renderAgreementRevision',
      tag: TAG,
      summary: 'One revision as a document: HTML, PDF or Markdown',
      description:
        'A draft reads as the signed agreement will: rendered from the revision with its template’s outline, ' +
        'as a version is (GET /api/agreements/{id}/versions/{version}/document).',
      params: L.RevisionParams,
      query: z.object({ format: z.enum(RENDER_FORMATS).default('html') }),
      responses: {
        200: { description: 'the document, in the media type of its format', media: 'text/html' },
        ...NOT_FOUND,
      },
      handle: async (c, { params, query }) => {
        const rendered = await renderAgreementRevision(deps, c.get('actor'), {
          agreementId: params.id,
          revision: params.revision,
          format: query.format,
        })
        return documentResponse(c, rendered, query.format)
      },
    }),
  ]
}

function recordRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/agreements/:id/lifecycle',
      operationId: 'getAgreementLifecycle',
      tag: TAG,
      summary: 'Where the agreement stands: its editions, sections, approvers, signatories and comments',
      params: IdParam,
      responses: { 200: { description: 'the lifecycle', schema: L.LifecycleSchema }, ...NOT_FOUND },
      handle: async (c, { params }) =>
        c.json(presentLifecycle(await getAgreementLifecycle(deps, c.get('actor'), params.id))),
    }),
    route({
      method: 'get',
      path: '/api/agreements/:id/actions',
      operationId: 'listAgreementActs',
      tag: TAG,
      summary: 'What you may do to the agreement now, and why not the rest',
      description:
        'Every act a person takes, tried as you on the agreement as it stands, by the same rules the acts ' +
        'themselves apply: allowed, or refused with the reason the act would give. With the findings of ' +
        'the submission lint rules on the revision being worked on (warnings are acknowledged on submission).',
      params: IdParam,
      responses: { 200: { description: 'the acts', schema: L.ActsSchema }, ...NOT_FOUND },
      handle: async (c, { params }) =>
        c.json(presentActs(await listAgreementActs(deps, c.get('actor'), params.id))),
    }),
    route({
      method: 'get',
      path: '/api/agreements/:id/history',
      operationId: 'getAgreementHistory',
      tag: TAG,
      summary: 'The audit log: every act, in order, hash-chained',
      params: IdParam,
      responses: { 200: { description: 'the log', schema: L.HistorySchema }, ...NOT_FOUND },
      handle: async (c, { params }) =>
        c.json(presentHistory(params.id, await getAgreementHistory(deps, c.get('actor'), params.id))),
    }),
    route({
      method: 'get',
      path: '/api/agreements/:id/audit/verify',
      operationId: 'verifyAgreementAudit',
      tag: TAG,
      summary: 'Recompute the audit chain and the revisions’ hashes; name the first entry that does not hold',
      params: IdParam,
      responses: { 200: { description: 'the verdict', schema: L.VerificationSchema }, ...NOT_FOUND },
      handle: async (c, { params }) =>
        c.json(presentVerification(params.id, await verifyAgreementAudit(deps, c.get('actor'), params.id))),
    }),
  ]
}

function negotiationRoutes(deps: Deps): Route[] {
  return [
    act({
      path: 'negotiation',
      operationId: 'openAgreementNegotiation',
      summary: 'Open the draft for negotiation (admin, agent)',
      body: L.EmptyBodySchema,
      run: (actor, id) => openAgreementNegotiation(deps, actor, id),
    }),
    act({
      path: 'sections/agree',
      operationId: 'agreeAgreementSections',
      summary: 'Agree to sections for your party (staff for the provider, the customer’s users for it)',
      description:
        'A section is agreed when both parties agree to its current hash; a revision that changes it resets that.',
      body: L.AgreeBodySchema,
      run: (actor, id, body) => agreeToSections(deps, actor, id, body.sections),
    }),
    act({
      path: 'sections/reopen',
      operationId: 'reopenAgreementSections',
      summary: 'Reopen sections: pending further negotiation',
      body: L.ReopenBodySchema,
      run: (actor, id, body) => reopenAgreementSections(deps, actor, id, body),
    }),
    act({
      path: 'comments',
      operationId: 'commentOnAgreement',
      summary: 'Comment, on a section or in reply to a comment',
      body: L.CommentBodySchema,
      run: (actor, id, { body, section, reply_to }) =>
        commentOnAgreement(deps, actor, id, { body, section, replyTo: reply_to }),
    }),
    act({
      path: 'submit',
      operationId: 'submitAgreement',
      summary: 'Submit for approval (admin, agent)',
      description:
        'Every section agreed by both parties, no lint error of the submission rules, and every warning ' +
        'acknowledged by its rule id (recorded with who and when).',
      body: L.SubmitBodySchema,
      run: (actor, id, body) => submitAgreement(deps, actor, id, body),
    }),
  ]
}

function decisionRoutes(deps: Deps & { seal?: SealConfig }): Route[] {
  return [
    act({
      path: 'approve',
      operationId: 'approveAgreement',
      summary: 'Approve the stage the agreement awaits (its named approvers)',
      description: 'Management, legal review, final approval, in turn; bound to the content hash approved.',
      body: L.ApproveBodySchema,
      run: (actor, id, body) =>
        approveAgreement(deps, actor, id, { contentHash: body.content_hash, note: body.note }),
    }),
    act({
      path: 'reject',
      operationId: 'rejectAgreement',
      summary: 'Reject it back to negotiation, with a reason (its named approvers)',
      body: L.RejectBodySchema,
      run: (actor, id, body) =>
        rejectAgreement(deps, actor, id, { contentHash: body.content_hash, reason: body.reason }),
    }),
    act({
      path: 'sign',
      operationId: 'signAgreement',
      summary: 'Sign as yourself (the signatories the parties name)',
      description:
        'Records name, time, content hash and how you signed in. The last signature makes it the next version ' +
        'and sends it to everyone the agreement names when an email channel is enabled (`distribution`).',
      body: L.SignBodySchema,
      run: async (actor, id, body) =>
        distributeOnSignature(
          { ...deps, lifecycle: lifecycleRecords },
          await signAgreement(deps, actor, id, { contentHash: body.content_hash }),
        ),
    }),
    act({
      path: 'withdraw',
      operationId: 'withdrawAgreement',
      summary: 'Withdraw the edition before it is signed (admin, agent)',
      body: L.ReasonBodySchema,
      run: (actor, id, body) => withdrawAgreement(deps, actor, id, body.reason),
    }),
    act({
      path: 'review',
      operationId: 'confirmAgreementReview',
      summary: 'Confirm a due review changed nothing (admin, agent)',
      body: L.NoteBodySchema,
      run: (actor, id, body) => confirmAgreementReview(deps, actor, id, body.note),
    }),
    act({
      path: 'terminate',
      operationId: 'terminateAgreement',
      summary: 'Terminate the agreement in force (admin)',
      body: L.ReasonBodySchema,
      run: (actor, id, body) => terminateAgreement(deps, actor, id, body.reason),
    }),
  ]
}
