// `upheld lint FILE --at DATE`: the rules the schema cannot express, as of a date.
import type { Command } from 'commander'
import { AppError } from '../domain/app-error.ts'
import { formatIssue } from '../domain/issues.ts'
import { LINT_RULES, lintAgreement, rulesFor } from '../domain/lint/index.ts'
import { parseLocalDate } from '../domain/local-date.ts'
import { EXIT } from './exit-codes.ts'
import { print } from './output.ts'
import { readAgreementFile } from './read-agreement-file.ts'

type Options = { at?: string; only?: 'submit' | 'continuous'; json?: boolean; rules?: boolean }

export function registerLint(program: Command, now: () => number, setExit: (code: number) => void): void {
  program
    .command('lint')
    .description('check an agreement against the lint rules as of a date (exit 1 when any error is found)')
    .argument('[file]', 'agreement file (YAML or JSON)')
    .option('--at <date>', 'the date to check as of, YYYY-MM-DD (default: today)')
    .option('--only <moment>', 'only the rules run at "submit" or every day while in force ("continuous")')
    .option('--rules', 'list the rules instead of checking a file')
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: Options) => {
      if (opts.rules) {
        print(
          opts.json,
          LINT_RULES.map(({ id, level, when, section, description }) => ({
            id,
            level,
            when,
            section,
            description,
          })),
          LINT_RULES.map(
            (r) => `${r.id.padEnd(44)} ${r.level.padEnd(7)} ${r.when.padEnd(10)} ${r.description}`,
          ),
        )
        return
      }
      if (!file)
        throw new AppError('invalid_input', 'give the agreement file to check, or --rules to list the rules')
      const today = opts.at ?? localDate(now())
      if (parseLocalDate(today) === null)
        throw new AppError('invalid_input', `--at: "${today}" is not a date written YYYY-MM-DD`)
      if (opts.only && opts.only !== 'submit' && opts.only !== 'continuous') {
        throw new AppError('invalid_input', `--only: "${opts.only}" is neither submit nor continuous`)
      }
      const parsed = readAgreementFile(file)
      if (!parsed.ok) {
        throw new AppError(
          'invalid_input',
          `${file} is not a valid agreement; run upheld validate`,
          parsed.issues,
        )
      }
      const findings = lintAgreement(parsed.agreement, {
        today,
        rules: opts.only ? rulesFor(opts.only) : LINT_RULES,
      })
      const located = parsed
        .locate(findings)
        .map((f, i) => ({ ...f, rule: findings[i]!.rule, level: findings[i]!.level }))
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      const errors = findings.filter((f) => f.level === 'error').length
      const lines = located.map((f) => `${f.level.padEnd(8)} ${formatIssue(f)} [${f.rule}]`)
      lines.push(
        `${file}: ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'} as of ${today}`,
      )
      print(opts.json, { file, today, findings: located }, lines)
      if (errors > 0) setExit(EXIT.negative)
    })
}

/** Today's date on this machine's calendar. */
function localDate(t: number): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(t)
}
