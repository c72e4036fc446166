// `upheld simulate`: replays ticket events against an agreement without a database, and
// answers "what would our compliance have been under this draft?".
import type { Command } from 'commander'
import { AppError } from '../domain/app-error.ts'
import { compileClockPolicy } from '../domain/clocks/clock-policy.ts'
import { type ClockView, viewClock } from '../domain/clocks/clock-view.ts'
import { complianceRows, newTally, tallyClock } from '../domain/clocks/compliance.ts'
import { replayTicket } from '../domain/clocks/replay.ts'
import { formatDuration } from '../domain/duration.ts'
import { parseInstant } from '../domain/time-zone.ts'
import { readAgreementFile } from './read-agreement-file.ts'
import { readTicketEventFile } from './ticket-event-file.ts'

type Options = { agreement: string; events: string; at?: string; json?: boolean }

export function registerSimulate(program: Command, now: () => number): void {
  program
    .command('simulate')
    .description(
      "replay ticket events (JSONL) against an agreement, without a database: every ticket's clocks and compliance",
    )
    .requiredOption('--agreement <file>', 'agreement file (YAML or JSON)')
    .requiredOption('--events <file>', 'ticket events, one JSON object per line')
    .option('--at <time>', 'show the clocks as they stand at this instant (ISO 8601; default: now)')
    .option('--json', 'print JSON')
    .action(async (opts: Options) => {
      const parsed = readAgreementFile(opts.agreement)
      if (!parsed.ok)
        throw new AppError('invalid_input', `${opts.agreement} is not a valid agreement`, parsed.issues)
      const at = opts.at === undefined ? now() : parseInstant(opts.at, 'UTC')
      if (at === null)
        throw new AppError(
          'invalid_input',
          `--at: "${opts.at}" is not a date-time (ISO 8601, e.g. 2026-11-30T00:00:00Z)`,
        )
      const version = String(parsed.agreement.metadata.version ?? 1)
      const policy = compileClockPolicy(parsed.agreement, version)
      const progress = progressReporter()
      const groups = await readTicketEventFile(opts.events, {
        onProgress: (n) => progress(`read ${n.toLocaleString('en')} lines`),
      })
      const out = process.stdout
      const tally = newTally()
      let tickets = 0
      try {
        if (opts.json) out.write(`{"at":${JSON.stringify(new Date(at).toISOString())},"tickets":[`)
        for (const events of groups.groups()) {
          // The clocks as they stood at `at`: later events have not happened yet.
          const ticket = replayTicket(
            events.filter((e) => e.at <= at),
            () => policy,
          )
          if (!ticket) continue
          const clocks = ticket.clocks.map((c) => viewClock(c, at))
          for (const clock of clocks) tallyClock(tally, clock)
          const row = { ticket: ticket.ticket, severity: ticket.severity, clocks }
          if (opts.json) out.write(`${tickets > 0 ? ',' : ''}${JSON.stringify(row)}`)
          else out.write(humanTicket(row))
          tickets++
          if (tickets % 10_000 === 0) progress(`replayed ${tickets.toLocaleString('en')} tickets`)
        }
      } finally {
        groups.close()
      }
      progress('')
      const severities = [...(parsed.agreement.spec.severities ?? [])]
        .sort((a, b) => a.rank - b.rank)
        .map((s) => s.id)
      const summary = complianceRows(tally, severities)
      if (opts.json) out.write(`],"summary":${JSON.stringify(summary)}}\n`)
      else out.write(humanSummary(summary, tickets))
    })
}

function humanTicket(row: { ticket: string; severity: string; clocks: ClockView[] }): string {
  const lines = row.clocks.map((c) => {
    const flag = c.breached ? 'BREACHED' : ''
    const used = `${formatDuration(c.elapsed_ms)} of ${formatDuration(c.target_ms)}`
    return `  ${c.metric.padEnd(16)} ${c.severity.padEnd(4)} #${c.cycle} ${c.state.padEnd(9)} ${used.padEnd(22)} due ${c.due ?? '(paused)'} ${flag}`.trimEnd()
  })
  return `${row.ticket} (${row.severity})\n${lines.join('\n')}\n`
}

function humanSummary(rows: ReturnType<typeof complianceRows>, tickets: number): string {
  const count = `${tickets.toLocaleString('en')} ticket${tickets === 1 ? '' : 's'}`
  const header = `\nCompliance over ${count} (clocks met in time, or breached)\n`
  const table = rows.map((r) => {
    const pct = `${(Math.floor(r.compliance * 10_000) / 100).toFixed(2)}%`
    return `  ${r.severity.padEnd(4)} ${r.metric.padEnd(16)} ${String(r.met).padStart(7)} met ${String(r.breached).padStart(7)} breached  ${pct.padStart(8)}`
  })
  return `${header}${table.join('\n')}\n`
}

// Progress goes to a terminal only, on one line that rewrites itself.
function progressReporter(): (text: string) => void {
  if (!process.stderr.isTTY) return () => {}
  return (text) => process.stderr.write(`\r\x1b[K${text}`)
}
