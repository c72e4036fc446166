// The state machine as a table: every (state, act) pair either moves where this table says, or
// does not apply. The table is written out in full, independently of the machine's own rows.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ACTS, type Act, EDITION_STATES, type EditionState, nextState, OPEN_STATES } from './states.ts'

const MOVES: [EditionState, Act, EditionState][] = [
  ['draft', 'edit', 'draft'],
  ['negotiation', 'edit', 'negotiation'],
  ['management_approval', 'edit', 'negotiation'],
  ['legal_review', 'edit', 'negotiation'],
  ['final_approval', 'edit', 'negotiation'],
  ['signing', 'edit', 'negotiation'],
  ['draft', 'negotiate', 'negotiation'],
  ['negotiation', 'submit', 'management_approval'],
  ['management_approval', 'approve', 'legal_review'],
  ['legal_review', 'approve', 'final_approval'],
  ['final_approval', 'approve', 'signing'],
  ['management_approval', 'reject', 'negotiation'],
  ['legal_review', 'reject', 'negotiation'],
  ['final_approval', 'reject', 'negotiation'],
  ['signing', 'sign', 'signed'],
  ['signed', 'distribute', 'distributed'],
  ['distributed', 'distribute', 'distributed'],
  ['in_force', 'distribute', 'in_force'],
  ['review_due', 'distribute', 'review_due'],
  ['signed', 'take_effect', 'in_force'],
  ['distributed', 'take_effect', 'in_force'],
  ['in_force', 'supersede', 'superseded'],
  ['review_due', 'supersede', 'superseded'],
  ['in_force', 'review_due', 'review_due'],
  ['review_due', 'confirm_review', 'in_force'],
  ['in_force', 'expire', 'expired'],
  ['review_due', 'expire', 'expired'],
  ['in_force', 'terminate', 'terminated'],
  ['review_due', 'terminate', 'terminated'],
  ...OPEN_STATES.map((s): [EditionState, Act, EditionState] => [s, 'withdraw', 'withdrawn']),
]

describe('the lifecycle state machine', () => {
  for (const from of EDITION_STATES) {
    for (const act of ACTS) {
      const expected = MOVES.find(([f, a]) => f === from && a === act)?.[2]
      test(`${from} --${act}--> ${expected ?? '(refused)'}`, () => {
        assert.equal(nextState(from, act), expected)
      })
    }
  }

  test('superseded, expired, terminated and withdrawn are final', () => {
    for (const end of ['superseded', 'expired', 'terminated', 'withdrawn'] as const) {
      assert.deepEqual(
        ACTS.filter((act) => nextState(end, act) !== undefined),
        [],
        end,
      )
    }
  })

  test('nothing is withdrawn once signed', () => {
    for (const state of ['signed', 'distributed', 'in_force', 'review_due'] as const) {
      assert.equal(nextState(state, 'withdraw'), undefined, state)
    }
  })
})
