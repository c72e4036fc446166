import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { approve, reject, sign, withdraw } from './approval.ts'
import type { CommandContext } from './decision.ts'
import { agreeSections, openNegotiation } from './negotiation.ts'
import type { LifecycleState } from './replay.ts'
import { readRevision } from './revision.ts'
import { submitForApproval } from './submission.ts'
import { type Book, openBook } from './test-support/book.ts'
import { lifecycleAgreement, PEOPLE } from './test-support/lifecycle-agreement.ts'

const { dana, luis, lee, mei, ruth, ann, admin } = PEOPLE
const agreement = lifecycleAgreement()
const { roles, contentHash } = readRevision(agreement)
type Decide = (s: LifecycleState, c: CommandContext) => ReturnType<typeof approve>
const approving: Decide = (s, c) => approve(s, c, { contentHash, roles })
const signing: Decide = (s, c) => sign(s, c, { contentHash, roles })

/** Edition 1, agreed by both parties and submitted: awaiting management approval. */
function submitted(): Book {
  const book = openBook()
  book.revise(dana, agreement)
  book.act(dana, openNegotiation)
  book.act(ann, agreeSections)
  book.act(dana, agreeSections)
  book.act(dana, (s, c) => submitForApproval(s, c, { findings: [], acknowledge: [], roles }))
  return book
}

function atSigning(): Book {
  const book = submitted()
  book.act(luis, approving)
  book.act(lee, approving)
  book.act(ruth, approving)
  return book
}

const state = (book: Book) => book.state.editions.at(-1)?.state

