// The helpdesk SLA from its first draft to in force, and on to a revision that supersedes it,
// with every refusal on the way; then its audit log, verified and tampered with. The steps
// run in order on one database.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { parseAgreement } from '../domain/agreement/parse-agreement.ts'
import { AppError, type ErrorCode } from '../domain/app-error.ts'
import { lintAgreement, rulesFor } from '../domain/lint/index.ts'
import { listVersions } from '../storage/agreements.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { advanceAgreements } from './advance-agreements.ts'
import { approveAgreement, rejectAgreement } from './decide-agreement-approval.ts'
import type { Deps } from './deps.ts'
import { findAgreementsInForce } from './find-agreements-in-force.ts'
import { getTicket } from './get-ticket.ts'
import { ingestEvents } from './ingest-events.ts'
import { agreeToSections, openAgreementNegotiation } from './negotiate-agreement.ts'
import {
  getAgreementHistory,
  getAgreementLifecycle,
  verifyAgreementAudit,
} from './read-agreement-lifecycle.ts'
import { recordDistribution } from './record-distribution.ts'
import { saveAgreementDraft } from './save-agreement-draft.ts'
import { signAgreement } from './sign-agreement.ts'
import { submitAgreement } from './submit-agreement.ts'
import { AS, lifecycleText, seedLifecyclePeople } from './test-support/lifecycle-fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

const ID = 'acme-helpdesk'
const { dana, luis, lee, mei, ruth, ann, admin } = AS

async function refused(promise: Promise<unknown>, code: ErrorCode, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error))
    assert.equal(error.code, code, error.message)
    assert.match(error.message, message)
    return true
  })
}

function ticketCreated(ticket: string, at: string) {
  return {
    id: `${ticket}-1`,
    ticket,
    type: 'created',
    at,
    customer: 'acme',
    service: 'portal',
    severity: 'P3',
  }
}

/** The rule ids of the submission warnings of a text, as the submitter acknowledges them. */
function warningsOf(text: string, today: string): string[] {
  const parsed = parseAgreement(text)
  assert.ok(parsed.ok)
  const findings = lintAgreement(parsed.agreement, { today, rules: rulesFor('submit') })
  return [...new Set(findings.filter((f) => f.level === 'warning').map((f) => f.rule))]
}

