// Judging one check's answer: an HTTP response against what the probe expects (status, keyword,
// JSON value), and its latency against the degraded threshold. A certificate about to expire
// is a warning on the result, not a failure: the service still answers.
import type { HttpCheck } from './probe-definition.ts'
import type { CheckOutcome } from './probe-state.ts'

export type HttpAnswer = {
  status: number
  /** Read only when the probe looks into the body. */
  body: string | null
  latencyMs: number
  certExpiresAt: number | null
}

export type Verdict = { outcome: CheckOutcome; error: string | null; warning: string | null }

/** What one check found, as recorded in the probe results. */
export type CheckResult = Verdict & {
  latencyMs: number | null
  httpStatus: number | null
  certExpiresAt: number | null
}

const DAY = 86_400_000

export function judgeHttp(check: HttpCheck, answer: HttpAnswer, now: number): Verdict {
  const warning = certificateWarning(check, answer.certExpiresAt, now)
  const error = statusError(check, answer.status) ?? bodyError(check, answer.body ?? '')
  if (error !== null) return { outcome: 'down', error, warning }
  return { outcome: judgeLatency(check.degradedAboveMs, answer.latencyMs), error: null, warning }
}

export function judgeLatency(degradedAboveMs: number | null, latencyMs: number): CheckOutcome {
  return degradedAboveMs !== null && latencyMs > degradedAboveMs ? 'degraded' : 'up'
}

function statusError(check: HttpCheck, status: number): string | null {
  const expected = check.expectStatus
  if (expected === null) return status >= 200 && status <= 399 ? null : `status ${status}, expected 200–399`
  return expected.includes(status) ? null : `status ${status}, expected ${expected.join(', ')}`
}

function bodyError(check: HttpCheck, body: string): string | null {
  if (check.keyword !== null && !body.includes(check.keyword))
    return `the body does not contain "${check.keyword}"`
  if (check.json === null) return null
  let document: unknown
  try {
    document = JSON.parse(body)
  } catch {
    return 'the body is not JSON'
  }
  const { path, equals } = check.json
  const found = valueAt(document, path)
  if (found === undefined) return `the body has no ${path}`
  if (equals === undefined) return found === null || found === false ? `${path} is ${found}` : null
  return found === equals ? null : `${path} is ${JSON.stringify(found)}, expected ${JSON.stringify(equals)}`
}

/** `data.items[0].state` (a leading `$.` is allowed) in a parsed JSON document. */
export function valueAt(document: unknown, path: string): unknown {
  let current = document
  for (const key of path.replace(/^\$\.?/, '').match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function certificateWarning(check: HttpCheck, expiresAt: number | null, now: number): string | null {
  if (expiresAt === null || expiresAt - now >= check.certificateWarningMs) return null
  const days = Math.floor((expiresAt - now) / DAY)
  return `the TLS certificate expires in ${days} day${days === 1 ? '' : 's'} (${new Date(expiresAt).toISOString()})`
}
