import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { contentHash } from '../agreement/content-hash.ts'
import { auditHash, type ChainedEntry, chainEvents, GENESIS_HASH, verifyChain } from './audit-chain.ts'
import type { LifecycleEvent } from './events.ts'

const ACTOR = { user: 'u-dana', role: 'agent', organisation: 'example-it', authMethod: 'token' }
const EVENTS: LifecycleEvent[] = [
  { type: 'comment.added', payload: { edition: 1, revision: 1, body: 'first' } },
  { type: 'comment.added', payload: { edition: 1, revision: 1, body: 'second', replyTo: 1 } },
  { type: 'comment.added', payload: { edition: 1, revision: 1, body: 'third' } },
]

function chain(): ChainedEntry[] {
  const head = chainEvents(
    'acme-helpdesk',
    undefined,
    EVENTS.slice(0, 2),
    ACTOR,
    Date.parse('2026-01-01T00:00:00Z'),
  )
  const tail = chainEvents(
    'acme-helpdesk',
    head.at(-1),
    EVENTS.slice(2),
    ACTOR,
    Date.parse('2026-01-02T00:00:00Z'),
  )
  return [...head, ...tail]
}

describe('the audit chain', () => {
  test('each entry hashes its canonical JSON with the hash before it', () => {
    const entries = chain()
    assert.deepEqual(
      entries.map((e) => e.seq),
      [1, 2, 3],
    )
    assert.equal(entries[0]?.prevHash, GENESIS_HASH)
    assert.equal(entries[2]?.prevHash, entries[1]?.hash)
    const { hash, ...first } = entries[0]!
    assert.equal(hash, contentHash(first), 'the hash is SHA-256 over the RFC 8785 JSON of the entry')
    assert.deepEqual(verifyChain('acme-helpdesk', entries), { ok: true, entries: 3, head: entries[2]?.hash })
  })

  test('key order does not matter, as the database may return keys in any order', () => {
    const [entry] = chain()
    const reordered = { ...entry!, payload: { body: 'first', revision: 1, edition: 1 } }
    assert.equal(auditHash(reordered), entry?.hash)
  })

  const tampered: [string, (entries: ChainedEntry[]) => ChainedEntry[], number, RegExp][] = [
    [
      'a payload edited',
      (e) => e.map((x) => (x.seq === 2 ? { ...x, payload: { body: 'edited' } } : x)),
      2,
      /altered/,
    ],
    [
      'an actor changed',
      (e) => e.map((x) => (x.seq === 1 ? { ...x, actor: { ...x.actor, user: 'u-x' } } : x)),
      1,
      /altered/,
    ],
    [
      'a time moved',
      (e) => e.map((x) => (x.seq === 3 ? { ...x, at: '2025-01-01T00:00:00.000Z' } : x)),
      3,
      /altered/,
    ],
    ['an entry removed', (e) => e.filter((x) => x.seq !== 2), 2, /entry 2 is missing/],
    [
      'an entry rehashed after an edit',
      (e) =>
        e.map((x) => {
          if (x.seq !== 2) return x
          const edited = { ...x, payload: { body: 'edited' } }
          return { ...edited, hash: auditHash(edited) }
        }),
      3,
      /does not follow entry 2/,
    ],
    [
      'another agreement',
      (e) => e.map((x) => (x.seq === 1 ? { ...x, agreement: 'other' } : x)),
      1,
      /belongs to/,
    ],
  ]
  for (const [what, tamper, seq, reason] of tampered) {
    test(`${what} is found at entry ${seq}`, () => {
      const verdict = verifyChain('acme-helpdesk', tamper(chain()))
      assert.equal(verdict.ok, false)
      assert.equal(!verdict.ok && verdict.seq, seq)
      assert.match(!verdict.ok ? verdict.reason : '', reason)
    })
  }
})
