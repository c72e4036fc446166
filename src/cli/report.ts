// `upheld report`: an agreement's compliance report for a month or quarter, as JSON, CSV, PDF
// or HTML. From the database by agreement id, or without one from files (with --events): the
// agreement, its tickets' events and, optionally, status events. See docs/reports.md.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Command, Option } from 'commander'
import { type Deps, SYSTEM_ACTOR } from '../actions/deps.ts'
import { AppError } from '../domain/app-error.ts'
import type { PeriodLabel } from '../domain/availability/reporting-period.ts'
import { REPORT_TABLES, type ReportTable, toCsv } from '../domain/reports/report-csv.ts'
import type { Report } from '../domain/reports/report-schema.ts'
import { print } from './output.ts'
import { type FileReport, reportFromFiles } from './report-files.ts'
import { withDatabase } from './tickets.ts'
import { atOption, periodOption } from './uptime.ts'

type Options = {
  agreement: string
  period: string
  events?: string
  status?: string
  revision: string[]
  at?: string
  format: 'json' | 'csv' | 'pdf' | 'html'
  table?: ReportTable
  output?: string
}

export function registerReport(program: Command, now: () => number): void {
  const report = program.command('report').enablePositionalOptions()
  registerRecompute(report, now)
  report
    .description(
      "an agreement's compliance report for a month or quarter (JSON, CSV, PDF or HTML), from the database or from files",
    )
    // Checked in the action, not by commander: a parent's required options would also be
    // demanded of `report recompute`.
    .option(
      '--agreement <id|file>',
      'agreement id in the database; with --events, an agreement file (required)',
    )
    .option(
      '--period <period>',
      "a month (2026-10) or quarter (2026-Q4), in the agreement's reporting zone (required)",
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
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['json', 'csv', 'pdf', 'html'])
        .default('json'),
    )
    .addOption(new Option('--table <table>', 'CSV: only this table').choices(REPORT_TABLES))
    .option(
      '-o, --output <path>',
      'write to this file (CSV of every table: to this directory) instead of stdout',
    )
    .action(async (opts: Options) => {
      for (const name of ['agreement', 'period'] as const)
        if (opts[name] === undefined)
          throw new AppError('invalid_input', `required option '--${name}' not specified`)
      const period = periodOption(opts.period)!
      const asOf = atOption(opts.at, now)
      checkOptions(opts)
      const made =
        opts.events === undefined
          ? await fromDatabase(now, opts.agreement, period, opts.at === undefined ? null : asOf, opts.format)
          : await reportFromFiles({
              agreement: opts.agreement,
              revisions: opts.revision,
              events: opts.events,
              status: opts.status,
              period,
              asOf,
            })
      await writeReport(made, opts)
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
  if (opts.format !== 'csv' && opts.table !== undefined)
    throw new AppError('invalid_input', '--table picks a CSV table: add --format csv')
  if (opts.format === 'pdf' && opts.output === undefined)
    throw new AppError('invalid_input', '--format pdf writes a file: give -o FILE')
}

/** A rendering also draws the agreement's maintenance and the outages, read with the report. */
type MadeReport = Pick<FileReport, 'report' | 'intervals'> & { agreement?: FileReport['agreement'] }

/**
 * Without --at, the period's report as it stands: frozen once the period has closed. With
 * --at, the report as the data stood at that instant, made afresh and not stored.
 */
async function fromDatabase(
  now: () => number,
  agreementId: string,
  period: PeriodLabel,
  at: number | null,
  format: Options['format'],
): Promise<MadeReport> {
  let made: MadeReport | undefined
  await withDatabase(now, async (deps) => {
    const report =
      at === null
        ? await frozenOrRunning(deps, agreementId, period)
        : await asOf(deps, agreementId, period, at)
    if (format !== 'pdf' && format !== 'html') made = { report, intervals: new Map() }
    else {
      const { loadReportSources } = await import('../actions/load-report-sources.ts')
      made = {
        report,
        ...(await loadReportSources(deps, SYSTEM_ACTOR, report, at ?? Date.parse(report.as_of))),
      }
    }
  })
  return made!
}

async function frozenOrRunning(deps: Deps, agreementId: string, period: PeriodLabel): Promise<Report> {
  const { getReport } = await import('../actions/frozen-reports.ts')
  const { report, frozen } = await getReport(deps, SYSTEM_ACTOR, { agreementId, period })
  if (frozen && frozen.late_events > 0)
    process.stderr.write(
      `${report.period.label} was frozen on ${frozen.frozen_at} (revision ${frozen.revision}); ` +
        `${frozen.late_events} events about it arrived since and are not in it: ` +
        `upheld report recompute --agreement ${agreementId} --period ${report.period.label} --reason "…" takes them in\n`,
    )
  return report
}

async function asOf(deps: Deps, agreementId: string, period: PeriodLabel, at: number): Promise<Report> {
  const { buildReport } = await import('../actions/build-report.ts')
  return buildReport(deps, SYSTEM_ACTOR, { agreementId, period, at })
}

function registerRecompute(report: Command, now: () => number): void {
  report
    .command('recompute')
    .description(
      "make a closed period's frozen report again from today's data: a new revision, with a reason",
    )
    .requiredOption('--agreement <id>', 'agreement id')
    .requiredOption('--period <period>', 'a month (2026-10) or quarter (2026-Q4)')
    .requiredOption('--reason <text>', 'why it is made again (kept with the revision)')
    .option('--json', 'print JSON: { before, after, changes, report }')
    .action(async (opts: { agreement: string; period: string; reason: string; json?: boolean }) => {
      const period = periodOption(opts.period)!
      await withDatabase(now, async (deps) => {
        const { recomputeReport } = await import('../actions/frozen-reports.ts')
        const done = await recomputeReport(deps, SYSTEM_ACTOR, {
          agreementId: opts.agreement,
          period,
          reason: opts.reason,
        })
        print(opts.json, done, [
          `${opts.agreement} ${opts.period}: revision ${done.after.revision}` +
            (done.before ? ` replaces revision ${done.before.revision}` : ''),
          ...(done.changes.length === 0
            ? ['no figure changed']
            : done.changes.map(
                (c) => `  ${c.path}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`,
              )),
        ])
      })
    })
}

async function writeReport({ report, agreement, intervals }: MadeReport, opts: Options): Promise<void> {
  if (opts.format === 'pdf' || opts.format === 'html') {
    const { renderReportHtml, renderReportPdf } = await import('../render/report/index.ts')
    const rendered =
      opts.format === 'pdf'
        ? await renderReportPdf(report, agreement, { intervals })
        : renderReportHtml(report, agreement, { intervals })
    write(opts.output, rendered)
    return
  }
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

function write(file: string | undefined, text: string | Uint8Array): void {
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
