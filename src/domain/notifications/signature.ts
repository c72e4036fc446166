// Webhook signatures: `Upheld-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
// The timestamp is inside what is signed, so a receiver that refuses old timestamps refuses
// a captured request replayed later. Pure (noble hashes), so receivers and tests share it.
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

export const SIGNATURE_HEADER = 'Upheld-Signature'
/** How old a signature a receiver should accept, by default: five minutes. */
export const SIGNATURE_TOLERANCE_S = 300

export function signatureOf(secret: string, unixSeconds: number, body: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`${unixSeconds}.${body}`)))
}

export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  return `t=${unixSeconds},v1=${signatureOf(secret, unixSeconds, body)}`
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string }

/** What a receiver does: parse the header, recompute, compare in constant time, check the age. */
export function verifySignature(
  header: string | null | undefined,
  secret: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_S,
): SignatureCheck {
  const parts = new Map(
    (header ?? '').split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  )
  const t = Number(parts.get('t'))
  const given = parts.get('v1')
  if (!Number.isInteger(t) || !given) return { ok: false, reason: 'no t= and v1= in the signature header' }
  if (!sameText(given, signatureOf(secret, t, body)))
    return { ok: false, reason: 'the signature does not match' }
  if (Math.abs(nowSeconds - t) > toleranceSeconds)
    return { ok: false, reason: `the timestamp is ${nowSeconds - t}s away from now` }
  return { ok: true }
}

// Compares every character whatever the first difference, so timing tells nothing.
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}
