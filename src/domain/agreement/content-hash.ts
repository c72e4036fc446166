// The content hash that approvals and signatures bind to: SHA-256 over the agreement's
// canonical JSON (RFC 8785, JCS), so that key order and whitespace never change it and
// anyone can recompute it from the agreement.json embedded in a rendered PDF.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import canonicalize from 'canonicalize'

/** The agreement as RFC 8785 canonical JSON: the exact bytes the content hash is taken over. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new TypeError('the value has no JSON form')
  return text
}

/** Lowercase hex SHA-256 of the canonical JSON. */
export function contentHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))
}
