// The suggested severity: answers to a level, the level to the agreement's own severities (by
// impact when they say one, else by rank), and the reasons read as one sentence.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type Answers, proposeSeverity, reasonsText, urgencyLevel } from './severity-proposal.ts'

const HELPDESK = ['Critical', 'High', 'Medium', 'Low'].map((name, i) => ({
  id: `P${i + 1}`,
  rank: i + 1,
  name,
}))
const CRVS = ['System down', 'Degraded', 'Module fault'].map((name, i) => ({
  id: `S${i + 1}`,
  rank: i + 1,
  name,
}))
const BY_IMPACT = [
  { id: 'sev-a', rank: 1, name: 'A', impact: 'extensive' },
  { id: 'sev-b', rank: 2, name: 'B', impact: 'moderate' },
  { id: 'sev-c', rank: 3, name: 'C', impact: 'significant' },
]

describe('suggesting a severity', () => {
  const levels: [Answers, number | null][] = [
    [{}, null],
    [{ effect: 'down' }, 1],
    [{ effect: 'down', reach: 'everyone', workaround: 'no' }, 1],
    [{ effect: 'down', reach: 'everyone', workaround: 'yes' }, 2],
    [{ effect: 'down', reach: 'many', workaround: 'no' }, 2],
    [{ effect: 'down', reach: 'few', workaround: 'no' }, 3],
    [{ effect: 'degraded', reach: 'everyone', workaround: 'yes' }, 3],
    [{ effect: 'fault', reach: 'everyone', workaround: 'no' }, 3],
    [{ effect: 'fault', reach: 'few', workaround: 'yes' }, 3],
    [{ effect: 'minor', reach: 'everyone', workaround: 'no' }, 4],
  ]
  for (const [answers, level] of levels)
    test(`${JSON.stringify(answers)} → level ${level}`, () => assert.equal(urgencyLevel(answers), level))

  test('a level picks the severity at that rank; three severities take levels 3 and 4 in the third', () => {
    const pick = (severities: typeof HELPDESK, answers: Answers) =>
      proposeSeverity(severities, 'problem', answers)?.severity
    assert.equal(pick(HELPDESK, { effect: 'degraded', reach: 'many' }), 'P2')
    assert.equal(pick(HELPDESK, { effect: 'minor' }), 'P4')
    assert.equal(pick(CRVS, { effect: 'minor' }), 'S3')
    assert.equal(pick([...HELPDESK].reverse(), { effect: 'down' }), 'P1')
  })

  test('severities that state their impact are matched by it', () => {
    assert.equal(proposeSeverity(BY_IMPACT, 'problem', { effect: 'degraded' })?.severity, 'sev-c')
    assert.equal(proposeSeverity(BY_IMPACT, 'problem', { effect: 'fault' })?.severity, 'sev-b')
  })

  test('questions and feature requests are the least severe; nothing without severities', () => {
    assert.equal(proposeSeverity(HELPDESK, 'feature', {})?.severity, 'P4')
    assert.equal(proposeSeverity(CRVS, 'assistance', { effect: 'down' })?.severity, 'S3')
    assert.equal(proposeSeverity([], 'problem', { effect: 'down' }), null)
    assert.equal(proposeSeverity(HELPDESK, 'problem', {}), null)
  })

  test('the reasons read as one sentence', () => {
    const p = proposeSeverity(HELPDESK, 'problem', { effect: 'down', reach: 'everyone', workaround: 'yes' })
    assert.equal(
      reasonsText(p!.reasons),
      'the service cannot be used at all, everyone is affected but there is a way to keep working',
    )
    assert.equal(reasonsText(['a', 'b']), 'a and b')
    assert.equal(reasonsText(['a']), 'a')
  })
})
