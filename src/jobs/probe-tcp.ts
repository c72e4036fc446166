// One TCP check: the service is up when a connection opens within the timeout.
import { connect } from 'node:net'
import type { TcpCheck } from '../domain/probe-definition.ts'
import { type CheckResult, judgeLatency } from '../domain/probe-verdict.ts'

export function checkTcp(check: TcpCheck, options: { timeoutMs: number }): Promise<CheckResult> {
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = connect({ host: check.host, port: check.port })
    const settle = (latencyMs: number | null, error: string | null) => {
      clearTimeout(timer)
      socket.destroy()
      const outcome = error === null ? judgeLatency(check.degradedAboveMs, latencyMs!) : 'down'
      resolve({ outcome, latencyMs, httpStatus: null, error, certExpiresAt: null, warning: null })
    }
    const timer = setTimeout(
      () => settle(null, `no connection within ${options.timeoutMs} ms`),
      options.timeoutMs,
    )
    socket.once('connect', () => settle(Math.round(performance.now() - started), null))
    socket.once('error', (error) => settle(null, error.message))
  })
}
