// A probe as written in an agreement's monitoring section (or sent to the API), made ready to
// run: an HTTP(S) check when it names a url, a TCP connect when it names host and port, with
// its timing filled in. The defaults are stated here once.
import type { z } from 'zod'
import type { ProbeSchema } from './agreement/sections-availability.ts'
import { parseDuration } from './duration.ts'
import type { Issue, Result } from './issues.ts'

export type ProbeConfig = z.infer<typeof ProbeSchema>

export type HttpCheck = {
  kind: 'http'
  url: string
  method: 'GET' | 'HEAD' | 'POST'
  headers: Record<string, string>
  /** null: any status from 200 to 399. */
  expectStatus: number[] | null
  keyword: string | null
  json: { path: string; equals?: string | number | boolean } | null
  degradedAboveMs: number | null
  certificateWarningMs: number
}
export type TcpCheck = { kind: 'tcp'; host: string; port: number; degradedAboveMs: number | null }
export type ProbeCheck = HttpCheck | TcpCheck

/** `holdMs`: how long one result vouches for its status, the interval plus a grace. */
export type ProbeTiming = { intervalMs: number; timeoutMs: number; retries: number; holdMs: number }

export const DEFAULT_INTERVAL_MS = 60_000
const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_CERTIFICATE_WARNING_MS = 14 * 86_400_000
// The grace covers the next check's timeout and the scheduler's lateness in writing it.
const GRACE_MS = 5_000
const MIN_INTERVAL_MS = 1_000

export function compileProbe(
  probe: ProbeConfig,
  intervalMs = DEFAULT_INTERVAL_MS,
): Result<{ check: ProbeCheck; timing: ProbeTiming }> {
  const issues: Issue[] = []
  const ms = (text: string | undefined, field: string) => {
    if (text === undefined) return null
    const parsed = parseDuration(text)
    if (parsed.ok) return parsed.ms
    issues.push({ ...parsed.issue, path: [field] })
    return null
  }
  if (intervalMs < MIN_INTERVAL_MS)
    issues.push({ path: ['interval'], message: 'must be at least 1s', hint: 'probe at most once a second' })
  const timeoutMs = Math.min(ms(probe.timeout, 'timeout') ?? DEFAULT_TIMEOUT_MS, intervalMs)
  const degradedAboveMs = ms(probe.degradedAbove, 'degradedAbove')
  const certificateWarningMs =
    ms(probe.certificateWarning, 'certificateWarning') ?? DEFAULT_CERTIFICATE_WARNING_MS
  const check = checkOf(probe, degradedAboveMs, certificateWarningMs, issues)
  if (check === null || issues.length > 0) return { ok: false, issues }
  const timing = {
    intervalMs,
    timeoutMs,
    retries: probe.retries ?? 0,
    holdMs: intervalMs + timeoutMs + GRACE_MS,
  }
  return { ok: true, value: { check, timing } }
}

function checkOf(
  probe: ProbeConfig,
  degradedAboveMs: number | null,
  certificateWarningMs: number,
  issues: Issue[],
): ProbeCheck | null {
  if (probe.url !== undefined && probe.host === undefined && probe.port === undefined) {
    return {
      kind: 'http',
      url: probe.url,
      method: probe.method ?? 'GET',
      headers: probe.headers ?? {},
      expectStatus: probe.expectStatus ?? null,
      keyword: probe.keyword ?? null,
      json: probe.json ?? null,
      degradedAboveMs,
      certificateWarningMs,
    }
  }
  if (probe.url === undefined && probe.host !== undefined && probe.port !== undefined) {
    return { kind: 'tcp', host: probe.host, port: probe.port, degradedAboveMs }
  }
  issues.push({
    path: [],
    message: 'a probe needs either url (an HTTP(S) check) or host and port (a TCP connect)',
  })
  return null
}
