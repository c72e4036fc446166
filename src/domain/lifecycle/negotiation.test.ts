import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Finding } from '../lint/rule.ts'
import { addComment, agreeSections, openNegotiation, reopenSections, saveRevision } from './negotiation.ts'
import { readRevision } from './revision.ts'
import { ABSENT_SECTION_HASH, changedSections, sectionStatus } from './sections.ts'
import { submitForApproval } from './submission.ts'
import { openBook } from './test-support/book.ts'
import { lifecycleAgreement, PEOPLE } from './test-support/lifecycle-agreement.ts'

const { dana, mei, ann, ruth } = PEOPLE
const agreement = lifecycleAgreement()
const roles = readRevision(agreement).roles
const WARNING: Finding = {
  rule: 'availability.monitored',
  level: 'warning',
  path: ['spec', 'availability', 0],
  message: 'no monitor',
}
const ERROR: Finding = {
  rule: 'target.required-metrics',
  level: 'error',
  path: ['spec', 'severities', 3],
  message: 'no P4 resolution',
}

function negotiating() {
  const book = openBook()
  book.revise(dana, agreement)
  book.act(dana, openNegotiation)
  return book
}

function statuses(book: ReturnType<typeof openBook>) {
  const e = book.state.editions[0]!
  return sectionStatus(e.sectionKeys, e.sections, book.state.marks)
}

