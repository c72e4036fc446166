// `upheld import FILE`: ticket events from JSONL, or a helpdesk's ticket export as CSV, into
// the database. The whole file is checked before anything is stored; the import is idempotent
// (event ids), so an interrupted one can simply be run again.
import { createReadStream, statSync } from 'node:fs'
import { extname } from 'node:path'
import { createInterface } from 'node:readline'
import type { Command } from 'commander'
import { type Deps, SYSTEM_ACTOR } from '../actions/deps.ts'
import { readConfig } from '../config.ts'
import { fromZodIssues } from '../domain/agreement/zod-issues.ts'
import { AppError } from '../domain/app-error.ts'
import { CSV_FIELDS, type CsvField, eventsFromCsvRow } from '../domain/clocks/ticket-csv.ts'
import { type TicketEventInput, TicketEventSchema } from '../domain/clocks/ticket-events.ts'
import type { Issue } from '../domain/issues.ts'
import { canonicalTimeZone } from '../domain/time-zone.ts'
import { print } from './output.ts'

type Options = { format?: 'csv' | 'jsonl'; map: string[]; timezone: string; json?: boolean }
type Progress = (done: number) => void
type Ingest = typeof import('../actions/ingest-events.ts')
const MAX_REPORTED = 20

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import ticket events (JSONL) or a ticket export (CSV) into the database; safe to run again')
    .argument('<file>', 'a .jsonl file of ticket events, or a .csv file with one row per ticket')
    .option('--format <format>', 'csv or jsonl (default: from the file name)')
    .option(
      '--map <column=field>',
      'CSV: read COLUMN as FIELD (repeatable), e.g. --map "Ticket ID=ticket"',
      (v, all: string[]) => [...all, v],
      [],
    )
    .option('--timezone <zone>', 'CSV: the zone of times written without an offset', 'UTC')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nCSV fields: ${CSV_FIELDS.join(', ')} (ticket, created_at, customer and severity are required).\nSee docs/import.md for what each row becomes.`,
    )
    .action(async (file: string, opts: Options) => {
      const format = opts.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'jsonl')
      if (format !== 'csv' && format !== 'jsonl')
        throw new AppError('invalid_input', `--format: "${format}" is neither csv nor jsonl`)
      if (!canonicalTimeZone(opts.timezone))
        throw new AppError('invalid_input', `--timezone: "${opts.timezone}" is not an IANA time zone`)
      const size = fileSize(file)
      const read = () =>
        format === 'csv' ? csvEvents(file, columnMap(opts.map), opts.timezone) : jsonlEvents(file)
      const issues: Issue[] = []
      let total = 0
      for await (const item of read()) {
        if ('issues' in item) issues.push(...item.issues.slice(0, MAX_REPORTED - issues.length))
        else total++
      }
      if (issues.length > 0) throw new AppError('invalid_input', `${file}: nothing was imported`, issues)
      // The database and the ingest path load only once the file has been checked.
      const { openDatabase } = await import('../database.ts')
      const ingest = await import('../actions/ingest-events.ts')
      const database = await openDatabase(readConfig())
      const started = Date.now()
      try {
        const result = await importAll(ingest, database.db, read(), progressBar(total, size))
        const seconds = (Date.now() - started) / 1000
        print(opts.json, { file, ...result, seconds }, [
          `Imported ${file}: ${result.events.toLocaleString('en')} events (${result.accepted.toLocaleString('en')} new, ${result.duplicates.toLocaleString('en')} already there) in ${seconds.toFixed(1)} s`,
        ])
      } finally {
        await database.close()
      }
    })
}

type Item = { event: TicketEventInput } | { issues: Issue[] }

async function importAll(ingest: Ingest, db: Deps['db'], items: AsyncIterable<Item>, progress: Progress) {
  const { MAX_BATCH } = ingest
  const deps = { db, now: Date.now }
  let batch: TicketEventInput[] = []
  let deferred: TicketEventInput[] = []
  const totals = { events: 0, accepted: 0, duplicates: 0 }
  const flush = async (events: TicketEventInput[]) => {
    const { done, waiting } = await ingestPlaceable(ingest, deps, events)
    totals.accepted += done.accepted
    totals.duplicates += done.duplicates
    deferred.push(...waiting)
  }
  for await (const item of items) {
    if (!('event' in item)) continue
    batch.push(item.event)
    totals.events++
    if (batch.length === MAX_BATCH) {
      await flush(batch)
      batch = []
      progress(totals.events)
    }
  }
  await flush(batch)
  // Events that came before their ticket's created event: their ticket exists now.
  const retry = deferred
  deferred = []
  for (let i = 0; i < retry.length; i += MAX_BATCH) await flush(retry.slice(i, i + MAX_BATCH))
  if (deferred.length > 0) {
    throw new AppError('invalid_input', `${deferred.length} events name tickets that have no created event`, [
      { path: [], message: `for example ticket "${deferred[0]!.ticket}" (event "${deferred[0]!.id}")` },
    ])
  }
  progress(totals.events)
  return totals
}

// Ingests a batch; events whose ticket has no created event yet are handed back to wait.
async function ingestPlaceable({ ingestEvents }: Ingest, deps: Deps, events: TicketEventInput[]) {
  if (events.length === 0) return { done: { accepted: 0, duplicates: 0 }, waiting: [] }
  try {
    return { done: await ingestEvents(deps, SYSTEM_ACTOR, events), waiting: [] }
  } catch (error) {
    const orphans =
      error instanceof AppError
        ? error.issues.filter((i) => i.hint?.startsWith('send its created event'))
        : []
    if (orphans.length === 0) throw error
    const skip = new Set(orphans.map((i) => i.path[0]))
    const placeable = events.filter((_, i) => !skip.has(i))
    const done =
      placeable.length > 0
        ? await ingestEvents(deps, SYSTEM_ACTOR, placeable)
        : { accepted: 0, duplicates: 0 }
    return { done, waiting: events.filter((_, i) => skip.has(i)) }
  }
}

async function* jsonlEvents(file: string): AsyncGenerator<Item> {
  let line = 0
  for await (const text of createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    line++
    if (text.trim() === '') continue
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      yield { issues: [{ path: [], message: 'is not JSON', file, line }] }
      continue
    }
    const parsed = TicketEventSchema.safeParse(json, { reportInput: true })
    if (parsed.success) yield { event: parsed.data }
    else
      yield {
        issues: fromZodIssues(TicketEventSchema, parsed.error.issues).map((i) => ({ ...i, file, line })),
      }
  }
}

async function* csvEvents(file: string, map: Map<string, CsvField>, timezone: string): AsyncGenerator<Item> {
  const parser = createReadStream(file).pipe(
    (await import('csv-parse')).parse({ columns: true, bom: true, skip_empty_lines: true, trim: true }),
  )
  let line = 1
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    line++
    const row: Partial<Record<CsvField, string>> = {}
    for (const [column, value] of Object.entries(record)) {
      const field =
        map.get(column) ?? (CSV_FIELDS.includes(column as CsvField) ? (column as CsvField) : undefined)
      if (field) row[field] = value
    }
    const result = eventsFromCsvRow(row, timezone)
    if (!result.ok) yield { issues: result.issues.map((i) => ({ ...i, file, line })) }
    else for (const event of result.events) yield { event }
  }
}

function columnMap(entries: string[]): Map<string, CsvField> {
  const map = new Map<string, CsvField>()
  for (const entry of entries) {
    const eq = entry.lastIndexOf('=')
    const field = entry.slice(eq + 1).trim() as CsvField
    if (eq <= 0 || !CSV_FIELDS.includes(field)) {
      throw new AppError(
        'invalid_input',
        `--map "${entry}": write COLUMN=FIELD, FIELD one of ${CSV_FIELDS.join(', ')}`,
      )
    }
    map.set(entry.slice(0, eq).trim(), field)
  }
  return map
}

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    throw new AppError('not_found', `${file}: no such file`)
  }
}

// A progress bar on a terminal; nothing when output is piped.
function progressBar(total: number, bytes: number): Progress {
  if (!process.stderr.isTTY) return () => {}
  const started = Date.now()
  return (done) => {
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000)
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100)
    const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.')
    process.stderr.write(
      `\r[${bar}] ${pct}% ${done.toLocaleString('en')} of ${total.toLocaleString('en')} events (${Math.round(rate).toLocaleString('en')}/s, ${(bytes / 1e6).toFixed(1)} MB)${done >= total ? '\n' : ''}`,
    )
  }
}
