// A second process serving the probes' targets, so that its work is not counted as the
// prober's: /ok answers at once, /slow?ms=N after N milliseconds. Prints its port.
import { createServer } from 'node:http'

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://target')
  const answer = () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
  if (url.pathname === '/slow') setTimeout(answer, Number(url.searchParams.get('ms') ?? 0))
  else answer()
})
server.maxConnections = 10_000
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
