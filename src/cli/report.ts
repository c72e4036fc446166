// `upheld report`: an agreement's compliance report for a month or quarter, as JSON or CSV.
// From the database by agreement id, or without one from files (with --events): the agreement,
// its tickets' events and, optionally, status events. See docs/reports.md.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Command, Option } from 'commander'
import { SYSTEM_ACTOR } from '../actions/deps.ts'
import { AppError } from '../domain/app-error.ts'
import type { PeriodLabel } from '../domain/availability/reporting-period.ts'
import { REPORT_TABLES, type ReportTable, toCsv } from '../domain/reports/report-csv.ts'
import type { Report } from '../domain/reports/report-schema.ts'
import { reportFromFiles } from './report-files.ts'
import { withDatabase } from './tickets.ts'
import { atOption, periodOption } from './uptime.ts'

type Options = {
  agreement: string
  period: string
  events?: string
  status?: string
  revision: string[]
  at?: string
  format: 'json' | 'csv'
  table?: ReportTable
  output?: string
}

export function registerReport(program: Command, now: () => number): void {
  program
    .command('report')
    .description(
      "an agreement's compliance report for a month or quarter (JSON or CSV), from the database or from files",
    )
    .requiredOption('--agreement <id|file>', 'agreement id in the database; with --events, an agreement file')
    .requiredOption(
      '--period <period>',
      "a month (2026-10) or quarter (2026-Q4), in the agreement's reporting zone",
    )
    .option('--events <file>', 'without a database: ticket events, one JSON object per line')
    .option('--status <file>', 'without a database: status events for availability, one JSON object per line')
    .option(
      '--revision <file@instant>',
      'without a database: a later version of the agreement and when it took effect (repeatable)',
      (value: string, list: string[]) => [...list, value],
      [],
    )
    .option(
      '--at <time>',
      'report as known at this instant; a period not over yet is reported so far (default: now)',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .addOption(new Option('--table <table>', 'CSV: only this table').choices(REPORT_TABLES))
    .option(
      '-o, --output <path>',
      'write to this file (CSV of every table: to this directory) instead of stdout',
    )
    .action(async (opts: Options) => {
      const period = periodOption(opts.period)!
      const asOf = atOption(opts.at, now)
      checkOptions(opts)
      const report =
        opts.events === undefined
          ? await fromDatabase(now, opts.agreement, period, asOf)
          : await reportFromFiles({
              agreement: opts.agreement,
              revisions: opts.revision,
              events: opts.events,
              status: opts.status,
              period,
              asOf,
            })
      writeReport(report, opts)
    })
}

function checkOptions(opts: Options): void {
  if (opts.events === undefined && (opts.status !== undefined || opts.revision.length > 0))
    throw new AppError(
      'invalid_input',
      `--${opts.status !== undefined ? 'status' : 'revision'} is for reports from files: give --events too`,
    )
  if (opts.format === 'csv' && opts.table === undefined && opts.output === undefined)
    throw new AppError(
      'invalid_input',
      `--format csv makes one table each: give --table (one of ${REPORT_TABLES.join(', ')}) or -o DIRECTORY`,
    )
  if (opts.format === 'json' && opts.table !== undefined)
    throw new AppError('invalid_input', '--table picks a CSV table: add --format csv')
}

async function fromDatabase(
  now: () => number,
  agreementId: string,
  period: PeriodLabel,
  at: number,
): Promise<Report> {
  let report: Report | undefined
  await withDatabase(now, async (deps) => {
    const { buildReport } = await import('../actions/build-report.ts')
    report = await buildReport(deps, SYSTEM_ACTOR, { agreementId, period, at })
  })
  return report!
}

function writeReport(report: Report, opts: Options): void {
  if (opts.format === 'json') {
    write(opts.output, `${JSON.stringify(report, null, 2)}\n`)
    return
  }
  const tables = toCsv(report)
  if (opts.table !== undefined) {
    write(opts.output, tables[opts.table])
    return
  }
  const dir = opts.output!
  try {
    mkdirSync(dir, { recursive: true })
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `${dir}: cannot be made a directory (${(error as NodeJS.ErrnoException).code})`,
    )
  }
  for (const table of REPORT_TABLES) write(join(dir, `${table}.csv`), tables[table])
}

function write(file: string | undefined, text: string): void {
  if (file === undefined) {
    process.stdout.write(text)
    return
  }
  try {
    writeFileSync(file, text)
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `${file}: cannot be written (${(error as NodeJS.ErrnoException).code})`,
    )
  }
}