describe('approvals', () => {
  test('each stage is decided by the approvers the agreement names for it, in order', () => {
    const book = submitted()
    const wrong = book.refusal(lee, approving)
    assert.equal(wrong.code, 'forbidden')
    assert.match(
      wrong.reason,
      /awaiting management approval, which only the management approvers the agreement names decide \(spec\.approvals\.management\): Luis Ferreira \(c-service-owner\); lee\.adebayo@example-it\.example is not one of them/,
    )
    assert.equal(
      book.refusal(admin, approving).code,
      'forbidden',
      'an admin does not stand in for a named approver',
    )
    const [granted] = book.act(luis, approving)
    assert.deepEqual(granted?.payload, {
      edition: 1,
      from: 'management_approval',
      to: 'legal_review',
      stage: 'management',
      contentHash,
      approver: 'c-service-owner',
    })
    book.act(lee, approving)
    assert.equal(state(book), 'final_approval')
    book.act(ruth, approving)
    assert.equal(state(book), 'signing')
  })

  test('an approval bound to another content hash is refused', () => {
    const book = submitted()
    const r = book.refusal(luis, (s, c) => approve(s, c, { contentHash: 'f'.repeat(64), roles }))
    assert.equal(r.code, 'conflict')
    assert.match(r.reason, /bound to content ffffffffffff, but edition 1 is now revision 1 \(/)
  })

  test('an edit after approval voids it: back to negotiation, and the old approval is refused', () => {
    const book = submitted()
    book.act(luis, approving)
    const edited = lifecycleAgreement({ set: [[['spec', 'credits', 'cap'], '30%']] })
    const [saved] = book.revise(dana, edited)
    assert.deepEqual(
      saved?.type === 'revision.saved' && [saved.payload.from, saved.payload.to, saved.payload.invalidated],
      ['legal_review', 'negotiation', { approvals: 1, signatures: 0 }],
    )
    assert.deepEqual(book.state.editions[0]?.approvals, [])
    const stale = book.refusal(lee, approving)
    assert.match(stale.reason, /now revision 2 .*the agreement changed since/)
    const fresh = readRevision(edited).contentHash
    assert.match(
      book.refusal(lee, (s, c) => approve(s, c, { contentHash: fresh, roles })).reason,
      /edition 1 is in negotiation: it awaits no approval/,
    )
  })

  test('a rejection needs a reason and sends the edition back to negotiation', () => {
    const book = submitted()
    assert.equal(
      book.refusal(luis, (s, c) => reject(s, c, { contentHash, roles, reason: ' ' })).code,
      'invalid_input',
    )
    const [rejected] = book.act(luis, (s, c) => reject(s, c, { contentHash, roles, reason: 'Budget first' }))
    assert.deepEqual([rejected?.type, state(book)], ['approval.rejected', 'negotiation'])
  })

  test('a stage that names no approvers is decided by an admin', () => {
    const book = submitted()
    const unnamed = { ...roles, approvers: { ...roles.approvers, management: [] } }
    const r = book.refusal(luis, (s, c) => approve(s, c, { contentHash, roles: unnamed }))
    assert.match(
      r.reason,
      /names no management approvers \(spec\.approvals\.management\), so an admin decides/,
    )
    const [granted] = book.act(admin, (s, c) => approve(s, c, { contentHash, roles: unnamed }))
    assert.equal(granted?.type === 'approval.granted' && granted.payload.approver, undefined)
  })
})

describe('signatures', () => {
  test('only the named signatories sign, as themselves', () => {
    const book = atSigning()
    const r = book.refusal(ann, signing)
    assert.equal(r.code, 'forbidden')
    assert.match(
      r.reason,
      /only the signatories the agreement names sign it, as themselves: Dana Okafor \(c-provider-head\) for the provider and Ruth Mensah \(c-customer-head\) for the customer; ann@acme\.example is neither/,
    )
    assert.equal(book.refusal({ ...admin, email: undefined }, signing).code, 'forbidden')
  })

  test('signatures are recorded with name, time, hash and how the signer signed in; the last one signs the edition', () => {
    const book = atSigning()
    book.now = Date.parse('2025-12-10T15:00:00Z')
    const [first] = book.act(dana, signing)
    assert.deepEqual(first?.payload, {
      edition: 1,
      from: 'signing',
      to: 'signing',
      party: 'provider',
      contact: 'c-provider-head',
      name: 'Dana Okafor',
      email: 'dana.okafor@example-it.example',
      contentHash,
      authMethod: 'token',
    })
    assert.match(
      book.refusal(dana, signing).reason,
      /Dana Okafor signed for the provider already, at 2025-12-10T15:00:00\.000Z/,
    )
    const [last] = book.act({ ...ruth, authMethod: 'session' }, signing)
    assert.deepEqual(
      last?.type === 'signature.added' && [
        last.payload.to,
        last.payload.authMethod,
        last.payload.effectiveAt,
      ],
      ['signed', 'session', '2026-01-01T00:00:00.000Z'],
    )
    assert.equal(state(book), 'signed')
  })

  test('signed after the effective date, it takes effect when signed', () => {
    const book = atSigning()
    book.now = Date.parse('2026-02-03T10:00:00Z')
    book.act(dana, signing)
    const [last] = book.act(ruth, signing)
    assert.equal(last?.type === 'signature.added' && last.payload.effectiveAt, '2026-02-03T10:00:00.000Z')
  })

  test('an edit during signing voids the signatures given', () => {
    const book = atSigning()
    book.act(dana, signing)
    const edited = lifecycleAgreement({ set: [[['metadata', 'title'], 'Helpdesk SLA (amended)']] })
    const [saved] = book.revise(mei, edited)
    assert.deepEqual(saved?.type === 'revision.saved' && saved.payload.invalidated, {
      approvals: 3,
      signatures: 1,
    })
    assert.match(book.refusal(ruth, signing).reason, /bound to content .* now revision 2/)
  })
})

describe('withdrawal', () => {
  test('any time before signature, by the staff, with a reason; never after', () => {
    const open = submitted()
    assert.equal(open.refusal(ruth, (s, c) => withdraw(s, c, 'no')).code, 'forbidden')
    assert.equal(open.refusal(dana, (s, c) => withdraw(s, c, '')).code, 'invalid_input')
    open.act(dana, (s, c) => withdraw(s, c, 'Customer chose another provider'))
    assert.equal(state(open), 'withdrawn')
    const signed = atSigning()
    signed.act(dana, signing)
    signed.act(ruth, signing)
    assert.match(
      signed.refusal(dana, (s, c) => withdraw(s, c, 'late')).reason,
      /edition 1 is signed: only an edition not yet signed can be withdrawn/,
    )
  })
})
