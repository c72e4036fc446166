// Password guessing, slowed: in a sliding window of 15 minutes at most 5 failed attempts per
// account and 30 per client address; past that, 429 with Retry-After until the oldest failure
// in the window ages out. A success clears the account's count (not the address's).
//
// The counts live in this process's memory: each API process counts alone, and a restart
// forgets them. With several API processes behind a balancer the limits are per process.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'

export type ThrottleLimits = { perSubject: number; perAddress: number; windowMs: number }
export const LOGIN_LIMITS: ThrottleLimits = { perSubject: 5, perAddress: 30, windowMs: 15 * 60_000 }
// Failures are kept per key; past this many keys the stale ones are swept.
const SWEEP_ABOVE = 10_000

export type LoginThrottle = {
  /** Runs `attempt` unless its subject or the client is locked out; counts it when `failed` says so. */
  guard<T>(
    c: Context,
    subject: string,
    attempt: () => Promise<T>,
    failed: (error: unknown) => boolean,
  ): Promise<T>
}

export function createLoginThrottle(now: () => number, limits: ThrottleLimits = LOGIN_LIMITS): LoginThrottle {
  const failures = new Map<string, number[]>()
  const recent = (key: string, at: number) =>
    (failures.get(key) ?? []).filter((t) => at - t < limits.windowMs)
  // How long until this key may try again: 0 while it is under its limit.
  const wait = (key: string, limit: number, at: number) => {
    const times = recent(key, at)
    return times.length < limit ? 0 : times[times.length - limit]! + limits.windowMs - at
  }
  const fail = (key: string, limit: number, at: number) => {
    if (failures.size > SWEEP_ABOVE)
      for (const [k, times] of failures) if (at - times.at(-1)! >= limits.windowMs) failures.delete(k)
    failures.set(key, [...recent(key, at), at].slice(-limit))
  }
  const forgive = (key: string, at: number) => {
    const times = failures.get(key)
    const i = times?.lastIndexOf(at) ?? -1
    if (i >= 0) times!.splice(i, 1)
  }
  return {
    async guard(c, subject, attempt, failed) {
      const address = `address ${clientAddress(c)}`
      const at = now()
      const subjectWait = wait(subject, limits.perSubject, at)
      const addressWait = wait(address, limits.perAddress, at)
      if (subjectWait > 0 || addressWait > 0) {
        const whose = subjectWait > 0 ? 'for this account' : 'from your address'
        refuse(c, Math.max(subjectWait, addressWait), at, whose)
      }
      // An attempt counts as failed until it has not: attempts sent together cannot all slip in
      // while the first ones are still being checked.
      fail(subject, limits.perSubject, at)
      fail(address, limits.perAddress, at)
      try {
        const result = await attempt()
        failures.delete(subject)
        forgive(address, at)
        return result
      } catch (error) {
        if (!failed(error)) {
          forgive(subject, at)
          forgive(address, at)
        }
        throw error
      }
    },
  }
}

function refuse(c: Context, waitMs: number, at: number, whose: string): never {
  const seconds = Math.ceil(waitMs / 1000)
  // Said for a person (Retry-After is for programs): the minute, in UTC, since the server knows no other zone.
  const when = new Date(at + seconds * 1000).toISOString().slice(11, 16)
  const minutes = Math.ceil(seconds / 60)
  c.header('Retry-After', String(seconds))
  throw new HTTPException(429, {
    message: `too many failed attempts ${whose}; try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${when} UTC)`,
  })
}

/**
 * The client's address: the connection's peer, or, when the peer is this machine (a reverse
 * proxy beside Upheld), the last address the proxy added to X-Forwarded-For. A header from
 * anywhere else is not believed, since a client could write anything in it.
 */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  const peer = env?.incoming?.socket?.remoteAddress
  if (peer === undefined) return 'unknown'
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
  return forwarded && /^(127\.|::1$|::ffff:127\.)/.test(peer) ? forwarded : peer
}
