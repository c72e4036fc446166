// `upheld render FILE --format md|html|pdf [-o OUT]`: the agreement as a document. Markdown
// and HTML go to stdout unless -o is given; a PDF is never written to a terminal.
import { writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import { type Command, Option } from 'commander'
import { AppError } from '../domain/app-error.ts'
import { formatIssue } from '../domain/issues.ts'
import { RENDER_FORMATS, type RenderFormat } from '../render/formats.ts'
import { EXIT } from './exit-codes.ts'
import { readAgreementFile } from './read-agreement-file.ts'

type RenderOptions = { format?: RenderFormat; output?: string }

export function registerRender(program: Command, setExit: (code: number) => void): void {
  program
    .command('render')
    .description('render an agreement as Markdown, HTML or PDF (the PDF embeds agreement.json)')
    .argument('<file>', 'agreement file (YAML or JSON)')
    .addOption(
      new Option('--format <format>', 'output format (default: from the -o extension, else md)').choices(
        RENDER_FORMATS,
      ),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (file: string, opts: RenderOptions) => {
      const format = opts.format ?? formatFromName(opts.output) ?? 'md'
      if (format === 'pdf' && opts.output === undefined && process.stdout.isTTY) {
        throw new AppError(
          'invalid_input',
          'a PDF is binary and will not be written to a terminal: give -o FILE or redirect stdout',
        )
      }
      const result = readAgreementFile(file)
      for (const warning of result.warnings)
        process.stderr.write(`upheld: warning: ${formatIssue(warning)}\n`)
      if (!result.ok) {
        for (const issue of result.issues) process.stderr.write(`upheld: ${formatIssue(issue)}\n`)
        process.stderr.write(`upheld: ${file} is not a valid agreement; nothing was rendered\n`)
        setExit(EXIT.negative)
        return
      }
      // The renderers (pdfmake above all) load only when something is rendered.
      const { outlineFor, renderAgreement } = await import('../render/index.ts')
      const { outline, unknownTemplate } = outlineFor(result.agreement)
      if (unknownTemplate !== undefined) {
        process.stderr.write(
          `upheld: warning: template "${unknownTemplate}" is not a built-in template; using the default outline\n`,
        )
      }
      const output = await renderAgreement(result.agreement, format, outline)
      if (opts.output === undefined) process.stdout.write(output)
      else writeOutput(opts.output, output)
    })
}

function writeOutput(file: string, output: string | Uint8Array): void {
  try {
    writeFileSync(file, output)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError('invalid_input', `${file}: cannot be written (${code ?? String(error)})`)
  }
}

function formatFromName(name: string | undefined): RenderFormat | undefined {
  const extension = name === undefined ? '' : extname(name).slice(1).toLowerCase()
  if (extension === 'markdown') return 'md'
  if (extension === 'htm') return 'html'
  return RENDER_FORMATS.find((f) => f === extension)
}
