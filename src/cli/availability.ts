// `upheld availability`: a customer's availability objectives over a month or quarter, measured
// from the status intervals in the database (local access is an administrator's). `upheld
// uptime` does the same from files, without a database.
import type { Command } from 'commander'
import { SYSTEM_ACTOR } from '../actions/deps.ts'
import { availabilityJson, availabilityLines } from '../render/availability-report.ts'
import { print } from './output.ts'
import { withDatabase } from './tickets.ts'
import { atOption, periodOption } from './uptime.ts'

type Options = { customer: string; period?: string; at?: string; objective?: string; json?: boolean }

export function registerAvailability(program: Command, now: () => number): void {
  program
    .command('availability')
    .description(
      "a customer's availability objectives over a period, from the status intervals in the database",
    )
    .requiredOption('--customer <id>', 'the customer organisation')
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
    .action(async (opts: Options) => {
      const query = {
        customer: opts.customer,
        period: periodOption(opts.period),
        at: atOption(opts.at, now),
        objective: opts.objective,
      }
      await withDatabase(now, async (deps) => {
        const { measureCustomerAvailability } = await import('../actions/measure-availability.ts')
        const report = await measureCustomerAvailability(deps, SYSTEM_ACTOR, query)
        print(
          opts.json,
          { customer: report.customer, ...availabilityJson(report.period, report.objectives) },
          availabilityLines(report.objectives),
        )
      })
    })
}
