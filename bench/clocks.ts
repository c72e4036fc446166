// Clock replay: how fast the clock engine replays ticket histories. A generated set of one
// million tickets of eight events each (creation, an automated acknowledgement, an agent's
// reply, a wait on the customer, the customer's answer, a second reply, the resolution) is
// replayed ticket by ticket against the reference helpdesk SLA, and every clock is read at
// the end. Tickets are generated on the fly, so memory stays flat.
//   BENCH_TICKETS=100000 npm run bench -- clocks   (fewer tickets)
import { readFileSync } from 'node:fs'
import { parseAgreement } from '../src/domain/agreement/parse-agreement.ts'
import { compileClockPolicy } from '../src/domain/clocks/clock-policy.ts'
import { viewClock } from '../src/domain/clocks/clock-view.ts'
import { replayTicket } from '../src/domain/clocks/replay.ts'
import type { TicketEvent } from '../src/domain/clocks/ticket-events.ts'
import { seededRandom } from './lib/random.ts'
import { formatCount, formatTable } from './lib/table.ts'

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000)
const MINUTE = 60_000
const YEAR_START = Date.UTC(2026, 0, 1)

export async function run(): Promise<void> {
  const text = readFileSync(new URL('../../shared/examples/helpdesk-sla.yaml', import.meta.url), 'utf8')
  const parsed = parseAgreement(text)
  if (!parsed.ok) throw new Error('the reference helpdesk SLA does not parse')
  const policy = compileClockPolicy(parsed.agreement, 'bench')
  const policyAt = () => policy
  const random = seededRandom(20261121)
  const at = Date.UTC(2027, 2, 1)
  // Warm up the JIT and the calendars' tables for 2026–2027.
  for (let i = 0; i < 20_000; i++) replayTicket(ticketEvents(i, random), policyAt)

  let clocks = 0
  let breached = 0
  const heapBefore = process.memoryUsage().heapUsed
  const started = process.hrtime.bigint()
  for (let i = 0; i < TICKETS; i++) {
    const ticket = replayTicket(ticketEvents(i, random), policyAt)
    for (const clock of ticket?.clocks ?? []) {
      clocks++
      if (viewClock(clock, at).breached) breached++
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const heapAfter = process.memoryUsage().heapUsed
  const rate = TICKETS / seconds
  console.log(
    `Replayed ${formatCount(TICKETS)} tickets of 8 events (${formatCount(clocks)} clocks, ${formatCount(breached)} breached) on one core`,
  )
  console.log(
    formatTable(
      ['measure', 'value'],
      [
        ['time', `${seconds.toFixed(1)} s`],
        ['tickets a second', formatCount(rate)],
        ['events a second', formatCount(rate * 8)],
        ['one million tickets would take', `${(1_000_000 / rate).toFixed(1)} s`],
        ['heap growth', `${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB`],
      ],
    ),
  )
  console.log(
    `Goal: one million tickets in well under a minute: ${1_000_000 / rate < 60 ? 'met' : 'NOT met'}`,
  )
}

/** A ticket's eight events, deterministic in the seed; times are spread over 2026. */
function ticketEvents(n: number, random: () => number): TicketEvent[] {
  const ticket = `T-${n}`
  const severity = ['P1', 'P2', 'P3', 'P4'][Math.floor(random() * 4)]!
  let t = YEAR_START + Math.floor(random() * 360 * 24 * 60) * MINUTE
  const step = (minMinutes: number, maxMinutes: number) => {
    t += Math.floor(minMinutes + random() * (maxMinutes - minMinutes)) * MINUTE
    return t
  }
  const e = (seq: number, at: number, body: object) =>
    ({ id: `${ticket}-${seq}`, ticket, at, seq, ...body }) as TicketEvent
  return [
    e(1, t, {
      type: 'created',
      customer: 'acme',
      service: 'portal',
      severity,
      requester: 'ann@acme.example',
      channel: 'email',
    }),
    e(2, step(1, 2), { type: 'message', author: 'system', public: true, automated: true }),
    e(3, step(5, 360), { type: 'message', author: 'agent', public: true }),
    e(4, step(5, 30), { type: 'status', status: 'waiting_on_customer' }),
    e(5, step(60, 2880), { type: 'message', author: 'requester', public: true }),
    e(6, t, { type: 'status', status: 'open' }),
    e(7, step(30, 240), { type: 'message', author: 'agent', public: true }),
    e(8, step(60, 4320), { type: 'status', status: 'resolved' }),
  ]
}
