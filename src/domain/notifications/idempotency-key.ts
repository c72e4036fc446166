// One key per (event, clock, threshold, channel, recipient): a timer that fires twice, or an
// enqueue retried after a crash, finds the key taken and adds nothing.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/** A short, header-safe key from the parts that make a notification the same one. */
export function idempotencyKey(parts: readonly (string | number)[]): string {
  // A separator that cannot occur in ids keeps ("a:b", "c") apart from ("a", "b:c").
  return `n_${bytesToHex(sha256(utf8ToBytes(parts.map(String).join('\u0000')))).slice(0, 40)}`
}
