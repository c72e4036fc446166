// One HTTP(S) check with node:http(s): a fresh connection each time (a kept-alive socket would
// hide a server that stopped accepting connections), the body read only when the probe looks
// into it and only up to 1 MB, and the whole exchange bounded by the timeout.
import http from 'node:http'
import https from 'node:https'
import { rootCertificates, type TLSSocket } from 'node:tls'
import type { HttpCheck } from '../domain/probe-definition.ts'
import { type CheckResult, judgeHttp } from '../domain/probe-verdict.ts'

const MAX_BODY_BYTES = 1024 * 1024

/** `ca`: certificates trusted besides the usual roots (a private certificate authority). */
export type HttpOptions = { now: () => number; timeoutMs: number; ca?: string[] }

export function checkHttp(check: HttpCheck, options: HttpOptions): Promise<CheckResult> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  return new Promise((resolve) => {
    let settled = false
    const settle = (result: CheckResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.destroy()
      resolve(result)
    }
    const fail = (error: string): void =>
      settle({
        outcome: 'down',
        latencyMs: null,
        httpStatus: null,
        error,
        certExpiresAt: null,
        warning: null,
      })
    const timer = setTimeout(() => fail(`no answer within ${options.timeoutMs} ms`), options.timeoutMs)
    const request = (check.url.startsWith('https:') ? https : http).request(check.url, {
      method: check.method,
      headers: { 'user-agent': 'upheld-probe', ...check.headers },
      agent: false,
      ...(options.ca ? { ca: [...rootCertificates, ...options.ca] } : {}),
    })
    request.on('error', (error) => fail(error.message))
    request.on('response', (response) => {
      const certExpiresAt = certificateExpiry(response.socket)
      const answer = (body: string | null) => {
        const latencyMs = elapsed()
        const status = response.statusCode ?? 0
        const verdict = judgeHttp(check, { status, body, latencyMs, certExpiresAt }, options.now())
        settle({ ...verdict, latencyMs, httpStatus: status, certExpiresAt })
      }
      if (check.keyword === null && check.json === null) return answer(null)
      readBody(response, answer, fail)
    })
    request.end()
  })
}

function readBody(response: http.IncomingMessage, done: (body: string) => void, fail: (e: string) => void) {
  const chunks: Buffer[] = []
  let size = 0
  response.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    else done(Buffer.concat(chunks).toString('utf8'))
  })
  response.on('end', () => done(Buffer.concat(chunks).toString('utf8')))
  response.on('error', (error) => fail(error.message))
}

function certificateExpiry(socket: http.IncomingMessage['socket']): number | null {
  const tls = socket as Partial<TLSSocket>
  if (typeof tls.getPeerCertificate !== 'function') return null
  const validTo = tls.getPeerCertificate().valid_to
  return validTo ? Date.parse(validTo) : null
}
