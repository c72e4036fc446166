// Real servers for probe tests: an HTTP(S) server that answers as told (status, body, delay, or
// not at all) and a TCP server, each on 127.0.0.1, able to go down and come back on its port.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type Reply = { status: number; body: string; delayMs: number; hang: boolean }

export type Target = {
  port: number
  url: string
  reply: Reply
  /** Stops listening and drops every connection. */
  down(): Promise<void>
  /** Listens again on the same port. */
  up(): Promise<void>
}

export type Certificate = { key: string; cert: string }

export async function startHttpTarget(tls?: Certificate): Promise<Target> {
  const reply: Reply = { status: 200, body: 'ok', delayMs: 0, hang: false }
  const server: Server = tls
    ? createHttpsServer(tls, (_req, res) => answer(res))
    : createHttpServer((_req, res) => answer(res))
  function answer(res: import('node:http').ServerResponse) {
    if (reply.hang) return
    setTimeout(
      () => res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body),
      reply.delayMs,
    )
  }
  const port = await listen(server, 0)
  return {
    port,
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/health`,
    reply,
    down: () => close(server),
    up: async () => void (await listen(server, port)),
  }
}

export async function startTcpTarget(): Promise<Omit<Target, 'url' | 'reply'>> {
  const server: TcpServer = createTcpServer((socket) => socket.end())
  const port = await listen(server, 0)
  return { port, down: () => close(server), up: async () => void (await listen(server, port)) }
}

function listen(server: Server | TcpServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve((server.address() as { port: number }).port)
    })
  })
}

function close(server: Server | TcpServer): Promise<void> {
  if ('closeAllConnections' in server) server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** A self-signed certificate for 127.0.0.1 that expires in `days` days (made with openssl). */
export function selfSignedCertificate(days: number): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'upheld-cert-'))
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key]
        .concat(['-out', cert, '-days', String(days), '-subj', '/CN=127.0.0.1'])
        .concat(['-addext', 'subjectAltName=IP:127.0.0.1']),
      { stdio: 'ignore' },
    )
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
