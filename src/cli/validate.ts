// `upheld validate FILE…`: exit 0 when every file is valid, 1 when any is not.
import type { Command } from 'commander'
import { formatIssue } from '../domain/issues.ts'
import { EXIT } from './exit-codes.ts'
import { print } from './output.ts'
import { readAgreementFile } from './read-agreement-file.ts'

export function registerValidate(program: Command, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check agreement files (YAML or JSON): every problem with file:line:column, path and hint')
    .argument('<files...>', 'agreement files')
    .option('--json', 'print JSON')
    .action((files: string[], opts: { json?: boolean }) => {
      const results = files.map((file) => ({ file, result: readAgreementFile(file) }))
      const lines: string[] = []
      for (const { file, result } of results) {
        const problems = result.ok ? [] : result.issues
        lines.push(
          result.ok
            ? `${file}: valid${result.warnings.length > 0 ? ` (${plural(result.warnings.length, 'warning')})` : ''}`
            : `${file}: invalid (${plural(problems.length, 'problem')})`,
        )
        for (const issue of problems) lines.push(`  error    ${formatIssue(issue)}`)
        for (const issue of result.warnings) lines.push(`  warning  ${formatIssue(issue)}`)
      }
      const json = results.map(({ file, result }) => ({
        file,
        valid: result.ok,
        issues: result.ok ? [] : result.issues,
        warnings: result.warnings,
      }))
      print(opts.json, json, lines)
      if (results.some(({ result }) => !result.ok)) setExit(EXIT.negative)
    })
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