describe('writing and negotiating an edition', () => {
  test("the first revision starts edition 1 as a draft; only the provider's staff write revisions", () => {
    const book = openBook()
    const denied = book.refusal(ann, (s, c) => saveRevision(s, c, readRevision(agreement)))
    assert.equal(denied.code, 'forbidden')
    assert.match(denied.reason, /only the provider's staff write revisions; ann@acme\.example may comment/)
    const [saved] = book.revise(dana, agreement)
    assert.equal(saved?.type, 'revision.saved')
    assert.deepEqual(
      [book.state.editions[0]?.state, book.state.editions[0]?.revision, book.state.lastRevision],
      ['draft', 1, 1],
    )
  })

  test('sections are agreed during negotiation only, and a customer cannot open it', () => {
    const book = openBook()
    book.revise(dana, agreement)
    assert.match(book.refusal(ruth, agreeSections).reason, /a draft: sections are agreed during negotiation/)
    assert.equal(book.refusal(ann, openNegotiation).code, 'forbidden')
    book.act(mei, openNegotiation)
    assert.equal(book.state.editions[0]?.state, 'negotiation')
  })

  test('a section is agreed when both parties agree to its current hash', () => {
    const book = negotiating()
    book.act(ann, (s, c) => agreeSections(s, c, ['targets']))
    const targets = () => statuses(book).find((s) => s.section === 'targets')!
    assert.deepEqual([targets().parties.customer?.status, targets().agreed], ['agreed', false])
    book.act(mei, (s, c) => agreeSections(s, c, ['targets']))
    assert.equal(targets().agreed, true)
    assert.deepEqual(
      book.act(mei, (s, c) => agreeSections(s, c, ['targets'])),
      [],
      'agreed already: nothing to record',
    )
  })

  test('unknown sections are named, with the ones there are', () => {
    const refusal = negotiating().refusal(ann, (s, c) => agreeSections(s, c, ['tragets']))
    assert.equal(refusal.code, 'invalid_input')
    assert.match(
      refusal.reason,
      /no section "tragets" in this agreement; its sections are metadata, parties, term/,
    )
  })

  test('changing a section resets its agreement and only its; removing one needs agreement too', () => {
    const book = negotiating()
    book.act(ann, agreeSections)
    book.act(dana, agreeSections)
    assert.ok(statuses(book).every((s) => s.agreed))
    const edited = lifecycleAgreement({ set: [[['spec', 'credits', 'cap'], '20%']] })
    delete (edited.spec as { vip?: unknown }).vip
    const [saved] = book.revise(dana, edited)
    assert.deepEqual(saved?.type === 'revision.saved' && saved.payload.changed, ['vip', 'credits'])
    assert.deepEqual(
      statuses(book)
        .filter((s) => !s.agreed)
        .map((s) => [s.section, s.present, s.hash === ABSENT_SECTION_HASH]),
      [
        ['vip', false, true],
        ['credits', true, false],
      ],
    )
    assert.equal(book.state.editions[0]?.state, 'negotiation', 'an edit in negotiation stays there')
  })

  test('a party reopens a section with a reason; submission says who holds it up', () => {
    const book = negotiating()
    book.act(ann, agreeSections)
    book.act(dana, agreeSections)
    book.act(ruth, (s, c) => reopenSections(s, c, ['credits'], 'the cap is too low'))
    const refusal = book.refusal(dana, (s, c) =>
      submitForApproval(s, c, { findings: [], acknowledge: [], roles }),
    )
    assert.equal(refusal.code, 'conflict')
    assert.match(
      refusal.reason,
      /every section must be agreed by both parties.*credits \(the customer reopened it \("the cap is too low"\)\)/,
    )
  })

  test('submission refuses lint errors, then asks for each warning to be acknowledged', () => {
    const book = negotiating()
    book.act(ann, agreeSections)
    book.act(dana, agreeSections)
    const submit =
      (findings: Finding[], acknowledge: string[]) =>
      (s: typeof book.state, c: ReturnType<typeof book.ctx>) =>
        submitForApproval(s, c, { findings, acknowledge, roles })
    assert.match(
      book.refusal(dana, submit([ERROR, WARNING], [])).reason,
      /the lint rules find 1 error; fix them in a new revision: target\.required-metrics at spec\.severities\[3\]/,
    )
    assert.match(
      book.refusal(dana, submit([WARNING], [])).reason,
      /1 warning needs an acknowledgement.*Submit again acknowledging availability\.monitored/,
    )
    const [submitted] = book.act(dana, submit([WARNING], ['availability.monitored']))
    assert.deepEqual(submitted?.payload, {
      edition: 1,
      from: 'negotiation',
      to: 'management_approval',
      revision: 1,
      contentHash: readRevision(agreement).contentHash,
      acknowledged: [{ rule: 'availability.monitored', path: 'spec.availability[0]', message: 'no monitor' }],
    })
    assert.deepEqual(book.state.editions[0]?.acknowledged?.rules, ['availability.monitored'])
  })

  test('an agreement nobody could sign is not submitted', () => {
    const book = openBook()
    const unsigned = lifecycleAgreement({
      set: [[['spec', 'parties', 'customer', 'signatory'], 'c-customer-it']],
    })
    unsigned.spec.contacts = unsigned.spec.contacts?.map((c) =>
      c.id === 'c-customer-it' ? { ...c, email: undefined } : c,
    )
    book.revise(dana, unsigned)
    book.act(dana, openNegotiation)
    book.act(ann, agreeSections)
    book.act(dana, agreeSections)
    const r = book.refusal(dana, (s, c) =>
      submitForApproval(s, c, { findings: [], acknowledge: [], roles: readRevision(unsigned).roles }),
    )
    assert.match(
      r.reason,
      /could not be signed and take effect: the customer's signatory c-customer-it has no email/,
    )
  })

  test('comments thread by reply, on a section, from either party', () => {
    const book = negotiating()
    book.act(ann, (s, c) => addComment(s, c, { body: 'Can P1 resolution be 2h?', section: 'targets' }))
    const first = book.state.comments[0]!
    book.act(dana, (s, c) => addComment(s, c, { body: 'Not on this fee.', replyTo: first.seq }))
    assert.deepEqual(
      book.state.comments.map((c) => [c.author.user, c.section, c.replyTo, c.body]),
      [
        ['u-acme', 'targets', undefined, 'Can P1 resolution be 2h?'],
        ['u-dana', undefined, first.seq, 'Not on this fee.'],
      ],
    )
    assert.match(
      book.refusal(ann, (s, c) => addComment(s, c, { body: 'x', replyTo: 99 })).reason,
      /no comment 99/,
    )
    assert.match(book.refusal(ann, (s, c) => addComment(s, c, { body: '  ' })).reason, /needs some text/)
    const stranger = { ...ann, userId: 'u-gil', organisationId: 'globex', email: 'gil@globex.example' }
    assert.equal(book.refusal(stranger, (s, c) => addComment(s, c, { body: 'hi' })).code, 'forbidden')
  })

  test('changed sections compare hashes, added and removed ones included', () => {
    assert.deepEqual(changedSections({ a: '1', b: '2' }, { b: '3', c: '4' }), ['a', 'b', 'c'])
    assert.deepEqual(changedSections({ a: '1' }, { a: '1' }), [])
  })
})
