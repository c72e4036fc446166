import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { canonicalJson, contentHash } from './content-hash.ts'
import { parseAgreement } from './parse-agreement.ts'

// Hash computed once with `sha256sum` over the canonical text below.
const CANONICAL = '{"a":1,"b":[true,null,"x"],"c":{"d":"é"}}'
const HASH = 'c42d9eaa6c0cebaf4348cadf166a811f84784dc6e0d197c6dc32f342314b5499'

describe('contentHash', () => {
  test('is the SHA-256 of the RFC 8785 canonical JSON (known vector)', () => {
    const value = { c: { d: 'é' }, b: [true, null, 'x'], a: 1.0 }
    assert.equal(canonicalJson(value), CANONICAL)
    assert.equal(contentHash(value), HASH)
  })

  test('does not depend on key order', () => {
    assert.equal(contentHash({ a: 1, b: { x: 1, y: 2 } }), contentHash({ b: { y: 2, x: 1 }, a: 1 }))
  })

  test('changes when a value changes', () => {
    assert.notEqual(contentHash({ a: 1 }), contentHash({ a: 2 }))
  })

  test('hashes the empty object as the canonical "{}"', () => {
    assert.equal(canonicalJson({}), '{}')
    assert.equal(contentHash({}), '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a')
  })

  test('is the same whether the agreement was written in YAML or JSON', () => {
    const path = new URL('../../../../shared/examples/helpdesk-sla.yaml', import.meta.url)
    const yaml = parseAgreement(readFileSync(path, 'utf8'))
    assert.ok(yaml.ok)
    const json = parseAgreement(JSON.stringify(yaml.agreement, null, 2))
    assert.ok(json.ok)
    assert.match(contentHash(yaml.agreement), /^[0-9a-f]{64}$/)
    assert.equal(contentHash(json.agreement), contentHash(yaml.agreement))
  })
})
