import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { countChanges, describeChange } from './describe-change.ts'
import { type Change, diffDocuments } from './diff-documents.ts'
import { keyedPath } from './keyed-path.ts'
import { formatWordDiff } from './word-diff.ts'

const backup = (id: string, interval = 'P1D') => ({ id, scope: 'db', interval })

type Case = { name: string; before: unknown; after: unknown; changes: Change[] }

const CASES: Case[] = [
  { name: 'the same document', before: { spec: { a: 1 } }, after: { spec: { a: 1 } }, changes: [] },
  {
    name: 'a scalar field changed, one added, one removed',
    before: { spec: { rto: 'PT8H', site: 'DR site' } },
    after: { spec: { rto: 'PT4H', rpo: 'PT15M' } },
    changes: [
      { path: 'spec.rto', kind: 'changed', before: 'PT8H', after: 'PT4H' },
      { path: 'spec.rpo', kind: 'added', after: 'PT15M' },
      { path: 'spec.site', kind: 'removed', before: 'DR site' },
    ],
  },
  {
    name: 'a reorder is a move of the item that left its place, not a removal and an addition',
    before: { backups: [backup('a'), backup('b'), backup('c')] },
    after: { backups: [backup('c'), backup('a'), backup('b')] },
    changes: [{ path: 'backups[id=c]', kind: 'moved', before: 2, after: 0 }],
  },
  {
    name: 'a nested change inside a moved item names the item by its id',
    before: { spec: { backups: [backup('a'), backup('b')] } },
    after: { spec: { backups: [backup('b', 'PT1H'), backup('a')] } },
    changes: [
      { path: 'spec.backups[id=b]', kind: 'moved', before: 1, after: 0 },
      { path: 'spec.backups[id=b].interval', kind: 'changed', before: 'P1D', after: 'PT1H' },
    ],
  },
  {
    name: 'items added and removed by id',
    before: { backups: [backup('a'), backup('b')] },
    after: { backups: [backup('a'), backup('z')] },
    changes: [
      { path: 'backups[id=z]', kind: 'added', after: backup('z') },
      { path: 'backups[id=b]', kind: 'removed', before: backup('b') },
    ],
  },
  {
    name: 'targets are matched by severity and metric',
    before: {
      targets: [
        { severity: 'P1', metric: 'resolution', within: '4h' },
        { severity: 'P2', metric: 'resolution', within: '8h' },
      ],
    },
    after: {
      targets: [
        { severity: 'P2', metric: 'resolution', within: '16h' },
        { severity: 'P1', metric: 'resolution', within: '4h' },
      ],
    },
    changes: [
      { path: 'targets[severity=P2,metric=resolution]', kind: 'moved', before: 1, after: 0 },
      { path: 'targets[severity=P2,metric=resolution].within', kind: 'changed', before: '8h', after: '16h' },
    ],
  },
  {
    name: 'a list of plain values is matched by value',
    before: { components: ['web', 'api', 'db'] },
    after: { components: ['api', 'web', 'cache'] },
    changes: [
      { path: 'components["api"]', kind: 'moved', before: 1, after: 0 },
      { path: 'components["cache"]', kind: 'added', after: 'cache' },
      { path: 'components["db"]', kind: 'removed', before: 'db' },
    ],
  },
  {
    name: 'items without a key are compared by position',
    before: { steps: [{ text: 'a' }, { text: 'b' }] },
    after: { steps: [{ text: 'a' }, { text: 'c' }, { text: 'd' }] },
    changes: [
      { path: 'steps[1].text', kind: 'changed', before: 'b', after: 'c' },
      { path: 'steps[2]', kind: 'added', after: { text: 'd' } },
    ],
  },
  {
    name: 'prose changes carry a word diff',
    before: { purpose: 'Define the levels of ongoing support.' },
    after: { purpose: 'Define the levels of continuous support.' },
    changes: [
      {
        path: 'purpose',
        kind: 'changed',
        before: 'Define the levels of ongoing support.',
        after: 'Define the levels of continuous support.',
        words: [
          { op: 'same', text: 'Define the levels of ' },
          { op: 'removed', text: 'ongoing' },
          { op: 'added', text: 'continuous' },
          { op: 'same', text: ' support.' },
        ],
      },
    ],
  },
  {
    name: 'a value that changes type is a change of the whole value',
    before: { process: ['build', 'deploy'] },
    after: { process: 'Build, then deploy.' },
    changes: [
      { path: 'process', kind: 'changed', before: ['build', 'deploy'], after: 'Build, then deploy.' },
    ],
  },
]