describe('an agreement from draft to in force, and superseded by its revision', () => {
  let t: TestDb
  let clock = Date.parse('2025-12-01T09:00:00Z')
  let deps: Deps
  const at = (iso: string) => {
    clock = Date.parse(iso)
  }
  const stateOf = async () => (await getAgreementLifecycle(deps, admin, ID)).current?.state
  const hashOf = async () => (await getAgreementLifecycle(deps, admin, ID)).current!.contentHash
  before(async () => {
    t = await createTestDb()
    deps = { db: t.db, now: () => clock }
    await seedLifecyclePeople(t.db)
  })
  after(() => t.drop())

  const first = lifecycleText({ withLintError: true })
  const fixed = lifecycleText()
  const amended = lifecycleText({ set: [[['spec', 'credits', 'cap'], '30%']] })

  test('a customer writes no revision; the provider drafts, and negotiation opens', async () => {
    await refused(
      saveAgreementDraft(deps, ann, { text: first }),
      'forbidden',
      /needs the admin or agent role/,
    )
    const draft = await saveAgreementDraft(deps, dana, { text: first })
    assert.deepEqual([draft.edition, draft.revision, draft.state, draft.created], [1, 1, 'draft', true])
    const again = await saveAgreementDraft(deps, dana, { text: first })
    assert.deepEqual([again.revision, again.created], [1, false], 'the same content records nothing')
    await refused(
      agreeToSections(deps, ann, ID),
      'conflict',
      /is a draft: sections are agreed during negotiation/,
    )
    await refused(openAgreementNegotiation(deps, ann, ID), 'forbidden', /only the provider's staff/)
    await openAgreementNegotiation(deps, mei, ID)
    assert.equal(await stateOf(), 'negotiation')
  })

  test('submission needs every section agreed, no lint error, and the warnings acknowledged', async () => {
    await agreeToSections(deps, ann, ID)
    await refused(
      submitAgreement(deps, dana, ID),
      'conflict',
      /every section must be agreed.*waiting for the provider/,
    )
    await agreeToSections(deps, dana, ID)
    await refused(
      submitAgreement(deps, dana, ID),
      'conflict',
      /target\.required-metrics at spec\.severities\[3\]/,
    )
    const revised = await saveAgreementDraft(deps, dana, { text: fixed })
    assert.deepEqual([revised.revision, revised.changed], [2, ['targets']])
    await refused(
      submitAgreement(deps, dana, ID),
      'conflict',
      /not yet: targets \(waiting for the provider and the customer\)/,
    )
    await agreeToSections(deps, ann, ID, ['targets'])
    await agreeToSections(deps, mei, ID, ['targets'])
    const warnings = warningsOf(fixed, '2025-12-01')
    assert.ok(warnings.includes('availability.monitored'))
    await refused(
      submitAgreement(deps, dana, ID),
      'conflict',
      /need(s)? an acknowledgement.*availability\.monitored/,
    )
    await refused(submitAgreement(deps, ann, ID, { acknowledge: warnings }), 'forbidden', /staff submit/)
    const submitted = await submitAgreement(deps, dana, ID, { acknowledge: warnings })
    assert.equal(submitted.edition?.state, 'management_approval')
  })

  test('each approval stage is its named approvers’; an edit voids the approvals given', async () => {
    const hash = await hashOf()
    await refused(
      approveAgreement(deps, lee, ID, { contentHash: hash }),
      'forbidden',
      /Luis Ferreira \(c-service-owner\)/,
    )
    await approveAgreement(deps, luis, ID, { contentHash: hash })
    assert.equal(await stateOf(), 'legal_review')
    const edit = await saveAgreementDraft(deps, dana, { text: amended })
    assert.deepEqual(
      [edit.state, edit.invalidated, edit.changed],
      ['negotiation', { approvals: 1, signatures: 0 }, ['credits']],
    )
    await refused(
      approveAgreement(deps, lee, ID, { contentHash: hash }),
      'conflict',
      /now revision 3 .* the agreement changed since/,
    )
    await refused(signAgreement(deps, dana, ID, { contentHash: hash }), 'conflict', /bound to content/)
  })

  test('rejected once, then approved at every stage by those named', async () => {
    await agreeToSections(deps, ann, ID, ['credits'])
    await agreeToSections(deps, dana, ID, ['credits'])
    await submitAgreement(deps, dana, ID, { acknowledge: warningsOf(amended, '2025-12-01') })
    const hash = await hashOf()
    await rejectAgreement(deps, luis, ID, { contentHash: hash, reason: 'Confirm the fee first' })
    assert.equal(await stateOf(), 'negotiation')
    await submitAgreement(deps, dana, ID, { acknowledge: warningsOf(amended, '2025-12-01') })
    for (const approver of [luis, lee, ruth])
      await approveAgreement(deps, approver, ID, { contentHash: hash })
    assert.equal(await stateOf(), 'signing')
  })

  test('only the named signatories sign; the last signature makes it version 1, effective from its term', async () => {
    const hash = await hashOf()
    await refused(
      signAgreement(deps, ann, ID, { contentHash: hash }),
      'forbidden',
      /ann@acme\.example is neither/,
    )
    await refused(signAgreement(deps, admin, ID, { contentHash: hash }), 'forbidden', /only the signatories/)
    at('2025-12-10T15:00:00Z')
    await signAgreement(deps, dana, ID, { contentHash: hash })
    await refused(
      signAgreement(deps, dana, ID, { contentHash: hash }),
      'conflict',
      /signed for the provider already/,
    )
    const signed = await signAgreement(deps, { ...ruth, authMethod: 'session' }, ID, { contentHash: hash })
    assert.deepEqual(
      signed.recorded.map((r) => r.type),
      ['signature.added', 'version.recorded'],
    )
    const versions = await listVersions(t.db, ID)
    assert.deepEqual(
      versions.map((v) => [v.version, v.content_hash, v.effective_from.toISOString()]),
      [[1, hash, '2026-01-01T00:00:00.000Z']],
    )
    const view = await getAgreementLifecycle(deps, ann, ID)
    assert.deepEqual(
      view.current?.signatures.map((s) => [s.party, s.name, s.email, s.contentHash, s.authMethod, s.at]),
      [
        [
          'provider',
          'Dana Okafor',
          'dana.okafor@example-it.example',
          hash,
          'token',
          '2025-12-10T15:00:00.000Z',
        ],
        ['customer', 'Ruth Mensah', 'ruth.mensah@acme.example', hash, 'session', '2025-12-10T15:00:00.000Z'],
      ],
    )
  })

  test('distributed, then in force on its effective date', async () => {
    await recordDistribution(deps, admin, ID, { recipients: ['it@acme.example'] })
    assert.equal(await stateOf(), 'distributed')
    at('2025-12-31T23:00:00Z')
    assert.deepEqual(await advanceAgreements(deps), [])
    at('2026-01-01T00:00:00Z')
    assert.deepEqual(await advanceAgreements(deps), [
      { agreement: ID, edition: 1, type: 'edition.in_force', from: 'distributed', to: 'in_force' },
    ])
    const inForce = await findAgreementsInForce(deps, admin, { customer: 'acme', at: clock })
    assert.deepEqual(
      inForce.items.map((i) => i.version.version),
      [1],
    )
  })

  test('a revision of the agreement in force is a new edition that supersedes it from its own date', async () => {
    at('2026-05-04T09:00:00Z')
    await ingestEvents(deps, admin, ticketCreated('T-200', '2026-05-04T08:00:00Z'))
    const text = lifecycleText({
      set: [
        [['spec', 'credits', 'cap'], '35%'],
        [['spec', 'term', 'effectiveFrom'], '2026-06-01'],
      ],
    })
    await refused(
      uploadAgreement(deps, dana, { text }),
      'conflict',
      /goes through its lifecycle: save the change as a draft/,
    )
    const draft = await saveAgreementDraft(deps, dana, { text })
    assert.deepEqual([draft.edition, draft.revision, draft.changed], [2, 4, ['term', 'credits']])
    await openAgreementNegotiation(deps, dana, ID)
    await agreeToSections(deps, ann, ID)
    await agreeToSections(deps, dana, ID)
    await submitAgreement(deps, dana, ID, { acknowledge: warningsOf(text, '2026-05-04') })
    const hash = await hashOf()
    for (const approver of [luis, lee, dana])
      await approveAgreement(deps, approver, ID, { contentHash: hash })
    await signAgreement(deps, ruth, ID, { contentHash: hash })
    await signAgreement(deps, dana, ID, { contentHash: hash })
    assert.deepEqual(
      (await listVersions(t.db, ID)).map((v) => [v.version, v.effective_from.toISOString()]),
      [
        [1, '2026-01-01T00:00:00.000Z'],
        [2, '2026-06-01T00:00:00.000Z'],
      ],
    )
    at('2026-06-01T00:00:00Z')
    assert.deepEqual(
      (await advanceAgreements(deps)).map((m) => [m.edition, m.to]),
      [
        [2, 'in_force'],
        [1, 'superseded'],
      ],
    )
    const view = await getAgreementLifecycle(deps, admin, ID)
    assert.deepEqual(
      view.editions.map((e) => [e.edition, e.state, e.version]),
      [
        [1, 'superseded', 1],
        [2, 'in_force', 2],
      ],
    )
    const before = await findAgreementsInForce(deps, admin, {
      customer: 'acme',
      at: Date.parse('2026-05-31T12:00:00Z'),
    })
    assert.deepEqual(
      before.items.map((i) => i.version.version),
      [1],
      'until then, version 1 measures',
    )
    await ingestEvents(deps, admin, ticketCreated('T-201', '2026-06-02T08:00:00Z'))
    const pinned = async (ticket: string) => [
      ...new Set((await getTicket(deps, admin, ticket)).clocks.map((c) => c.version)),
    ]
    assert.deepEqual(await pinned('T-200'), [`${ID}@1`], 'a clock started before keeps its version')
    assert.deepEqual(await pinned('T-201'), [`${ID}@2`])
  })

  test('the audit log verifies, and the database refuses to change it', async () => {
    const history = await getAgreementHistory(deps, admin, ID)
    assert.ok(history.length > 40)
    assert.equal(history[0]?.type, 'revision.saved')
    const verdict = await verifyAgreementAudit(deps, ann, ID)
    assert.deepEqual(verdict, { ok: true, entries: history.length, head: history.at(-1)?.hash })
    await assert.rejects(t.db.execute(`update agreement_audit set type = 'x' where seq = 1`), /append-only/)
    await assert.rejects(t.db.execute('delete from agreement_revisions'), /append-only/)
  })

  test('a row altered behind the triggers is found at that row', async () => {
    await t.db.exec('alter table agreement_audit disable trigger agreement_audit_append_only')
    await t.db.execute(
      `update agreement_audit set payload = jsonb_set(payload, '{reason}', '"Fine as it is"')
        where agreement_id = $1 and type = 'approval.rejected'`,
      [ID],
    )
    await t.db.exec('alter table agreement_audit enable trigger agreement_audit_append_only')
    const rejected = (await getAgreementHistory(deps, admin, ID)).find((e) => e.type === 'approval.rejected')!
    const verdict = await verifyAgreementAudit(deps, admin, ID)
    assert.deepEqual(verdict, {
      ok: false,
      seq: rejected.seq,
      reason: `entry ${rejected.seq} was altered: its content no longer matches its hash`,
    })
  })
})
