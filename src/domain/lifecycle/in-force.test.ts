import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { approve, sign } from './approval.ts'
import { advance, confirmReview, recordDistribution, terminate } from './in-force.ts'
import { agreeSections, openNegotiation, saveRevision } from './negotiation.ts'
import { readRevision } from './revision.ts'
import { submitForApproval } from './submission.ts'
import { summarise } from './summary.ts'
import { type Book, openBook } from './test-support/book.ts'
import { lifecycleAgreement, PEOPLE } from './test-support/lifecycle-agreement.ts'

const { dana, luis, lee, ruth, ann, admin } = PEOPLE
const first = lifecycleAgreement()

/** Takes `agreement` through negotiation, approvals and signatures, at `book.now`. */
function signEdition(book: Book, agreement = first): void {
  const { roles, contentHash } = readRevision(agreement)
  book.revise(dana, agreement)
  if (book.state.editions.at(-1)?.state === 'draft') book.act(dana, openNegotiation)
  book.act(ann, agreeSections)
  book.act(dana, agreeSections)
  book.act(dana, (s, c) => submitForApproval(s, c, { findings: [], acknowledge: [], roles }))
  for (const who of [luis, lee, ruth, dana, ruth]) {
    const decide = book.state.editions.at(-1)?.state === 'signing' ? sign : approve
    book.act(who, (s, c) => decide(s, c, { contentHash, roles }))
  }
}

const states = (book: Book) => book.state.editions.map((e) => e.state)
const at = (iso: string) => Date.parse(iso)

describe('in force', () => {
  test('a signed edition takes effect at its effective date, and its review falls due', () => {
    const book = openBook(at('2025-12-01T09:00:00Z'))
    signEdition(book)
    assert.deepEqual(advance(book.state, at('2025-12-31T23:59:59Z')), [])
    const events = advance(book.state, at('2026-01-01T00:00:00Z'))
    assert.deepEqual(events, [
      {
        type: 'edition.in_force',
        payload: {
          edition: 1,
          from: 'signed',
          to: 'in_force',
          effectiveAt: '2026-01-01T00:00:00.000Z',
          reviewDue: '2026-07-01',
        },
      },
    ])
    book.apply(events)
    const due = advance(book.state, at('2026-07-01T00:00:00Z'))
    assert.deepEqual(
      due.map((e) => [e.type, e.payload]),
      [['review.due', { edition: 1, from: 'in_force', to: 'review_due', due: '2026-07-01' }]],
    )
    book.apply(due)
    book.now = at('2026-07-20T00:00:00Z')
    assert.equal(book.refusal(ann, confirmReview).code, 'forbidden')
    const [confirmed] = book.act(dana, (s, c) => confirmReview(s, c, 'nothing to change'))
    assert.deepEqual(confirmed?.payload, {
      edition: 1,
      from: 'review_due',
      to: 'in_force',
      nextDue: '2027-01-01',
      note: 'nothing to change',
    })
  })

  test('distribution is recorded on a signed edition, by the staff, naming recipients', () => {
    const book = openBook()
    assert.match(
      book.refusal(dana, (s, c) => recordDistribution(s, c, { recipients: ['it@acme.example'] })).reason,
      /no signed edition/,
    )
    signEdition(book)
    assert.equal(
      book.refusal(ruth, (s, c) => recordDistribution(s, c, { recipients: ['x@y.example'] })).code,
      'forbidden',
    )
    assert.equal(
      book.refusal(dana, (s, c) => recordDistribution(s, c, { recipients: [] })).code,
      'invalid_input',
    )
    book.act(dana, (s, c) =>
      recordDistribution(s, c, { recipients: ['it@acme.example'], documentSha256: 'ab'.repeat(32) }),
    )
    assert.deepEqual(states(book), ['distributed'])
    book.apply(advance(book.state, at('2026-01-02T00:00:00Z')))
    assert.deepEqual(states(book), ['in_force'])
    book.act(dana, (s, c) => recordDistribution(s, c, { recipients: ['finance@acme.example'] }))
    assert.deepEqual(states(book), ['in_force'], 'sending it again changes nothing')
  })

  test('a revision of the agreement in force is a new edition; it supersedes the old one when it takes effect', () => {
    const book = openBook(at('2025-12-01T09:00:00Z'))
    signEdition(book)
    book.apply(advance(book.state, at('2026-01-01T00:00:00Z')))
    book.now = at('2026-05-04T09:00:00Z')
    const revised = lifecycleAgreement({
      set: [
        [['spec', 'term', 'effectiveFrom'], '2026-06-01'],
        [['spec', 'credits', 'cap'], '30%'],
      ],
    })
    const [saved] = book.revise(dana, revised)
    assert.deepEqual(
      saved?.type === 'revision.saved' && [
        saved.payload.edition,
        saved.payload.basedOn,
        saved.payload.changed,
      ],
      [2, 1, ['term', 'credits']],
    )
    const summary = summarise(book.state)
    assert.deepEqual(
      summary.current?.sectionStatus.filter((s) => !s.agreed).map((s) => s.section),
      ['term', 'credits'],
      'sections the revision leaves alone stay agreed',
    )
    signEdition(book, revised)
    assert.deepEqual(states(book), ['in_force', 'signed'])
    const blocked = book.refusal(dana, (s, c) => saveRevision(s, c, readRevision(first)))
    assert.match(
      blocked.reason,
      /edition 2 is signed and takes effect at 2026-06-01T00:00:00\.000Z; a new revision can start once it is in force/,
    )
    const events = advance(book.state, at('2026-06-01T00:00:00Z'))
    assert.deepEqual(
      events.map((e) => [e.type, e.payload.edition]),
      [
        ['edition.in_force', 2],
        ['edition.superseded', 1],
      ],
    )
    book.apply(events)
    assert.deepEqual(states(book), ['superseded', 'in_force'])
  })

  test('an edition expires at the end of its term, and only an admin terminates one', () => {
    const book = openBook(at('2025-12-01T09:00:00Z'))
    signEdition(book)
    assert.deepEqual(
      advance(book.state, at('2027-01-01T00:00:00Z')).map((e) => e.type),
      ['edition.in_force', 'edition.expired'],
      'it took effect and ended while nobody ran it; a review of an ended term is not due',
    )
    book.apply(advance(book.state, at('2026-01-01T00:00:00Z')))
    assert.equal(book.refusal(dana, (s, c) => terminate(s, c, 'breach')).code, 'forbidden')
    assert.equal(book.refusal(admin, (s, c) => terminate(s, c, '')).code, 'invalid_input')
    book.act(admin, (s, c) => terminate(s, c, 'Material breach'))
    assert.deepEqual(states(book), ['terminated'])
    assert.deepEqual(advance(book.state, at('2027-06-01T00:00:00Z')), [])
  })

  test('the summary says what the edition waits for', () => {
    const book = openBook()
    book.revise(dana, first)
    const { roles } = readRevision(first)
    assert.deepEqual(summarise(book.state, roles).current?.awaiting, [
      "the provider's staff to open the negotiation",
    ])
    book.act(dana, openNegotiation)
    book.act(dana, agreeSections)
    assert.equal(summarise(book.state, roles).current?.awaiting[0], "the customer's agreement to metadata")
  })
})
