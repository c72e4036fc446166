// `upheld init --template ID`: a new agreement from a built-in template, its placeholders
// filled from --set, or asked for at a terminal.
import { existsSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline/promises'
import type { Command } from 'commander'
import { parseAgreement } from '../domain/agreement/parse-agreement.ts'
import { AppError } from '../domain/app-error.ts'
import { didYouMean, formatIssue } from '../domain/issues.ts'
import { checkPlaceholderValue, fillTemplate } from '../domain/templates/fill-template.ts'
import { findTemplate, type Placeholder, TEMPLATES } from '../domain/templates/index.ts'

type InitOptions = {
  template: string
  set: string[]
  output?: string
  force?: boolean
  input: boolean
  interactive?: boolean
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('start an agreement from a template (see `upheld templates`)')
    .requiredOption('-t, --template <id>', 'template id')
    .option(
      '--set <key=value>',
      'fill a placeholder (by id or by the path of its field), or set a field by path; repeatable',
      collect,
      [],
    )
    .option('-o, --output <file>', 'write here instead of standard output')
    .option('-f, --force', 'overwrite the output file')
    .option('--no-input', 'never ask for placeholders, even at a terminal')
    .option('--interactive', 'ask for every unfilled placeholder, reading answers from standard input')
    .addHelpText(
      'after',
      '\nExample:\n  upheld init --template helpdesk-sla --set parties.provider.name="Example IT" -o sla.yaml',
    )
    .action(async (opts: InitOptions) => {
      const template = findTemplate(opts.template)
      if (!template) {
        const ids = TEMPLATES.map((t) => t.id)
        throw new AppError('invalid_input', `--template: no template "${opts.template}"`, [
          {
            path: [],
            message: `no template "${opts.template}"`,
            hint: didYouMean(opts.template, ids) ?? `templates: ${ids.join(', ')}`,
          },
        ])
      }
      if (opts.output && existsSync(opts.output) && !opts.force) {
        throw new AppError('conflict', `${opts.output} exists; pass --force to overwrite it`)
      }
      const settings = Object.fromEntries(opts.set.map(splitSetting))
      let filled = fillTemplate(template, settings)
      if (!filled.ok)
        throw new AppError(
          'invalid_input',
          'invalid --set',
          filled.issues.map((i) => ({ ...i, message: `--set ${i.path[0]}: ${i.message}`, path: [] })),
        )
      const ask = opts.interactive || (opts.input && process.stdin.isTTY)
      if (ask && filled.unresolved.length > 0) {
        Object.assign(settings, await askFor(filled.unresolved))
        filled = fillTemplate(template, settings)
        if (!filled.ok) throw new AppError('invalid_input', 'invalid answer', filled.issues)
      }
      if (opts.output) writeFileSync(opts.output, filled.yaml)
      else process.stdout.write(filled.yaml)
      report(opts.output, template.id, filled.yaml, filled.unresolved)
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function splitSetting(setting: string): [string, string] {
  const eq = setting.indexOf('=')
  if (eq <= 0) throw new AppError('invalid_input', `--set "${setting}": write it as key=value`)
  return [setting.slice(0, eq).trim(), setting.slice(eq + 1)]
}

// Lines are read through one iterator so that answers piped in all at once are not lost.
async function askFor(placeholders: Placeholder[]): Promise<Record<string, string>> {
  const rl = createInterface({ input: process.stdin, terminal: Boolean(process.stdin.isTTY) })
  const lines = rl[Symbol.asyncIterator]()
  const answers: Record<string, string> = {}
  try {
    for (const p of placeholders) {
      for (;;) {
        process.stderr.write(`${p.prompt} [e.g. ${p.example}]: `)
        const next = await lines.next()
        if (next.done) return answers
        const answer = String(next.value).trim()
        if (answer === '') break
        const problem = checkPlaceholderValue(p, answer)
        if (!problem) {
          answers[p.id] = answer
          break
        }
        process.stderr.write(`  ${problem}\n`)
      }
    }
  } finally {
    rl.close()
  }
  return answers
}

function report(
  output: string | undefined,
  templateId: string,
  yaml: string,
  unresolved: Placeholder[],
): void {
  const where = output ?? 'standard output'
  if (unresolved.length === 0) {
    const check = parseAgreement(yaml, { filename: where })
    const note = check.ok
      ? 'it validates'
      : `but it has problems:\n${check.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`
    process.stderr.write(`Wrote ${where} from ${templateId}; ${note}\n`)
    return
  }
  process.stderr.write(
    `Wrote ${where} from ${templateId}, with ${unresolved.length} placeholder${unresolved.length === 1 ? '' : 's'} to fill: ${unresolved.map((p) => p.id).join(', ')}\n` +
      `Fill them with --set ID=VALUE or in the file; \`upheld validate\` lists what is left.\n`,
  )
}
