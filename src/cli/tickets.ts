// `upheld tickets` and `upheld clocks TICKET`: what is at risk, what has breached, and one
// ticket's clocks, straight from the database (local access is an administrator's).
import type { Command } from 'commander'
import { type Deps, SYSTEM_ACTOR } from '../actions/deps.ts'
import type { ClockRow, TicketRow } from '../actions/get-ticket.ts'
import { readConfig } from '../config.ts'
import { AppError } from '../domain/app-error.ts'
import { formatDuration, parseDuration } from '../domain/duration.ts'
import { print } from './output.ts'

type TicketsOptions = {
  atRisk?: boolean
  within: string
  breached?: boolean
  customer?: string
  severity?: string
  limit: string
  json?: boolean
}

export function registerTickets(program: Command, now: () => number): void {
  program
    .command('tickets')
    .description('list tickets: all, those at risk (a running clock due soon) or those breached')
    .option('--at-risk', 'only tickets with a running clock due within --within')
    .option('--within <duration>', 'how soon counts as at risk', '1h')
    .option('--breached', 'only tickets with a breached clock')
    .option('--customer <id>', 'one customer only')
    .option('--severity <id>', 'one severity only')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (opts: TicketsOptions) => {
      const within = parseDuration(opts.within)
      if (!within.ok) throw new AppError('invalid_input', `--within: ${within.issue.message}`)
      const limit = Number(opts.limit)
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
        throw new AppError('invalid_input', '--limit: give a whole number from 1 to 10000')
      await withDatabase(now, async (deps) => {
        const { listTickets } = await import('../actions/list-tickets.ts')
        const page = await listTickets(deps, SYSTEM_ACTOR, {
          customer: opts.customer,
          severity: opts.severity,
          breached: opts.breached,
          atRiskWithinMs: opts.atRisk ? within.ms : undefined,
          limit,
        })
        print(opts.json, page.tickets, ticketLines(page.tickets))
      })
    })

  program
    .command('clocks')
    .description("a ticket's clocks: state, time used, due, breach")
    .argument('<ticket>', 'ticket id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withDatabase(now, async (deps) => {
        const { getTicket } = await import('../actions/get-ticket.ts')
        const detail = await getTicket(deps, SYSTEM_ACTOR, id)
        print(opts.json, { ticket: detail.ticket, clocks: detail.clocks }, [
          `${detail.ticket.id} (${detail.ticket.customer_id}, ${detail.ticket.severity}, ${detail.ticket.status})`,
          ...clockLines(detail.clocks),
        ])
      })
    })
}

export async function withDatabase(now: () => number, fn: (deps: Deps) => Promise<void>): Promise<void> {
  const { openDatabase } = await import('../database.ts')
  const database = await openDatabase(readConfig())
  try {
    await fn({ db: database.db, now })
  } finally {
    await database.close()
  }
}

function ticketLines(tickets: TicketRow[]): string[] {
  if (tickets.length === 0) return ['No tickets match.']
  return tickets.map((t) =>
    `${t.id.padEnd(14)} ${t.customer_id.padEnd(14)} ${t.severity.padEnd(4)} ${t.status.padEnd(22)} ${t.subject ?? ''}`.trimEnd(),
  )
}

function clockLines(clocks: ClockRow[]): string[] {
  if (clocks.length === 0) return ['  no clocks (no agreement applies to this ticket)']
  return clocks.map((c) => {
    const used = `${formatDuration(toMinute(c.elapsed_ms))} of ${formatDuration(toMinute(c.target_ms))}`
    const due = c.due ? c.due.toISOString() : '(paused)'
    return `  ${c.metric.padEnd(16)} ${c.severity.padEnd(4)} #${c.cycle} ${c.state.padEnd(9)} ${used.padEnd(22)} due ${due}${c.breached ? ' BREACHED' : ''}`
  })
}

// People read clocks to the minute.
function toMinute(ms: number): number {
  return Math.floor(Number(ms) / 60_000) * 60_000
}
