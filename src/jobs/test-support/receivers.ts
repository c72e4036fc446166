// Real receivers for delivery tests: an SMTP server that parses what it gets (smtp-server and
// mailparser), and an HTTP server that checks webhook signatures on its own (node:crypto, not
// Upheld's code) and answers as told. Both listen on 127.0.0.1 at a free port.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type SmtpReceiver = { port: number; mails: ParsedMail[]; logins: string[]; close(): Promise<void> }

export async function startSmtpReceiver(credentials?: { user: string; pass: string }): Promise<SmtpReceiver> {
  const mails: ParsedMail[] = []
  const logins: string[] = []
  const server = new SMTPServer({
    disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials?.user && auth.password === credentials?.pass) {
        logins.push(auth.username ?? '')
        callback(null, { user: auth.username })
      } else callback(new Error('bad login'))
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return { port, mails, logins, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

export type Received = { headers: IncomingHttpHeaders; body: string; status: number; verdict: string }
export type HttpReceiver = { url: string; received: Received[]; close(): Promise<void> }

/**
 * Answers each request with the next status of `statuses` (the last one repeats), but only
 * once the signature checks out and its timestamp is within five minutes of `now` (the real clock);
 * otherwise 401.
 */
export async function startHttpReceiver(
  options: { secret?: string; statuses?: number[]; now?: () => number } = {},
): Promise<HttpReceiver> {
  const received: Received[] = []
  const statuses = options.statuses ?? [200]
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      const verdict = options.secret
        ? checkSignature(req.headers, body, options.secret, options.now?.() ?? Date.now())
        : 'unsigned'
      const planned = statuses[Math.min(received.length, statuses.length - 1)] ?? 200
      const status = verdict === 'ok' || verdict === 'unsigned' ? planned : 401
      received.push({ headers: req.headers, body, status, verdict })
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'thanks' : `no: ${verdict}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/hooks/upheld`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export function checkSignature(
  headers: IncomingHttpHeaders,
  body: string,
  secret: string,
  now: number,
): string {
  const header = String(headers['upheld-signature'] ?? '')
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)
  if (!match) return 'malformed signature header'
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest()
  if (!timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'))) return 'bad signature'
  if (Math.abs(now / 1000 - Number(match[1])) > 300) return 'stale timestamp'
  return 'ok'
}
