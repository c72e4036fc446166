import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatIssue } from './issues.ts'
import { locateIssues, parseSourceText } from './source-text.ts'

describe('parseSourceText', () => {
  test('parses YAML and JSON alike, keeping dates and times as text', () => {
    const yaml = parseSourceText('a: 2026-12-25\nb: ["08:00", 24x7]\n')
    assert.ok(yaml.ok)
    assert.deepEqual(yaml.value, { a: '2026-12-25', b: ['08:00', '24x7'] })
    const json = parseSourceText('{"a": [1, {"b": null}]}')
    assert.ok(json.ok)
    assert.deepEqual(json.value, { a: [1, { b: null }] })
  })

  test('locates a path at the line and column of its value', () => {
    const source = parseSourceText(
      'week:\n  mon: [["08:00", "18:00"]]\n  tue:\n    - ["08:00", "25:00"]\n',
      'cal.yaml',
    )
    assert.ok(source.ok)
    assert.deepEqual(source.locate(['week', 'tue', 0]), { line: 4, column: 7 })
    assert.deepEqual(source.locate(['week', 'mon']), { line: 2, column: 8 })
    // A path that goes past what exists stops at the deepest node found.
    assert.deepEqual(source.locate(['week', 'tue', 5]), { line: 4, column: 5 })
  })

  test('syntax errors and duplicate keys are issues with a line', () => {
    const broken = parseSourceText('a: [1, 2\nb: 3\n', 'x.yaml')
    assert.equal(broken.ok, false)
    if (!broken.ok) assert.equal(broken.issues[0]?.line, 2)
    const duplicate = parseSourceText('a: 1\na: 2\n', 'x.yaml')
    assert.equal(duplicate.ok, false)
    if (!duplicate.ok) {
      assert.equal(formatIssue(duplicate.issues[0]!), 'x.yaml:2:1: Map keys must be unique')
    }
  })

  test('locateIssues prefixes file:line:column and keeps the path', () => {
    const source = parseSourceText('timezone: Mars/Base\n', 'cal.yaml')
    assert.ok(source.ok)
    const [issue] = locateIssues(source, [{ path: ['timezone'], message: 'bad', hint: 'fix it' }], 'cal.yaml')
    assert.equal(formatIssue(issue!), 'cal.yaml:1:11: timezone: bad (fix it)')
  })
})
