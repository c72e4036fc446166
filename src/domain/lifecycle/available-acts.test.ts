import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Finding } from '../lint/rule.ts'
import { approve, sign } from './approval.ts'
import { type ActChoice, availableActs, PERSON_ACTS, type PersonAct } from './available-acts.ts'
import { agreeSections, openNegotiation } from './negotiation.ts'
import { readRevision } from './revision.ts'
import type { ActorFacts } from './roles.ts'
import { submitForApproval } from './submission.ts'
import { type Book, openBook } from './test-support/book.ts'
import { lifecycleAgreement, PEOPLE } from './test-support/lifecycle-agreement.ts'

const { dana, luis, lee, ruth, ann, admin } = PEOPLE
const agreement = lifecycleAgreement()
const { roles, contentHash } = readRevision(agreement)
const WARNING: Finding = {
  rule: 'availability.monitored',
  level: 'warning',
  path: ['spec', 'availability', 0],
  message: 'no monitor',
}
const ERROR: Finding = { rule: 'target.required-metrics', level: 'error', path: ['spec'], message: 'no P4' }

function acts(book: Book, actor: ActorFacts, findings: Finding[] = []): Record<PersonAct, ActChoice> {
  const choices = availableActs(book.state, book.ctx(actor), { roles, findings })
  assert.deepEqual(
    choices.map((c) => c.act),
    [...PERSON_ACTS],
  )
  return Object.fromEntries(choices.map((c) => [c.act, c])) as Record<PersonAct, ActChoice>
}

const allowed = (choices: Record<PersonAct, ActChoice>) =>
  PERSON_ACTS.filter((a) => choices[a].allowed).sort()

function negotiating(): Book {
  const book = openBook()
  book.revise(dana, agreement)
  book.act(dana, openNegotiation)
  return book
}

describe('the acts a person may take now, and why not the others', () => {
  test('nothing yet: only a first revision, which customers do not write', () => {
    const book = openBook()
    assert.deepEqual(allowed(acts(book, dana)), ['edit'])
    const mine = acts(book, ann)
    assert.match(mine.edit.reason!, /only the provider's staff write revisions/)
    assert.match(mine.sign.reason!, /has no revision yet/)
  })

  test('a draft: staff open the negotiation or withdraw it; sections wait for negotiation', () => {
    const book = openBook()
    book.revise(dana, agreement)
    assert.deepEqual(allowed(acts(book, dana)), ['comment', 'edit', 'negotiate', 'withdraw'])
    const customer = acts(book, ann)
    assert.deepEqual(allowed(customer), ['comment'])
    assert.match(customer.agree.reason!, /is a draft: sections are agreed during negotiation/)
    assert.match(customer.negotiate.reason!, /only the provider's staff open a negotiation/)
    assert.match(customer.withdraw.reason!, /only the provider's staff withdraw/)
  })

  test('in negotiation: submission waits for both parties, then for no lint error', () => {
    const book = negotiating()
    assert.match(acts(book, dana).submit.reason!, /every section must be agreed by both parties/)
    book.act(ann, agreeSections)
    const customer = acts(book, ann)
    assert.deepEqual([customer.agree.allowed, customer.reopen.allowed], [false, true])
    assert.equal(customer.agree.reason, 'the customer has agreed to every section')
    book.act(dana, agreeSections)
    assert.match(acts(book, dana, [ERROR]).submit.reason!, /the lint rules find 1 error/)
    // A warning is acknowledged with the submission: it does not bar it.
    assert.equal(acts(book, dana, [WARNING]).submit.allowed, true)
    assert.match(acts(book, ann).submit.reason!, /only the provider's staff submit/)
  })

  test('awaiting approval: only the stage’s named approvers approve or reject, and nobody signs yet', () => {
    const book = negotiating()
    book.act(ann, agreeSections)
    book.act(dana, agreeSections)
    book.act(dana, (s, c) => submitForApproval(s, c, { findings: [], acknowledge: [], roles }))
    const approver = acts(book, luis)
    assert.deepEqual([approver.approve.allowed, approver.reject.allowed], [true, true])
    assert.match(acts(book, lee).approve.reason!, /Luis Ferreira \(c-service-owner\); lee\.adebayo/)
    assert.match(acts(book, admin).approve.reason!, /is not one of them/)
    assert.match(acts(book, luis).sign.reason!, /signatures come after the final approval/)
    assert.equal(acts(book, dana).edit.allowed, true, 'an edit is allowed; it returns to negotiation')
  })

  test('signing: each named signatory once; once signed it is distributed, neither edited nor withdrawn', () => {
    const book = negotiating()
    book.act(ann, agreeSections)
    book.act(dana, agreeSections)
    book.act(dana, (s, c) => submitForApproval(s, c, { findings: [], acknowledge: [], roles }))
    for (const approver of [luis, lee, ruth])
      book.act(approver, (s, c) => approve(s, c, { contentHash, roles }))
    assert.equal(acts(book, dana).sign.allowed, true)
    assert.match(acts(book, ann).sign.reason!, /only the signatories the agreement names sign it/)
    book.act(dana, (s, c) => sign(s, c, { contentHash, roles }))
    assert.match(acts(book, dana).sign.reason!, /signed for the provider already/)
    book.now = Date.parse('2026-02-01T00:00:00Z')
    book.act(ruth, (s, c) => sign(s, c, { contentHash, roles }))
    const after = acts(book, admin)
    assert.deepEqual(allowed(after), ['comment', 'distribute'])
    assert.match(after.edit.reason!, /a new revision can start once it is in force/)
    assert.match(after.withdraw.reason!, /only an edition not yet signed can be withdrawn/)
  })
})
