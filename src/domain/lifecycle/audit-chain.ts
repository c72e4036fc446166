// The hash chain of an agreement's audit log: each entry's hash covers its own fields and the
// hash before it, so changing, inserting, removing or reordering an entry breaks every hash
// after it. Canonical JSON (RFC 8785) makes the bytes hashed independent of how the database
// returns keys and spacing. (Truncating the tail is not detectable from the chain alone: the
// head printed on the signed document and sent out with it is the outside anchor.)
import { contentHash } from '../agreement/content-hash.ts'
import type { AuditActor, LifecycleEvent } from './events.ts'

export const GENESIS_HASH = '0'.repeat(64)

export type AuditEntry = {
  agreement: string
  seq: number
  type: LifecycleEvent['type']
  actor: AuditActor
  /** ISO 8601 instant, in UTC to the millisecond. */
  at: string
  payload: unknown
  prevHash: string
}
export type ChainedEntry = AuditEntry & { hash: string }

/** SHA-256 over the canonical JSON of the entry, its previous hash included. */
export function auditHash(entry: AuditEntry): string {
  const { agreement, seq, type, actor, at, payload, prevHash } = entry
  return contentHash({ agreement, seq, type, actor, at, payload, prevHash })
}

/** New events as entries that continue the chain after `last` (none: the chain starts here). */
export function chainEvents(
  agreement: string,
  last: { seq: number; hash: string } | undefined,
  events: readonly LifecycleEvent[],
  actor: AuditActor,
  at: number,
): ChainedEntry[] {
  let seq = last?.seq ?? 0
  let prevHash = last?.hash ?? GENESIS_HASH
  return events.map((event) => {
    seq += 1
    const entry: AuditEntry = {
      agreement,
      seq,
      type: event.type,
      actor,
      at: new Date(at).toISOString(),
      payload: event.payload,
      prevHash,
    }
    const hash = auditHash(entry)
    prevHash = hash
    return { ...entry, hash }
  })
}

export type ChainVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; seq: number; reason: string }

/** Recomputes the chain in seq order and names the first entry that does not hold. */
export function verifyChain(agreement: string, entries: readonly ChainedEntry[]): ChainVerdict {
  let prevHash = GENESIS_HASH
  for (const [i, entry] of entries.entries()) {
    const seq = i + 1
    if (entry.seq !== seq) {
      return { ok: false, seq, reason: `entry ${seq} is missing (the next one is ${entry.seq})` }
    }
    if (entry.agreement !== agreement) {
      return { ok: false, seq, reason: `entry ${seq} belongs to agreement "${entry.agreement}"` }
    }
    if (entry.prevHash !== prevHash) {
      return {
        ok: false,
        seq,
        reason: `entry ${seq} does not follow entry ${seq - 1}: its previous hash differs`,
      }
    }
    if (auditHash(entry) !== entry.hash) {
      return { ok: false, seq, reason: `entry ${seq} was altered: its content no longer matches its hash` }
    }
    prevHash = entry.hash
  }
  return { ok: true, entries: entries.length, head: prevHash }
}

/**
 * The revisions as stored against what the log recorded when each was saved: a document
 * changed in its table no longer has the content hash its `revision.saved` entry holds.
 */
export function verifyRevisions(
  entries: readonly ChainedEntry[],
  stored: ReadonlyMap<number, string>,
): ChainVerdict | undefined {
  const logged = new Set<number>()
  for (const entry of entries) {
    if (entry.type !== 'revision.saved') continue
    const { revision, contentHash: recorded } = entry.payload as { revision: number; contentHash: string }
    logged.add(revision)
    const hash = stored.get(revision)
    if (hash === undefined)
      return {
        ok: false,
        seq: entry.seq,
        reason: `revision ${revision}, saved at entry ${entry.seq}, is missing`,
      }
    if (hash !== recorded) {
      return {
        ok: false,
        seq: entry.seq,
        reason: `revision ${revision} was altered: its document no longer has the hash entry ${entry.seq} recorded`,
      }
    }
  }
  const unlogged = [...stored.keys()].find((r) => !logged.has(r))
  if (unlogged === undefined) return undefined
  return {
    ok: false,
    seq: entries.length + 1,
    reason: `revision ${unlogged} is stored but the log never saved it`,
  }
}
