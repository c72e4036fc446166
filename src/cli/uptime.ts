import type { Command } from 'commander'
import type { AgreementSpec } from '../domain/agreement/schema.ts'
import { AppError } from '../domain/app-error.ts'
import { measureObjective } from '../domain/availability/measure-objective.ts'
import { type PeriodLabel, parsePeriodLabel } from '../domain/availability/reporting-period.ts'
import { intervalsFromObservations, type Observation } from '../domain/availability/status-intervals.ts'
import { didYouMean } from '../domain/issues.ts'
import { parseInstant } from '../domain/time-zone.ts'
import { availabilityJson, availabilityLines, spanOfMeasures } from '../render/availability-report.ts'
import { print } from './output.ts'
import { readAgreementFile } from './read-agreement-file.ts'
import { readStatusEventFile } from './status-event-file.ts'

type Options = {
  agreement: string
  events: string
  period?: string
  at?: string
  objective?: string
  json?: boolean
}

export function registerUptime(program: Command, now: () => number): void {
  program
    .command('uptime')
    .description(
      "availability of an agreement's objectives over a period, from status events (JSONL), without a database",
    )
    .requiredOption('--agreement <file>', 'agreement file (YAML or JSON)')
    .requiredOption('--events <file>', 'status events, one JSON object per line')
    .option(
      '--period <period>',
      "a month (2026-10) or quarter (2026-Q4), in each objective's time zone (default: the one --at falls in)",
    )
    .option(
      '--at <time>',
      'measure as known at this instant; rolling windows end here (ISO 8601; default: now)',
    )
    .option('--objective <id>', 'only this objective')
    .option('--json', 'print JSON')
    .action((opts: Options) => {
      const parsed = readAgreementFile(opts.agreement)
      if (!parsed.ok)
        throw new AppError('invalid_input', `${opts.agreement} is not a valid agreement`, parsed.issues)
      const spec = parsed.agreement.spec
      const choice = { label: periodOption(opts.period), asOf: atOption(opts.at, now) }
      const events = readEventFile(opts.events, spec)
      const measures = objectivesOption(spec, opts).map((objective) => {
        const intervals = intervalsFromObservations(events.get(objective.service) ?? [], choice.asOf)
        const result = measureObjective(spec, objective.id, choice, intervals)
        if (!result.ok)
          throw new AppError(
            'invalid_input',
            `${opts.agreement}: cannot measure`,
            parsed.locate(result.issues),
          )
        return result.value
      })
      print(opts.json, availabilityJson(spanOfMeasures(measures), measures), availabilityLines(measures))
    })
}

export function periodOption(text: string | undefined): PeriodLabel | null {
  if (text === undefined) return null
  const label = parsePeriodLabel(text)
  if (label === null)
    throw new AppError(
      'invalid_input',
      `--period: "${text}" is neither a month (2026-10) nor a quarter (2026-Q4)`,
    )
  return label
}

export function atOption(text: string | undefined, now: () => number): number {
  if (text === undefined || text === 'now') return now()
  const t = parseInstant(text, 'UTC')
  if (t === null)
    throw new AppError(
      'invalid_input',
      `--at: "${text}" is not a date-time (ISO 8601, e.g. 2026-11-01T00:00:00Z)`,
    )
  return t
}

function objectivesOption(spec: AgreementSpec, opts: Options): NonNullable<AgreementSpec['availability']> {
  const all = spec.availability ?? []
  if (all.length === 0)
    throw new AppError('invalid_input', `${opts.agreement} has no availability objectives to measure`)
  if (opts.objective === undefined) return all
  const chosen = all.filter((o) => o.id === opts.objective)
  if (chosen.length === 0) {
    const ids = all.map((o) => o.id)
    const hint = didYouMean(opts.objective, ids) ?? `it has ${ids.join(', ')}`
    throw new AppError(
      'not_found',
      `--objective: ${opts.agreement} has no objective "${opts.objective}"; ${hint}`,
    )
  }
  return chosen
}

/** The file's events by service, warning of services the agreement does not name. */
function readEventFile(file: string, spec: AgreementSpec): Map<string, Observation[]> {
  const byService = readStatusEventFile(file)
  warnUnknownServices(file, spec, byService)
  return byService
}

// A misspelt service would otherwise read as a service that never reported.
function warnUnknownServices(file: string, spec: AgreementSpec, byService: Map<string, Observation[]>): void {
  const known = (spec.services ?? []).map((s) => s.id)
  for (const [service, list] of byService) {
    if (known.includes(service)) continue
    const hint = didYouMean(service, known)
    process.stderr.write(
      `upheld: warning: ${file}: ${list.length} event${list.length === 1 ? '' : 's'} for service "${service}", which the agreement does not have${hint ? ` (${hint})` : ''}\n`,
    )
  }
}