describe('diffDocuments', () => {
  for (const c of CASES) test(c.name, () => assert.deepEqual(diffDocuments(c.before, c.after), c.changes))

  test('duplicate ids fall back to positions rather than guess', () => {
    const changes = diffDocuments(
      {
        l: [
          { id: 'a', n: 1 },
          { id: 'a', n: 2 },
        ],
      },
      {
        l: [
          { id: 'a', n: 1 },
          { id: 'a', n: 3 },
        ],
      },
    )
    assert.deepEqual(changes, [{ path: 'l[1].n', kind: 'changed', before: 2, after: 3 }])
  })

  test('a reversed list moves all but one item', () => {
    const ids = ['a', 'b', 'c', 'd']
    const changes = diffDocuments(
      { l: ids.map((id) => ({ id })) },
      { l: [...ids].reverse().map((id) => ({ id })) },
    )
    assert.equal(changes.length, 3)
    assert.ok(changes.every((c) => c.kind === 'moved'))
  })
})

/** The slow, obvious oracle: the longest increasing subsequence of the new positions stays put. */
function longestIncreasing(xs: readonly number[]): number {
  const best = xs.map(() => 1)
  for (let i = 0; i < xs.length; i++)
    for (let j = 0; j < i; j++) if (xs[j]! < xs[i]!) best[i] = Math.max(best[i]!, best[j]! + 1)
  return Math.max(0, ...best)
}

describe('diffDocuments: properties', () => {
  test('a permutation of items with ids is only moves, as few as the longest run kept in order allows', () => {
    const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/), { maxLength: 12 })
    fc.assert(
      fc.property(
        ids.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([before, after]) => {
          const changes = diffDocuments(
            { l: before.map((id) => ({ id })) },
            { l: after.map((id) => ({ id })) },
          )
          assert.ok(changes.every((c) => c.kind === 'moved'))
          const kept = longestIncreasing(after.map((id) => before.indexOf(id)))
          assert.equal(changes.length, before.length - kept)
        },
      ),
    )
  })

  test('a document compared with itself has no changes', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => assert.deepEqual(diffDocuments(value, value), [])))
  })
})

describe('describeChange', () => {
  test('one line per change, for people', () => {
    const lines = CASES.flatMap((c) => c.changes).map((c) => describeChange(c))
    assert.ok(lines.includes('~ spec.rto: "PT8H" → "PT4H"'))
    assert.ok(lines.includes('> backups[id=c]: moved from position 3 to 1'))
    assert.ok(lines.includes('- spec.site: removed "DR site"'))
    assert.ok(lines.includes('~ purpose: Define the levels of [-ongoing-]{+continuous+} support.'))
  })

  test('long unchanged prose is shortened around the change', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`)
    const changed = [...words]
    changed[20] = 'NEW'
    const [change] = diffDocuments({ t: words.join(' ') }, { t: changed.join(' ') })
    assert.equal(formatWordDiff(change!.words!, 3), '… w17 w18 w19 [-w20-]{+NEW+} w21 w22 w23 …')
  })

  test('counts changes by kind', () => {
    assert.equal(countChanges(CASES[1]!.changes), '3 changes: 1 added, 1 removed, 1 changed')
    assert.equal(countChanges([]), 'no changes')
  })
})

describe('keyedPath', () => {
  test('writes list positions as the keys a diff uses', () => {
    const doc = { spec: { licenses: [{ id: 'l-os' }, { id: 'l-app' }], steps: [{ x: 1 }] } }
    assert.equal(keyedPath(doc, ['spec', 'licenses', 1, 'expiry']), 'spec.licenses[id=l-app].expiry')
    assert.equal(keyedPath(doc, ['spec', 'steps', 0]), 'spec.steps[0]')
    assert.equal(keyedPath(doc, ['spec', 'term', 'review']), 'spec.term.review')
  })
})
