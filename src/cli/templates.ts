// `upheld templates` and `upheld schema`.
import type { Command } from 'commander'
import { agreementJsonSchema } from '../domain/agreement/json-schema.ts'
import { TEMPLATES } from '../domain/templates/index.ts'
import { print } from './output.ts'

export function registerTemplates(program: Command): void {
  program
    .command('templates')
    .description('list the built-in agreement templates')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const width = Math.max(...TEMPLATES.map((t) => t.id.length))
      print(
        opts.json,
        TEMPLATES.map((t) => ({
          id: t.id,
          kind: t.kind,
          title: t.title,
          seeds: t.seeds,
          description: t.description,
          placeholders: t.placeholders,
        })),
        [
          ...TEMPLATES.map((t) => `${t.id.padEnd(width)}  ${t.kind.padEnd(25)} ${t.title}: ${t.description}`),
          '',
          'Start one with: upheld init --template ID -o agreement.yaml',
        ],
      )
    })

  program
    .command('schema')
    .description('print the JSON Schema of agreements (for editors that validate YAML as you type)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(agreementJsonSchema(), null, 2)}\n`)
    })
}
