// A second process that holds a steady load of single-event POSTs on /api/events with
// autocannon, and prints autocannon's result as JSON. Each request is a new ticket's created
// event with an id of its own. Usage: node steady-load.mjs URL TOKEN RATE SECONDS
import autocannon from 'autocannon'

const [url, token, rate, seconds] = process.argv.slice(2)
let n = 0
const result = await autocannon({
  url: `${url}/api/events`,
  connections: 8,
  overallRate: Number(rate),
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      setupRequest(request) {
        n++
        const at = new Date(Date.UTC(2026, 5, 1, 9) + n * 1000).toISOString()
        const event = {
          id: `lat-${process.pid}-${n}`,
          ticket: `L-${process.pid}-${n}`,
          type: 'created',
          at,
          customer: 'acme',
          service: 'portal',
          severity: 'P3',
        }
        return { ...request, body: JSON.stringify(event) }
      },
    },
  ],
})
process.stdout.write(
  JSON.stringify({
    latency: result.latency,
    requests: result.requests,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
)
