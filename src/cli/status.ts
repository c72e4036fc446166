// `upheld status-events import FILE.jsonl` and `upheld status`: status events from another
// monitor into the database, and each service's current status, straight from the database
// (local access is an administrator's).
import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { SYSTEM_ACTOR } from '../actions/deps.ts'
import type { ServiceStatusView } from '../actions/get-service-status.ts'
import { AppError } from '../domain/app-error.ts'
import { readStatusEvents, splitJsonLines } from '../domain/status-events.ts'
import { print } from './output.ts'
import { withDatabase } from './tickets.ts'

export function registerStatus(program: Command, now: () => number): void {
  program
    .command('status-events')
    .description('status events from other monitors')
    .command('import')
    .description('import status events (JSONL, one per line) into the database; safe to run again')
    .argument('<file>', 'a .jsonl file of status events')
    .option('--customer <id>', 'the customer of events that do not name one')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { customer?: string; json?: boolean }) => {
      const { items, lines } = readFile(file)
      await withDatabase(now, async (deps) => {
        const { ingestStatusEvents, MAX_STATUS_BATCH } = await import('../actions/ingest-status-events.ts')
        const totals = { events: items.length, accepted: 0, duplicates: 0 }
        for (let from = 0; from < items.length; from += MAX_STATUS_BATCH) {
          const body = items.slice(from, from + MAX_STATUS_BATCH)
          let done: Awaited<ReturnType<typeof ingestStatusEvents>>
          try {
            done = await ingestStatusEvents(deps, SYSTEM_ACTOR, {
              format: 'generic',
              body,
              customer: opts.customer,
            })
          } catch (error) {
            throw placed(error, file, lines, from)
          }
          totals.accepted += done.accepted
          totals.duplicates += done.duplicates
        }
        print(opts.json, { file, ...totals }, [
          `Imported ${file}: ${totals.events} events (${totals.accepted} new, ${totals.duplicates} already there)`,
        ])
      })
    })

  program
    .command('status')
    .description("each service's current status, and what each of its monitors says")
    .option('--customer <id>', 'one customer only')
    .option('--service <id>', 'one service only')
    .option('--json', 'print JSON')
    .action(async (opts: { customer?: string; service?: string; json?: boolean }) => {
      await withDatabase(now, async (deps) => {
        const { currentServiceStatus } = await import('../actions/get-service-status.ts')
        const views = await currentServiceStatus(deps, SYSTEM_ACTOR, opts)
        print(opts.json, views.map(asJson), statusLines(views))
      })
    })
}

// The whole file is checked before anything is stored.
function readFile(file: string): { items: unknown[]; lines: number[] } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new AppError('not_found', `${file}: no such file`)
  }
  const split = splitJsonLines(text)
  const checked = split.ok ? readStatusEvents(split.value.items, split.value.lines) : split
  if (!checked.ok)
    throw new AppError(
      'invalid_input',
      `${file}: nothing was imported`,
      checked.issues.map((i) => ({ ...i, file })),
    )
  return split.ok ? split.value : { items: [], lines: [] }
}

// A batch's problems name their place in the batch; on the command line, the file's line.
function placed(error: unknown, file: string, lines: number[], from: number): unknown {
  if (!(error instanceof AppError)) return error
  const issues = error.issues.map((issue) => {
    const index = typeof issue.path[0] === 'number' ? from + issue.path[0] : undefined
    return index === undefined ? issue : { ...issue, path: issue.path.slice(1), file, line: lines[index] }
  })
  return new AppError(error.code, `${file}: ${error.message.split('\n')[0]}`, issues)
}

// The API's shape: instants in ISO 8601.
function asJson({ streams, ...view }: ServiceStatusView) {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())
  const monitors = streams.map((s) => ({
    component: s.component,
    source: s.source,
    status: s.status,
    start: iso(s.start),
    end: iso(s.end),
    holds_until: iso(s.holdsUntil),
  }))
  return { ...view, monitors }
}

function statusLines(views: ServiceStatusView[]): string[] {
  if (views.length === 0) return ['No status reported yet.']
  return views.flatMap((v) => [
    `${v.customer.padEnd(14)} ${v.service.padEnd(16)} ${v.status.toUpperCase()}`,
    ...v.streams.map(
      (s) =>
        `  ${(s.component || '(service)').padEnd(14)} ${s.status.padEnd(9)} since ${new Date(s.start).toISOString()}  ${s.source}`,
    ),
  ])
}
